package dev.quarry.example;

import java.math.BigDecimal;
import java.time.Instant;

/** An order with its position among its tenant's orders, newest first ({@code tenant_rank} 1 is the latest). */
public record RankedOrder(
        long orderId, long tenantId, String email, BigDecimal total, Instant createdAt, long tenantRank) {}
