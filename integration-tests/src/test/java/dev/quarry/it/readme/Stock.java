package dev.quarry.it.readme;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** What the README's {@link Orders} calls. */
@Repository
public interface Stock {
    @Query("UPDATE stock SET quantity = quantity - :quantity WHERE item = :item")
    int take(String item, int quantity);
}
