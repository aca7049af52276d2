package dev.quarry.it.bulk;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A narrow row for volume, chunking and failure tests. */
@Table("readings")
public record Reading(@Id long id, int sensor, BigDecimal value, String label, Instant takenAt) {
    static final String DDL = """
            CREATE TABLE readings (
                id bigint PRIMARY KEY,
                sensor integer NOT NULL,
                value numeric(12, 3) NOT NULL CONSTRAINT readings_value_check CHECK (value >= 0),
                label text NOT NULL,
                taken_at timestamptz NOT NULL
            );
            """;

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Row {@code n} of a generated series: every column derived from n, so sums can be computed. */
    static Reading of(long n) {
        return new Reading(n, (int) (n % 1000), BigDecimal.valueOf(n % 100_000, 3), "reading-" + n,
                START.plusSeconds(n));
    }
}
