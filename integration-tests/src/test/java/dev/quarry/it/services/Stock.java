package dev.quarry.it.services;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** Quantities on hand, one of the two repositories {@link Orders} calls. */
@Repository
public interface Stock {
    @Query("UPDATE stock SET on_hand = on_hand - :quantity WHERE item = :item")
    int take(String item, int quantity);

    @Query("SELECT on_hand FROM stock WHERE item = :item")
    int onHand(String item);
}
