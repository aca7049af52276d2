package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** An abstract class repository: its own logic on top of the generated statements. */
@Repository
abstract class Inventory {
    @Query("SELECT stock FROM stock WHERE sku = :sku")
    abstract int stockOf(String sku);

    @Query("UPDATE stock SET stock = :stock WHERE sku = :sku")
    protected abstract int setStock(String sku, int stock);

    /** Adds to the stock, refusing to go below zero. */
    int restock(String sku, int delta) {
        int stock = stockOf(sku) + delta;
        if (stock < 0) {
            throw new IllegalArgumentException(sku + " has only " + (stock - delta) + " in stock");
        }
        setStock(sku, stock);
        return stock;
    }
}
