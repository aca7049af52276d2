package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface or abstract class whose methods Quarry implements at compile time.
 *
 * <p>The processor writes {@code <Name>_Impl} in the same package (a nested type
 * {@code Outer.Inner} becomes {@code Outer_Inner_Impl}) with a public constructor taking a
 * {@code dev.quarry.runtime.Database}. Obtain it with {@code db.repository(Name.class)}:
 *
 * <pre>{@code
 * @Repository
 * public interface UserRepository {
 *     @Query("SELECT id, email FROM users WHERE id = :id")
 *     Optional<User> findById(long id);
 * }
 *
 * UserRepository users = db.repository(UserRepository.class);
 * }</pre>
 *
 * <p>An abstract class needs an accessible no-argument constructor; its concrete methods are
 * left alone and may call the generated ones.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Repository {}
