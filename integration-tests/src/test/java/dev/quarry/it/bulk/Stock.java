package dev.quarry.it.bulk;

/** Rows for {@code @Batch} statements; not a @Table record: @Batch binds any record's components. */
public record Stock(long id, int grp, int qty) {
    /** A change to every row of a group. */
    public record Adjustment(int grp, int delta) {}

    static final String DDL = "CREATE TABLE stock (id bigint PRIMARY KEY, grp integer NOT NULL, qty integer NOT NULL)";
}
