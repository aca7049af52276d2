package dev.quarry.bench;

import java.time.Instant;

/** A row of {@code bench_posts}, the feed W8 pages through in {@code (created_at, id)} order. */
public record Post(long id, long authorId, String title, int likes, Instant createdAt) {}
