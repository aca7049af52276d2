package dev.quarry.bench;

import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Quarry: the generated {@code BenchRepository_Impl} over the shared pool. */
@State(Scope.Benchmark)
public class QuarryContender {
    private Database db;
    private BenchRepository repository;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        // Database.of leaves the pool to its owner, so Quarry runs on exactly the pool the others use.
        db = Database.of(pool.dataSource());
        repository = db.repository(BenchRepository.class);
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    public User user(long id) {
        return repository.user(id);
    }

    public List<User> page(long after) {
        return repository.page(after);
    }

    /** W7: two of three filters applied, sorted by score descending. */
    public List<User> search(long after, java.time.Instant since) {
        return repository.search(after, W7Search.MIN_SCORE, null, since,
                dev.quarry.runtime.Sort.desc(BenchRepository.UserSort.SCORE));
    }

    /** W8 by offset: page {@code number} (from 1). */
    public List<Post> postsPage(long number, int size) {
        return repository.posts(PageRequest.ofPage(number, size));
    }

    /** W8 by keyset: the page after {@code cursor}, or the first page for a null cursor. */
    public CursoredPage<Post> feed(String cursor, int size) {
        return repository.feed(cursor == null ? PageRequest.ofSize(size) : PageRequest.afterCursor(cursor, size));
    }

    /**
     * The cursor after the row at {@code position} (from 1): the next cursor of one first page that
     * long, which carries the same last key as the cursor of walking there page by page.
     */
    public String cursorAfter(long position) {
        return repository.feed(PageRequest.ofSize(Math.toIntExact(position))).nextCursor().orElseThrow();
    }

    public List<Customer> customersSelectIn() {
        return repository.customersSelectIn();
    }

    public List<Customer> customersJoined() {
        return repository.customersJoined();
    }

    public long insertByCopy(List<Event> events) {
        return repository.insertByCopy(events);
    }

    public long insertByUnnest(List<Event> events) {
        return repository.insertByUnnest(events);
    }

    public long insertByBatch(List<Event> events) {
        return repository.insertByBatch(events);
    }

    public long upsert(List<Account> accounts) {
        return repository.upsert(accounts);
    }

    public long update(List<Invoice> invoices) {
        return repository.updateStatusAndTotal(invoices);
    }

    public long updateVersioned(List<VersionedInvoice> invoices) {
        return repository.updateStatusAndTotalVersioned(invoices);
    }

    public void stream(int fetchSize, Consumer<Reading> sink) {
        try (Stream<Reading> readings = readings(fetchSize)) {
            readings.forEach(sink);
        }
    }

    /** {@code @FetchSize} is fixed at compile time, so each fetch size is a method of its own. */
    private Stream<Reading> readings(int fetchSize) {
        switch (fetchSize) {
            case 1_000:
                return repository.readingsBy1000();
            case 10_000:
                return repository.readingsBy10000();
            default:
                throw new IllegalArgumentException("no Quarry method streams with fetch size " + fetchSize);
        }
    }
}
