package dev.quarry.it.reliability;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;

/** A row with the constraints bad input runs into: NOT NULL, varchar(5), numeric(12, 3). */
@Table("guests")
public record Guest(@Id long id, String code, String name, BigDecimal price) {
    static final String DDL = """
            CREATE TABLE guests (
                id bigint PRIMARY KEY,
                code varchar(5) NOT NULL,
                name text NOT NULL,
                price numeric(12, 3),
                scores integer[]
            );
            CREATE TYPE mood AS ENUM ('CALM', 'TENSE');
            CREATE TABLE visits (
                id bigint PRIMARY KEY,
                mood mood NOT NULL
            );
            CREATE TABLE measures (
                id integer PRIMARY KEY,
                amount numeric(12, 3),
                exact numeric,
                approx double precision
            );
            """;

    static Guest of(long n) {
        return new Guest(n, "g" + n, "guest " + n, BigDecimal.valueOf(n, 2));
    }

    /** A visit in a PostgreSQL enum column. */
    @Table("visits")
    public record Visit(@Id long id, Mood mood) {}

    /** {@code ECSTATIC} exists in Java only: the database's type was never migrated to it. */
    public enum Mood { CALM, TENSE, ECSTATIC }
}
