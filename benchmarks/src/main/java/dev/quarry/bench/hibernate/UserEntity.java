package dev.quarry.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code bench_users} as a JPA entity. */
@Entity
@Table(name = "bench_users")
public class UserEntity {
    @Id
    private long id;
    private String email;
    private String name;
    private int score;
    @Column(name = "created_at")
    private Instant createdAt;

    protected UserEntity() {}

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public int getScore() {
        return score;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
