package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import java.util.List;

/** W3's parent: a customer with its orders, each with its items (three tiers). */
@Table("bench_customers")
public record Customer(
        @Id long id,
        String name,
        @Relation(parentColumn = "id", childColumn = "customer_id") List<Order> orders) {}
