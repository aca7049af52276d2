package dev.quarry.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * {@code bench_invoices} as a JPA entity, for W9. The customer is not updatable, so an update sets
 * status and total, as every other contender's does ({@code version} is left to the Quarry
 * contender that checks it).
 */
@Entity
@Table(name = "bench_invoices")
public class InvoiceEntity {
    @Id
    private long id;
    @Column(name = "customer_id", updatable = false)
    private long customerId;
    private String status;
    private BigDecimal total;

    protected InvoiceEntity() {}

    public InvoiceEntity(long id, long customerId, String status, BigDecimal total) {
        this.id = id;
        this.customerId = customerId;
        this.status = status;
        this.total = total;
    }

    public long getId() {
        return id;
    }
}
