package dev.quarry.runtime;

/** Its constructor fails, so that the lookup's handling of that failure can be observed. */
public final class ExplodingRepository_Impl implements ExplodingRepository {
    /** The failure of the latest construction, for tests to compare with the cause they receive. */
    static volatile IllegalStateException lastFailure;

    public ExplodingRepository_Impl(Database db) {
        IllegalStateException failure = new IllegalStateException("exploding on purpose");
        lastFailure = failure;
        throw failure;
    }
}
