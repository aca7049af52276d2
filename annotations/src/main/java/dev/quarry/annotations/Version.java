package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the optimistic-lock version of a {@link Table} record, an {@code int} or {@code long}
 * column: {@link Update} sets it to {@code version + 1} where it still equals the record's, and
 * {@link Delete} deletes only where it does. A row whose version moved on fails the call with an
 * {@code OptimisticLockException}.
 *
 * <pre>{@code
 * @Table("books")
 * record Book(@Id long id, String title, @Version int version) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Version {}
