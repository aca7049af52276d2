package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code orders}; {@code total} is the sum of its items. */
@Table("orders")
public record Order(@Id long id, long userId, String status, BigDecimal total, Instant createdAt) {}
