package dev.quarry.it.services;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import dev.quarry.runtime.Database;

/**
 * A service-like repository: its constructor takes the {@code Database} the generated
 * implementation passes, so its own methods can call other repositories in one transaction.
 */
@Repository
public abstract class Orders {
    static final String DDL = """
            CREATE TABLE stock (item text PRIMARY KEY, on_hand int NOT NULL CHECK (on_hand >= 0));
            CREATE TABLE shipment (id bigserial PRIMARY KEY, item text NOT NULL, quantity int NOT NULL);
            CREATE TABLE order_log (item text NOT NULL, quantity int NOT NULL);
            """;

    private final Stock stock;
    private final Shipments shipments;

    protected Orders(Database db) {
        this.stock = db.repository(Stock.class);
        this.shipments = db.repository(Shipments.class);
    }

    /** Never called by the implementation: the Database constructor wins. */
    protected Orders() {
        throw new AssertionError("the generated implementation must call Orders(Database)");
    }

    @Query("INSERT INTO order_log (item, quantity) VALUES (:item, :quantity)")
    abstract int log(String item, int quantity);

    @Query("SELECT count(*) FROM order_log")
    public abstract long logged();

    /** Logs the order, ships it and takes it from stock; a CHECK failure on stock takes all three back. */
    @Transactional
    public void ship(String item, int quantity) {
        log(item, quantity);
        shipments.record(item, quantity);
        if (stock.take(item, quantity) != 1) {
            throw new IllegalArgumentException("no stock row for " + item);
        }
    }

    public Stock stock() {
        return stock;
    }

    public Shipments shipments() {
        return shipments;
    }
}
