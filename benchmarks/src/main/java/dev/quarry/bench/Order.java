package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.util.List;

/** W3's middle tier. */
@Table("bench_orders")
public record Order(
        @Id long id,
        long customerId,
        BigDecimal total,
        @Relation(parentColumn = "id", childColumn = "order_id") List<Item> items) {}
