package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** W3's leaf tier. */
@Table("bench_order_items")
public record Item(@Id long id, long orderId, String sku, int quantity) {}
