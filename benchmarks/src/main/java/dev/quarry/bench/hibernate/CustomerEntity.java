package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * {@code bench_customers}. Both tiers are fetched by SUBSELECT, Hibernate's documented answer to
 * N+1 for collections: one statement per tier, keyed by the query that loaded the parents.
 */
@Entity
@Table(name = "bench_customers")
public class CustomerEntity {
    @Id
    private long id;
    private String name;
    @OneToMany(mappedBy = "customer")
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    private List<OrderEntity> orders = new ArrayList<>();

    protected CustomerEntity() {}

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<OrderEntity> getOrders() {
        return orders;
    }
}
