package dev.quarry.it.services;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** Shipments written, the other repository {@link Orders} calls. */
@Repository
public interface Shipments {
    @Query("INSERT INTO shipment (item, quantity) VALUES (:item, :quantity)")
    int record(String item, int quantity);

    @Query("SELECT count(*) FROM shipment")
    long count();
}
