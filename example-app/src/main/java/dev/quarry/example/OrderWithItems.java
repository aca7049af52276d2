package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order with its items, in item id order (the relation names no {@code orderBy}). */
@Table("orders")
public record OrderWithItems(@Id long id, long userId, String status, BigDecimal total, Instant createdAt,
                             @Relation(parentColumn = "id", childColumn = "order_id") List<OrderItem> items) {}
