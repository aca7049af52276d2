package dev.quarry.runtime;

/** Lacks the {@code (Database)} constructor every implementation must have. */
public final class RepositoryLookupTest_WithoutDatabaseConstructor_Impl
        implements RepositoryLookupTest.WithoutDatabaseConstructor {
    public RepositoryLookupTest_WithoutDatabaseConstructor_Impl() {
    }
}
