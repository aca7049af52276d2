package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The column a record component is read from (and written to). Without it, the column is the
 * component name in lower_snake_case: {@code tenantRank} reads {@code tenant_rank}.
 *
 * <pre>{@code
 * public record UserRow(long id, @Column("email_address") String email) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Column {
    /** The column name or result label, as PostgreSQL reports it (unquoted names are lower case). */
    String value();
}
