package dev.quarry.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class RepositoryLookupTest {
    interface Nested {
    }

    interface Unimplemented {
    }

    interface WithoutDatabaseConstructor {
    }

    static final class Outer {
        interface Inner {
        }
    }

    private static Database db;

    @BeforeAll
    static void open(TestDatabase test) {
        db = Database.of(test.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void namesTheImplementationOfATopLevelTypeNextToIt() {
        assertEquals("dev.quarry.runtime.GreetingRepository_Impl", Database.implementationName(GreetingRepository.class));
        assertEquals("java.util.List_Impl", Database.implementationName(java.util.List.class));
    }

    @Test
    void joinsNestedTypeNamesWithUnderscores() {
        assertEquals("dev.quarry.runtime.RepositoryLookupTest_Nested_Impl", Database.implementationName(Nested.class));
        assertEquals("dev.quarry.runtime.RepositoryLookupTest_Outer_Inner_Impl",
                Database.implementationName(Outer.Inner.class));
        assertEquals("java.util.Map_Entry_Impl", Database.implementationName(Map.Entry.class));
    }

    @Test
    void namesTheImplementationOfATypeInTheUnnamedPackageWithoutAPackagePrefix() throws ClassNotFoundException {
        // Named code cannot refer to the unnamed package, hence the lookup by name.
        Class<?> type = Class.forName("DefaultPackageRepository");
        assertEquals("DefaultPackageRepository_Impl", Database.implementationName(type));
    }

    @Test
    void findsAHandWrittenImplementationAndPassesItTheDatabase() {
        GreetingRepository greetings = db.repository(GreetingRepository.class);

        GreetingRepository_Impl impl = assertInstanceOf(GreetingRepository_Impl.class, greetings);
        assertSame(db, impl.database());
        assertEquals("hello, ann", greetings.greet("ann"));
    }

    @Test
    void createsEachRepositoryOncePerDatabase(TestDatabase test) {
        GreetingRepository first = db.repository(GreetingRepository.class);
        assertSame(first, db.repository(GreetingRepository.class));

        try (Database other = Database.of(test.dataSource())) {
            GreetingRepository ofOther = other.repository(GreetingRepository.class);
            assertNotSame(first, ofOther);
            assertSame(other, ((GreetingRepository_Impl) ofOther).database());
        }
    }

    @Test
    void findsTheImplementationOfANestedType() {
        assertInstanceOf(RepositoryLookupTest_Nested_Impl.class, db.repository(Nested.class));
    }

    @Test
    void findsTheImplementationOfATypeInTheUnnamedPackage() throws ClassNotFoundException {
        Class<?> type = Class.forName("DefaultPackageRepository");
        Object repository = db.repository(type);
        assertEquals("DefaultPackageRepository_Impl", repository.getClass().getName());
        assertSame(repository, db.repository(type));
    }

    @Test
    void aMissingImplementationNamesTheExpectedClassAndTheProcessor() {
        DataException e = assertThrows(DataException.class, () -> db.repository(Unimplemented.class));
        assertEquals("no generated implementation dev.quarry.runtime.RepositoryLookupTest_Unimplemented_Impl"
                + " for dev.quarry.runtime.RepositoryLookupTest$Unimplemented: is it annotated @Repository,"
                + " and is quarry-processor on the annotation processor path?", e.getMessage());
        assertInstanceOf(ClassNotFoundException.class, e.getCause());
    }

    @Test
    void aFailingConstructorIsReportedWithItsCause() {
        DataException e = assertThrows(DataException.class, () -> db.repository(ExplodingRepository.class));
        IllegalStateException thrown = ExplodingRepository_Impl.lastFailure;
        assertNotNull(thrown);
        assertSame(thrown, e.getCause());
        assertEquals("creating dev.quarry.runtime.ExplodingRepository_Impl failed:"
                + " java.lang.IllegalStateException: exploding on purpose", e.getMessage());
    }

    @Test
    void aFailedConstructionIsNotRemembered() {
        DataException first = assertThrows(DataException.class, () -> db.repository(ExplodingRepository.class));
        DataException second = assertThrows(DataException.class, () -> db.repository(ExplodingRepository.class));
        // A new cause means the constructor ran again rather than a cached failure being replayed.
        assertNotSame(first.getCause(), second.getCause());
        assertSame(ExplodingRepository_Impl.lastFailure, second.getCause());
    }

    @Test
    void anImplementationWithoutADatabaseConstructorIsReported() {
        DataException e = assertThrows(DataException.class, () -> db.repository(WithoutDatabaseConstructor.class));
        assertEquals("cannot create dev.quarry.runtime.RepositoryLookupTest_WithoutDatabaseConstructor_Impl:"
                + " java.lang.NoSuchMethodException:"
                + " dev.quarry.runtime.RepositoryLookupTest_WithoutDatabaseConstructor_Impl.<init>(dev.quarry.runtime.Database)",
                e.getMessage());
        assertInstanceOf(NoSuchMethodException.class, e.getCause());
    }

    @Test
    void rejectsANullTypeByName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> db.repository(null));
        assertEquals("type", e.getMessage());
    }
}
