package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;
import java.time.Instant;

/** A row keyed by email, for upserts; {@code updatedAt} is the touched column. */
@Table("members")
public record Member(String email, String name, String status, int visits, Instant updatedAt) {
    /** What an upsert returns about each row it wrote. */
    public record Key(String email, String status) {}

    static final String DDL = """
            CREATE TABLE members (
                email text PRIMARY KEY,
                name text NOT NULL,
                status text NOT NULL,
                visits integer NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE TABLE tags (
                id bigserial PRIMARY KEY,
                code text UNIQUE,
                label text NOT NULL
            );
            """;
}
