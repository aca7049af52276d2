package dev.quarry.it.stream;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface StreamGraph {
    @Table("lines")
    record Line(@Id long id, long orderId, String sku) {}

    @Table("orders")
    record Order(@Id long id, long customerId,
                 @Relation(parentColumn = "id", childColumn = "order_id") List<Line> lines) {}

    @Table("customers")
    record Customer(@Id long id, String name,
                    @Relation(parentColumn = "id", childColumn = "customer_id") List<Order> orders) {}

    @FetchSize(40)
    @Query("SELECT id, name FROM customers ORDER BY id")
    Stream<Customer> stream();

    @FetchSize(40)
    @Query("SELECT id, name FROM customers ORDER BY id")
    Stream<List<Customer>> chunks();

    @Query("SELECT id, name FROM customers ORDER BY id")
    List<Customer> list();
}
