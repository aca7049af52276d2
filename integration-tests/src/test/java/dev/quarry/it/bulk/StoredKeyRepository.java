package dev.quarry.it.bulk;

import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface StoredKeyRepository {
    @Upsert(conflict = "at")
    long stamps(List<StoredKey.Stamp> rows);

    @Upsert(conflict = "at")
    long stamps3(List<StoredKey.Stamp3> rows);

    @Upsert(conflict = "price")
    long prices(List<StoredKey.Price> rows);

    @Upsert(conflict = "price")
    long priceStream(Stream<StoredKey.Price> rows);

    @Upsert(conflict = "price", returning = {"price", "label"})
    List<StoredKey.Written> pricesReturning(List<StoredKey.Price> rows);

    @Insert(strategy = InsertStrategy.UNNEST)
    long insertPrices(List<StoredKey.Price> rows);

    @Insert(strategy = InsertStrategy.BATCH)
    long batchPrices(List<StoredKey.Price> rows);

    @Insert(strategy = InsertStrategy.COPY)
    long copyScores(List<StoredKey.Score> rows);

    @Upsert(conflict = "score")
    long scores(List<StoredKey.Score> rows);

    @Upsert(conflict = "code")
    long codes(List<StoredKey.Code> rows);

    @Upsert(conflict = "code")
    long shortCodes(List<StoredKey.Short> rows);

    @Upsert(conflict = "name")
    long names(List<StoredKey.Name> rows);

    @Upsert(conflict = "name")
    long blindNames(List<StoredKey.Blind> rows);

    @Upsert(conflict = {"shop", "price"}, update = "label")
    long pairs(List<StoredKey.Pair> rows);
}
