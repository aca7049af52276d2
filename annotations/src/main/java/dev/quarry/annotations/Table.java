package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table a record maps to.
 *
 * <pre>{@code
 * @Table("users")
 * public record User(@Id long id, String email, @Column("status") String state) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table name, optionally schema-qualified ({@code "billing.invoices"}). */
    String value();
}
