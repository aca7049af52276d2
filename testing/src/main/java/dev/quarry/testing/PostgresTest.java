package dev.quarry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a fresh PostgreSQL database; shorthand for
 * {@code @ExtendWith(PostgresExtension.class)}. Inherited by subclasses (each gets its own database).
 *
 * <pre>{@code
 * @PostgresTest
 * class UserRepositoryTest {
 *     @Test
 *     void finds(TestDatabase db) {
 *         db.execute("create table users (id bigserial primary key, name text)");
 *         assertEquals(0, db.queryLong("select count(*) from users"));
 *     }
 * }
 * }</pre>
 *
 * @see PostgresExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {
}
