package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deletes rows of a {@link Table} record by its {@link Id}, without SQL: by a record (and its
 * {@link Version}, when it has one), or by id values, one or a collection
 * ({@code WHERE id = ANY(?)}; an empty collection runs no SQL). The method returns {@code void},
 * {@code boolean} or the rows deleted as {@code int} or {@code long}; a stale version is an
 * {@code OptimisticLockException}, a {@code void} method that finds no row a {@code NoResultException}.
 *
 * <pre>{@code
 * @Delete boolean delete(Book book);
 * @Delete long deleteByIds(List<Long> ids);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Delete {
    /** The {@link Table} record whose rows a delete by id values removes; unused when the method takes a record. */
    Class<? extends Record> value() default Record.class;
}
