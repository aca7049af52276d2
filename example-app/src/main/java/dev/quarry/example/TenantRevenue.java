package dev.quarry.example;

import java.math.BigDecimal;

/** One line of the revenue report: a tenant, its orders that were not cancelled, and their sum. */
public record TenantRevenue(long tenantId, String tenant, long orders, BigDecimal revenue) {}
