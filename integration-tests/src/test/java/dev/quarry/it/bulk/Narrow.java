package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;
import java.time.Instant;

/**
 * Components narrower than their columns ({@code int} for {@code bigint}): fine for statements,
 * which cast; binary COPY needs the exact type. {@code String} for {@code varchar} and an enum for
 * {@code text} are the same binary text.
 */
@Table("wide")
public record Narrow(int id, int qty, String name, Kinds.Mood mood) {
    static final String DDL = """
            CREATE TYPE mood AS ENUM ('CALM', 'TENSE');
            CREATE TABLE wide (id bigint PRIMARY KEY, qty bigint NOT NULL, name varchar(20), mood text);
            CREATE TABLE moods (id bigint PRIMARY KEY, mood mood NOT NULL);
            CREATE TABLE seen_moods (id bigint PRIMARY KEY, seen_at timestamptz NOT NULL, mood mood NOT NULL);
            """;

    /** A row of a table with a PostgreSQL enum column. */
    @Table("moods")
    public record MoodRow(long id, Kinds.Mood mood) {}

    /** A touched column between the key and an enum column, which still needs its cast. */
    @Table("seen_moods")
    public record SeenMood(long id, Instant seenAt, Kinds.Mood mood) {}
}
