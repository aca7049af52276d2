package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.time.Instant;

/** A row W4 inserts into {@code bench_events}. */
@Table("bench_events")
public record Event(@Id long id, int account, double amount, String note, Instant createdAt) {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** Row {@code n} of the input: every value derived from n. */
    static Event of(long n) {
        return new Event(n, (int) (n % 5_000), (n % 100_000) / 100.0, "event number " + n, START.plusSeconds(n));
    }
}
