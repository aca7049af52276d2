package dev.quarry.it.readme;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import dev.quarry.runtime.Database;

/** The README's abstract repository class that calls another repository. */
@Repository
public abstract class Orders {
    private final Stock stock;

    protected Orders(Database db) {
        this.stock = db.repository(Stock.class);
    }

    @Query("INSERT INTO order_log (item, quantity) VALUES (:item, :quantity)")
    abstract int log(String item, int quantity);

    @Transactional
    public void ship(String item, int quantity) {
        log(item, quantity);
        stock.take(item, quantity);
    }
}
