package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reads rows of a {@link Table} record by its columns, without SQL: {@code SELECT <the record's
 * columns> FROM <table> WHERE <column> = :param AND …}, each parameter naming a column by the usual
 * rule (the parameter name in lower_snake_case, or {@link Bind}); a collection parameter matches
 * any of its values ({@code = ANY(?)}). Rows come in {@link Id} order. The method returns the
 * record, {@code Optional}, {@code List}, {@code Stream}, a {@code Page} or a {@code CursoredPage},
 * and takes {@link Filter}s, a {@code Sort}, a {@code PageRequest} and {@link Fetch} like a
 * {@link Query} method.
 *
 * <pre>{@code
 * @Find Optional<Book> findById(long id);
 * @Find List<Book> findByAuthorId(List<Long> authorId);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Find {}
