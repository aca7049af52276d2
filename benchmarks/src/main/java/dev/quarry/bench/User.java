package dev.quarry.bench;

import java.time.Instant;

/** A row of {@code bench_users}: W1 reads one, W2 a hundred. */
public record User(long id, String email, String name, int score, Instant createdAt) {}
