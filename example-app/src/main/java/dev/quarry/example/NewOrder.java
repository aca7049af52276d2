package dev.quarry.example;

import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An order to import: every column of {@code orders} but the id, which the table's sequence assigns. */
@Table("orders")
public record NewOrder(long userId, String status, BigDecimal total, Instant createdAt) {}
