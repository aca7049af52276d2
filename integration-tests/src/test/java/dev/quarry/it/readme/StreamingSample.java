package dev.quarry.it.readme;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/** The README's streaming sample. */
final class StreamingSample {
    record OrderRow(long id, long userId, BigDecimal total) {}

    @Repository
    interface Orders {
        @FetchSize(10_000)
        @Query("SELECT id, user_id, total FROM orders ORDER BY id")
        Stream<List<OrderRow>> allOrdersInChunks();
    }

    static void exportAll(Orders orders) {
        try (Stream<List<OrderRow>> chunks = orders.allOrdersInChunks()) {
            chunks.forEach(chunk -> export(chunk));
        }
    }

    static void export(List<OrderRow> chunk) {}

    private StreamingSample() {}
}
