package dev.quarry.bench.peers;

import dev.quarry.bench.Customer;
import dev.quarry.bench.Item;
import dev.quarry.bench.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.result.LinkedHashMapRowReducer;
import org.jdbi.v3.core.result.RowView;

/**
 * Folds the joined rows into customers, as in JDBI's reducer examples. The rows come sorted by
 * customer, order and item, so a customer's last order is the one a row can continue.
 */
public final class CustomerGraphReducer implements LinkedHashMapRowReducer<Long, Customer> {
    @Override
    public void accumulate(Map<Long, Customer> customers, RowView row) {
        Customer customer = customers.computeIfAbsent(row.getColumn("c_id", Long.class),
                id -> new Customer(id, row.getColumn("c_name", String.class), new ArrayList<>()));
        Long orderId = row.getColumn("o_id", Long.class);
        if (orderId == null) {
            return;
        }
        List<Order> orders = customer.orders();
        Order order = orders.isEmpty() ? null : orders.get(orders.size() - 1);
        if (order == null || order.id() != orderId) {
            order = new Order(orderId, row.getColumn("o_customer_id", Long.class),
                    row.getColumn("o_total", BigDecimal.class), new ArrayList<>());
            orders.add(order);
        }
        Long itemId = row.getColumn("i_id", Long.class);
        if (itemId != null) {
            order.items().add(new Item(itemId, row.getColumn("i_order_id", Long.class),
                    row.getColumn("i_sku", String.class), row.getColumn("i_quantity", Integer.class)));
        }
    }
}
