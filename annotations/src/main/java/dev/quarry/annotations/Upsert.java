package dev.quarry.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inserts {@link Table} records, updating the existing row where one conflicts:
 * {@code INSERT … SELECT * FROM unnest(…) ON CONFLICT (conflict) DO UPDATE SET c = EXCLUDED.c …}.
 * Parameters and return types are those of {@link Insert}; the returned count is the rows
 * inserted or updated.
 *
 * <pre>{@code
 * @Table("users")
 * public record UserRow(String email, String name, String status, Instant updatedAt) {}
 *
 * @Upsert(conflict = "email", update = "status", touch = "updated_at")
 * long upsert(List<UserRow> users);
 *
 * @Upsert(conflict = "email", doNothing = true)
 * long insertMissing(List<UserRow> users);
 * }</pre>
 *
 * <p>Within each chunk, rows with the same conflict key are reduced to the last one and the
 * chunk is sorted by the key, so PostgreSQL never sees one key twice in a statement (SQLSTATE
 * 21000) and concurrent upserts lock rows in the same order instead of deadlocking. A
 * {@code Collection} input is sorted and reduced as a whole, which keeps that order across its
 * chunks too. All chunks run in one transaction.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upsert {
    /** The columns of the unique index or constraint that decides a conflict; at least one. */
    String[] conflict();

    /** Columns set from the new row on conflict; empty means every column not in {@link #conflict()} or {@link #touch()}. */
    String[] update() default {};

    /** Columns set to {@code now()}, on insert and on update; the record's value is not used. */
    String[] touch() default {};

    /** Rows per statement; at least 1. */
    int chunkSize() default 10_000;

    /** {@code ON CONFLICT (…) DO NOTHING}: keep existing rows unchanged. */
    boolean doNothing() default false;

    /**
     * Columns to return for each row inserted or updated (not for rows left alone by
     * {@link #doNothing()}), in the order rows were written: each chunk in conflict-key order.
     */
    String[] returning() default {};
}
