import dev.quarry.runtime.Database;

/** The implementation of {@link DefaultPackageRepository}, in the unnamed package too. */
public final class DefaultPackageRepository_Impl implements DefaultPackageRepository {
    public DefaultPackageRepository_Impl(Database db) {
    }
}
