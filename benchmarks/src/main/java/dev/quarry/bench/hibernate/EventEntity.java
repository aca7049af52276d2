package dev.quarry.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code bench_events} as a JPA entity, for W4. */
@Entity
@Table(name = "bench_events")
public class EventEntity {
    @Id
    private long id;
    private int account;
    private double amount;
    private String note;
    @Column(name = "created_at")
    private Instant createdAt;

    protected EventEntity() {}

    public EventEntity(long id, int account, double amount, String note, Instant createdAt) {
        this.id = id;
        this.account = account;
        this.amount = amount;
        this.note = note;
        this.createdAt = createdAt;
    }

    public long getId() {
        return id;
    }
}
