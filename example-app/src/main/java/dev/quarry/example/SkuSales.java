package dev.quarry.example;

import java.math.BigDecimal;

/** Units sold and revenue of one SKU over all orders. */
public record SkuSales(String sku, long units, BigDecimal revenue) {}
