package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;

/** A sign-up whose key, join date and referrer the table fills in: the record writes only the email. */
@Table("signups")
public record Signup(String email) {
    /** What inserting one returns about it. */
    public record Created(long id, String email) {}

    static final String DDL = """
            CREATE TABLE signups (
                id bigserial PRIMARY KEY,
                email text NOT NULL UNIQUE,
                joined_on date NOT NULL DEFAULT DATE '2024-02-29',
                referrer bigint
            )
            """;
}
