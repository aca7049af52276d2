package dev.quarry.example;

import java.math.BigDecimal;

/** How many orders there are and what they add up to, as PostgreSQL counts them. */
public record OrderTotals(long orders, BigDecimal total) {}
