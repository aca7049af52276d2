package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Upsert keys that differ in Java but are one key once PostgreSQL stores them: a timestamptz
 * keeps microseconds, a numeric(10,2) two decimals, a float8 has one zero, a char(5) pads with
 * spaces, a citext and a case-insensitive collation ignore case.
 */
public final class StoredKey {
    private StoredKey() {}

    static final String DDL = """
            CREATE EXTENSION IF NOT EXISTS citext;
            CREATE COLLATION IF NOT EXISTS case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE TABLE stamp_keys (at timestamptz PRIMARY KEY, label text NOT NULL);
            CREATE TABLE stamp3_keys (at timestamptz(3) PRIMARY KEY, label text NOT NULL);
            CREATE TABLE price_keys (price numeric(10,2) PRIMARY KEY, label text NOT NULL);
            CREATE TABLE score_keys (score float8 PRIMARY KEY, label text NOT NULL);
            CREATE TABLE code_keys (code char(5) PRIMARY KEY, label text NOT NULL);
            CREATE TABLE short_keys (code varchar(3) PRIMARY KEY, label text NOT NULL);
            CREATE TABLE name_keys (name citext PRIMARY KEY, label text NOT NULL);
            CREATE TABLE blind_keys (name text COLLATE case_blind PRIMARY KEY, label text NOT NULL);
            CREATE TABLE pair_keys (id bigserial PRIMARY KEY, shop int4, price numeric(10,2), label text NOT NULL,
                                    UNIQUE (shop, price));
            """;

    @Table("stamp_keys")
    public record Stamp(Instant at, String label) {}

    @Table("stamp3_keys")
    public record Stamp3(Instant at, String label) {}

    @Table("price_keys")
    public record Price(BigDecimal price, String label) {}

    @Table("score_keys")
    public record Score(double score, String label) {}

    @Table("code_keys")
    public record Code(String code, String label) {}

    @Table("short_keys")
    public record Short(String code, String label) {}

    @Table("name_keys")
    public record Name(String name, String label) {}

    @Table("blind_keys")
    public record Blind(String name, String label) {}

    /** A two-column key whose components may be NULL. */
    @Table("pair_keys")
    public record Pair(Integer shop, BigDecimal price, String label) {}

    /** What an upsert returns about each row it wrote. */
    public record Written(BigDecimal price, String label) {}
}
