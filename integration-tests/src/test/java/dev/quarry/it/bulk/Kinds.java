package dev.quarry.it.bulk;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every column type bulk writes support, in primitive and nullable forms. */
@Table("kinds")
public record Kinds(
        @Id long id,
        int i, Integer iOrNull,
        long l, Long lOrNull,
        short sh, Short shOrNull,
        double db, Double dbOrNull,
        float fl, Float flOrNull,
        boolean b, Boolean bOrNull,
        String s,
        BigDecimal d,
        Instant ts,
        OffsetDateTime odt,
        LocalDate ld,
        LocalDateTime ldt,
        UUID u,
        byte[] bytes,
        Shade shade,
        @Column("mood") Mood feeling) {

    public enum Shade { LIGHT, DARK }

    /** Stored in a PostgreSQL enum type of the same constants. */
    public enum Mood { CALM, TENSE }

    static final String DDL = """
            CREATE TYPE mood AS ENUM ('CALM', 'TENSE');
            CREATE TABLE kinds (
                id bigint PRIMARY KEY,
                i integer NOT NULL, i_or_null integer,
                l bigint NOT NULL, l_or_null bigint,
                sh smallint NOT NULL, sh_or_null smallint,
                db double precision NOT NULL, db_or_null double precision,
                fl real NOT NULL, fl_or_null real,
                b boolean NOT NULL, b_or_null boolean,
                s text,
                d numeric,
                ts timestamptz,
                odt timestamptz,
                ld date,
                ldt timestamp,
                u uuid,
                bytes bytea,
                shade varchar(10),
                mood text
            );
            """;
}
