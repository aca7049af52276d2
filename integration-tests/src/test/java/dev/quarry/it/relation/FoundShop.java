package dev.quarry.it.relation;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Repository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The shop's graphs looked up without SQL: {@code @Find} with its relations loaded either way. */
@Repository
public interface FoundShop {
    @Find
    Optional<Shop.User> findById(long id);

    @Find
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    @Fetch(value = "profile", strategy = FetchStrategy.JOINED)
    List<Shop.User> findByIdJoined(Collection<Long> id);

    @Find
    List<Shop.UserOrders> findById(Collection<Long> id);
}
