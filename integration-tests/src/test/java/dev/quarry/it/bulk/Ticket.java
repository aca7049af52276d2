package dev.quarry.it.bulk;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Table;

/** A ticket with its key given by the caller. */
@Table("tickets")
public record Ticket(long id, @Column("title") String subject) {
    /** A ticket whose key the table generates. */
    @Table("tickets")
    public record New(String title) {}

    /** What inserting a {@link New} ticket returns. */
    public record Created(long id, String title) {}

    static final String DDL = "CREATE TABLE tickets (id bigserial PRIMARY KEY, title text NOT NULL)";
}
