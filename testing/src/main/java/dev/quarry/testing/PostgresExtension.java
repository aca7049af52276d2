package dev.quarry.testing;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test class its own fresh database on the shared {@link PostgresServer}.
 * The database is created before the class's first test and dropped after its last one. Parameters of type
 * {@link TestDatabase} (in constructors, {@code @BeforeAll}, {@code @BeforeEach} and test methods) receive it.
 * {@code @Nested} classes share the database of their enclosing class.
 *
 * <p>Usually applied through {@link PostgresTest}:
 * <pre>{@code
 * @PostgresTest
 * class UserRepositoryTest {
 *     @Test
 *     void finds(TestDatabase db) {
 *         db.execute("create table users (name text); insert into users values ('ann')");
 *         assertEquals(1, db.queryLong("select count(*) from users"));
 *     }
 * }
 * }</pre>
 * Register it on the class (not on single methods), otherwise the database is never dropped.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String KEY = "database";

    /** Instantiated by JUnit through {@code @ExtendWith}. */
    public PostgresExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() only looks at this class's own store, so a @Nested class never drops its outer class's database.
        TestDatabase db = context.getStore(NAMESPACE).remove(KEY, TestDatabase.class);
        if (db != null) {
            PostgresServer.shared().dropDatabase(db);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Not just a lookup: with @TestInstance(PER_CLASS) the constructor is resolved before beforeAll runs.
        return database(extensionContext);
    }

    /** The database of the nearest test class, created on first request; lookups see enclosing classes' stores. */
    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        String prefix = classContext.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                KEY, key -> PostgresServer.shared().createDatabase(prefix), TestDatabase.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class)) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                throw new IllegalStateException("PostgresExtension needs a test class context, got " + context.getUniqueId());
            }
            current = parent.get();
        }
        return current;
    }
}
