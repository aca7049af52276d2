package dev.quarry.it.bulk;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

@Repository
public interface StockRepository {
    @Batch(chunkSize = 3)
    @Query("INSERT INTO stock (id, grp, qty) VALUES (:id, :grp, :qty)")
    int insert(Stream<Stock> rows);

    /** Returns nothing, so it needs no count from the driver. */
    @Batch(chunkSize = 3)
    @Query("INSERT INTO stock (id, grp, qty) VALUES (:id, :grp, :qty)")
    void insertAll(List<Stock> rows);

    @Batch
    @Query("UPDATE stock SET qty = qty + :delta WHERE grp = :grp")
    long adjust(List<Stock.Adjustment> changes);

    /** The parameter-qualified form binds the same components. */
    @Batch(chunkSize = 2)
    @Query("DELETE FROM stock WHERE grp = :changes.grp AND qty < :changes.delta")
    void deleteBelow(Set<Stock.Adjustment> changes);
}
