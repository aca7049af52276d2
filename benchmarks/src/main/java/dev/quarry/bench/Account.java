package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.time.Instant;

/** A row W5 upserts into {@code bench_accounts}; {@code updatedAt} is set to now() by every contender. */
@Table("bench_accounts")
public record Account(@Id long id, String email, long balance, String status, Instant updatedAt) {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** Row {@code n} of the input. */
    static Account of(long n) {
        return new Account(n, "user" + n + "@example.com", n * 7 % 10_000, n % 3 == 0 ? "gold" : "active", START);
    }
}
