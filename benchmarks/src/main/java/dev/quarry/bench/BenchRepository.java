package dev.quarry.bench;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Update;
import dev.quarry.annotations.Upsert;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Quarry's side of every workload, written as a user would write it. */
@Repository
public interface BenchRepository {
    @Query("SELECT id, email, name, score, created_at FROM bench_users WHERE id = :id")
    User user(long id);

    @Query("SELECT id, email, name, score, created_at FROM bench_users WHERE id > :after ORDER BY id LIMIT 100")
    List<User> page(long after);

    /** W7's sortable keys. */
    enum UserSort { EMAIL, SCORE, CREATED_AT }

    @Query("SELECT id, email, name, score, created_at FROM bench_users WHERE id > :after AND id <= :after + 1000"
            + " ORDER BY id LIMIT 50")
    @Filter("score >= :minScore")
    @Filter("email LIKE :emailPrefix")
    @Filter("created_at >= :since")
    List<User> search(long after, Integer minScore, String emailPrefix, Instant since, Sort<UserSort> sort);

    /** W8 by offset: the page's rows, {@code LIMIT ? OFFSET ?}. */
    @Query("SELECT id, author_id, title, likes, created_at FROM bench_posts ORDER BY created_at, id")
    List<Post> posts(PageRequest page);

    /** W8 by keyset: the rows after the cursor's {@code (created_at, id)}. */
    @Query("SELECT id, author_id, title, likes, created_at FROM bench_posts ORDER BY created_at, id")
    CursoredPage<Post> feed(PageRequest page);

    @Query("SELECT id, name FROM bench_customers ORDER BY id")
    @Fetch("orders")
    @Fetch("orders.items")
    List<Customer> customersSelectIn();

    @Query("SELECT id, name FROM bench_customers ORDER BY id")
    @Fetch(value = "orders", strategy = FetchStrategy.JOINED)
    @Fetch(value = "orders.items", strategy = FetchStrategy.JOINED)
    List<Customer> customersJoined();

    @Query("SELECT id, sensor, value, label FROM bench_readings")
    @FetchSize(1_000)
    Stream<Reading> readingsBy1000();

    @Query("SELECT id, sensor, value, label FROM bench_readings")
    @FetchSize(10_000)
    Stream<Reading> readingsBy10000();

    @Insert(strategy = InsertStrategy.COPY)
    long insertByCopy(List<Event> events);

    @Insert(strategy = InsertStrategy.UNNEST)
    long insertByUnnest(List<Event> events);

    @Insert(strategy = InsertStrategy.BATCH)
    long insertByBatch(List<Event> events);

    @Upsert(conflict = "id", update = {"balance", "status"}, touch = "updated_at")
    long upsert(List<Account> accounts);

    /** W9: by primary key, one {@code UPDATE … FROM unnest} per chunk of 10 000 after locking its rows. */
    @Update(columns = {"status", "total"})
    long updateStatusAndTotal(List<Invoice> invoices);

    /** W9 with the version checked and incremented as well. */
    @Update(columns = {"status", "total"})
    long updateStatusAndTotalVersioned(List<VersionedInvoice> invoices);
}
