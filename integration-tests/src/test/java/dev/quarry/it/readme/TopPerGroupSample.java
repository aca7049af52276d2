package dev.quarry.it.readme;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.TopPerGroup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The README's {@code @TopPerGroup} sample. */
@Repository
interface TopPerGroupSample {
    record RecentOrder(long userId, long id, BigDecimal total, Instant createdAt) {}

    @TopPerGroup(partitionBy = "user_id", orderBy = "created_at DESC, id DESC", limit = ":n")
    @Query("SELECT user_id, id, total, created_at FROM orders")
    List<RecentOrder> latestOrdersPerUser(int n);     // RecentOrder may declare an int or long rank component
}
