package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;

/** A row of {@code order_items}: {@code quantity} pieces of {@code sku} at {@code price} each. */
@Table("order_items")
public record OrderItem(@Id long id, long orderId, String sku, int quantity, BigDecimal price) {}
