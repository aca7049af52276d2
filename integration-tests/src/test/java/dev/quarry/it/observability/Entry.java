package dev.quarry.it.observability;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A row of {@code watched}. */
@Table("watched")
public record Entry(@Id long id, String label) {
    static final String DDL = """
            CREATE TABLE watched (id bigint PRIMARY KEY, label text NOT NULL);
            CREATE FUNCTION watched_conflict(attempt int) RETURNS int LANGUAGE plpgsql AS $$
            BEGIN
                IF attempt < 3 THEN
                    RAISE EXCEPTION 'conflict on attempt %', attempt USING ERRCODE = '40001';
                END IF;
                RETURN attempt;
            END $$;
            """;
}
