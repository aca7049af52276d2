package dev.quarry.it.reliability;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The same rows through every way of writing them, to meet bad values on each path. */
@Repository
public interface BadInput {
    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Guest> guests);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<Guest> guests);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<Guest> guests);

    @Insert
    long auto(Stream<Guest> guests);

    @Upsert(conflict = "id")
    long upsert(List<Guest> guests);

    @Batch
    @Query("INSERT INTO guests (id, code, name, price) VALUES (:id, :code, :name, :price)")
    long batchQuery(List<Guest> guests);

    @Query("INSERT INTO guests (id, code, name, price) VALUES (:id, :code, :name, :price)")
    int add(long id, String code, String name, BigDecimal price);

    @Query("INSERT INTO guests (id, code, name, price) VALUES (:g.id, :g.code, :g.name, :g.price)")
    int addRecord(Guest g);

    @Query("SELECT id FROM guests WHERE id = ANY(:ids) ORDER BY id")
    List<Long> find(List<Long> ids);

    @Query("SELECT count(*) FROM guests")
    long count();

    // a PostgreSQL enum column

    @Insert(strategy = InsertStrategy.COPY)
    long copyVisits(List<Guest.Visit> visits);

    @Insert(strategy = InsertStrategy.BATCH)
    long batchVisits(List<Guest.Visit> visits);

    @Batch
    @Query("INSERT INTO visits (id, mood) VALUES (:id, :mood)")
    long batchQueryVisits(List<Guest.Visit> visits);

    @Query("INSERT INTO visits (id, mood) VALUES (:id, :mood)")
    int addVisit(long id, Guest.Mood mood);

    // arrays

    @Query("UPDATE guests SET scores = :scores WHERE id = :id")
    int setScores(long id, List<Long> scores);

    @Query("SELECT scores::text FROM guests WHERE id = :id")
    Optional<String> scores(long id);

    // NaN and infinity in numeric columns

    @Query("INSERT INTO measures (id, amount, exact, approx) VALUES (:id, :value, :value, :value)")
    int measure(int id, double value);

    @Query("INSERT INTO measures (id, exact, approx) VALUES (:id, :value, :value)")
    int measureUnconstrained(int id, double value);

    @Query("SELECT amount FROM measures WHERE id = :id")
    double amountAsDouble(int id);

    @Query("SELECT amount FROM measures WHERE id = :id")
    BigDecimal amountAsBigDecimal(int id);

    @Query("SELECT amount::text || ' ' || exact::text || ' ' || approx::text FROM measures WHERE id = :id")
    String measured(int id);

    @Query("""
            SELECT coalesce(amount::text, '-') || ' ' || exact::text || ' ' || approx::text
            FROM measures WHERE id = :id
            """)
    String measuredUnconstrained(int id);
}
