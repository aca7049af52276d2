package dev.quarry.bench.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** {@code bench_orders}. */
@Entity
@Table(name = "bench_orders")
public class OrderEntity {
    @Id
    private long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private CustomerEntity customer;
    private BigDecimal total;
    @OneToMany(mappedBy = "order")
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    private List<ItemEntity> items = new ArrayList<>();

    protected OrderEntity() {}

    public long getId() {
        return id;
    }

    public CustomerEntity getCustomer() {
        return customer;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public List<ItemEntity> getItems() {
        return items;
    }
}
