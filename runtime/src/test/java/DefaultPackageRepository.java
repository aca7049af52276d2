/** A repository type in the unnamed package: its implementation name must not start with a dot. */
public interface DefaultPackageRepository {
}
