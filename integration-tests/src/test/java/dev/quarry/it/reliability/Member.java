package dev.quarry.it.reliability;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A user row whose text columns carry hostile strings. */
@Table("users")
public record Member(@Id long id, String name, String note, Role role) {
    static final String DDL = """
            CREATE TABLE users (
                id bigint PRIMARY KEY,
                name text NOT NULL,
                note text,
                role text,
                tags text[]
            );
            CREATE TABLE canary (id integer PRIMARY KEY);
            INSERT INTO canary VALUES (1);
            """;

    /**
     * An enum whose {@code toString()} is an injection string: enums bind by {@code name()},
     * so only {@code ADMIN} or {@code MEMBER} can ever reach the database.
     */
    public enum Role {
        ADMIN {
            @Override
            public String toString() {
                return "'; DROP TABLE users; --";
            }
        },
        MEMBER
    }
}
