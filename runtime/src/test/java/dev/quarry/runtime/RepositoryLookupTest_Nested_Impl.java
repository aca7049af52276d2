package dev.quarry.runtime;

/** The implementation of the nested type {@code RepositoryLookupTest.Nested}, named as the processor names it. */
public final class RepositoryLookupTest_Nested_Impl implements RepositoryLookupTest.Nested {
    public RepositoryLookupTest_Nested_Impl(Database db) {
    }
}
