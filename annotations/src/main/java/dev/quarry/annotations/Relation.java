package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component loaded from a related {@link Table} record: the child rows whose
 * {@code childColumn} equals this row's {@code parentColumn}. The component's type says how many:
 * {@code List<C>} or {@code Set<C>} (none → empty), {@code Optional<C>} (none → empty) or
 * {@code C} (none → {@code null}). {@code C} may have relations of its own.
 *
 * <pre>{@code
 * @Table("users")
 * record User(@Id long id, String email,
 *             @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
 *             List<Order> orders) {}
 * }</pre>
 *
 * <p>How the children are loaded is chosen per method with {@link Fetch}; by default one
 * {@code … WHERE user_id = ANY(?)} query per tier ({@link FetchStrategy#SELECT_IN}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Relation {
    /** The parent's column (a component of the parent record) holding the key. */
    String parentColumn();

    /** The child's column (a component of the child record) that refers to the parent's key. */
    String childColumn();

    /**
     * SQL {@code ORDER BY} items for the children of one parent, over the child table's columns;
     * without it children come in the order of the child's {@link Id}.
     */
    String orderBy() default "";

    /**
     * The SQL that loads the children under {@link FetchStrategy#SELECT_IN}, for children that need a
     * filter: it must select the child record's columns and use {@code :keys}, the array of parent
     * keys, e.g. {@code SELECT id, user_id, total FROM orders WHERE user_id = ANY(:keys) AND status <> 'void'}.
     */
    String query() default "";
}
