package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sixteen threads on a pool of eight, mixing reads, streams, bulk inserts, upserts and
 * SERIALIZABLE transactions with retries, for {@code quarry.soak.seconds} seconds (10 by
 * default; {@code -Dquarry.soak.seconds=60} for the full run). Afterwards: no error but the
 * serialization failures the transactions retried, every table holds exactly what the threads
 * say they wrote, no connection is checked out and no pool or executor thread outlives the
 * database.
 */
@PostgresTest
class SoakTest {
    static final long SECONDS = Long.getLong("quarry.soak.seconds", 10);
    /** {@code -Dquarry.soak.seed=…} replays the same choice of operations. */
    static final long SEED = Long.getLong("quarry.soak.seed", 42);
    static final int THREADS = 16;
    static final int POOL = 8;
    static final int ACCOUNTS = 32;
    static final long OPENING_BALANCE = 1_000;
    static final int KEYS = 64;
    static final int RETRIES = 30;
    /** Each thread inserts entry ids in a range of its own, so it can count its rows alone. */
    static final long SPAN = 10_000_000_000L;
    static final String APP = "quarry-soak";

    @Test
    void sixteenThreadsOnAPoolOfEightLoseNothingAndLeakNothing(TestDatabase testDb) throws Exception {
        testDb.execute(Soak.DDL + "INSERT INTO accounts SELECT g, " + OPENING_BALANCE + " FROM generate_series(0, "
                + (ACCOUNTS - 1) + ") g;");
        Set<Thread> threadsBefore = poolThreads();
        Database db = Backends.open(testDb, APP, POOL);
        try {
            Totals totals = runWorkers(db);
            checkTables(testDb, totals);
            assertEquals(0, Backends.active(db));
            assertEquals(List.of(), Backends.pids(testDb, APP, "active", "%"));
            assertEquals(List.of(), Backends.pids(testDb, APP, "idle in transaction", "%"));
            assertTrue(Backends.pids(testDb, APP).size() <= POOL, () -> Backends.pids(testDb, APP).toString());
        } finally {
            db.close();
        }
        Backends.await(Duration.ofSeconds(5), () -> threadsBefore.containsAll(poolThreads()),
                () -> "threads left running: " + names(poolThreads(), threadsBefore));
        Backends.await(Duration.ofSeconds(5), () -> Backends.pids(testDb, APP).isEmpty(),
                () -> "server sessions left open: " + Backends.pids(testDb, APP));
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("soak-worker-")).map(Thread::getName).toList());
    }

    /** Runs the threads until the deadline; every error but a retried serialization failure fails the test. */
    private static Totals runWorkers(Database db) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(new Worker(i, db, db.repository(Soak.class)));
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                task -> new Thread(task, "soak-worker-" + names.incrementAndGet()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Worker worker : workers) {
                running.add(pool.submit(() -> worker.run(deadline)));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS), "workers did not finish");
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> errors = workers.stream().flatMap(w -> w.errors.stream())
                .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).toList();
        assertEquals(List.of(), errors.stream().limit(5).toList(), errors.size() + " errors");
        Totals totals = new Totals(workers);
        System.out.println("soak: " + SECONDS + " s, " + THREADS + " threads on " + POOL + " connections, seed " + SEED
                + ": " + totals);
        // every kind of operation ran, or the checks below prove nothing about it
        assertTrue(totals.reads > 0 && totals.streams > 0 && totals.bulkCalls > 0 && totals.failedBulkCalls > 0
                && totals.upserts > 0 && totals.transfers > 0 && totals.asyncCalls > 0, totals::toString);
        return totals;
    }

    /** The tables hold exactly what the threads say they wrote. */
    private static void checkTables(TestDatabase testDb, Totals totals) throws SQLException {
        try (Connection connection = testDb.dataSource().getConnection()) {
            assertEquals(totals.rowsWritten, single(connection, "SELECT count(*) FROM entries"));
            Map<Long, Long> rowsByThread = counts(connection,
                    "SELECT id / " + SPAN + " - 1, count(*) FROM entries GROUP BY 1");
            Map<Long, Long> transfersByThread = counts(connection, "SELECT thread, count(*) FROM transfers GROUP BY 1");
            for (Worker w : totals.workers) {
                assertEquals(w.written, rowsByThread.getOrDefault((long) w.index, 0L), "rows of thread " + w.index);
                assertEquals(w.transfers, transfersByThread.getOrDefault((long) w.index, 0L),
                        "transfers of thread " + w.index);
            }
            Set<Integer> keys = totals.workers.stream().flatMap(w -> w.keys.stream()).collect(Collectors.toSet());
            assertEquals(keys.size(), single(connection, "SELECT count(*) FROM counters"));
            // money is neither made nor lost, and each balance is its opening one plus its logged transfers
            assertEquals(ACCOUNTS * OPENING_BALANCE, single(connection, "SELECT sum(balance) FROM accounts"));
            assertEquals(0, single(connection, """
                    SELECT count(*) FROM accounts a
                    WHERE a.balance <> %d
                        + coalesce((SELECT sum(amount) FROM transfers WHERE target = a.id), 0)
                        - coalesce((SELECT sum(amount) FROM transfers WHERE source = a.id), 0)
                    """.formatted(OPENING_BALANCE)));
        }
    }

    /** The checks share one connection: opening one per query would cost more than the queries. */
    private static long single(Connection connection, String sql) throws SQLException {
        return counts(connection, "SELECT 0, (" + sql + ")").get(0L);
    }

    private static Map<Long, Long> counts(Connection connection, String sql) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (Statement stmt = connection.createStatement(); ResultSet rs = stmt.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Threads a database starts: HikariCP's ({@code quarry:housekeeper}, …) and the async executor's. */
    private static Set<Thread> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("quarry:") || t.getName().startsWith("quarry-async-"))
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> threads, Set<Thread> except) {
        return threads.stream().filter(t -> !except.contains(t)).map(Thread::getName).sorted().toList();
    }

    /** One thread's share of the load, and what it knows it wrote. */
    static final class Worker {
        final int index;
        final Database db;
        final Soak soak;
        final long base;
        final SplittableRandom random;
        final List<Throwable> errors = new ArrayList<>();
        final Set<Integer> keys = new HashSet<>();
        long written;
        long reads;
        long streams;
        long bulkCalls;
        long failedBulkCalls;
        long upserts;
        long transfers;
        long attempts;
        long asyncCalls;
        long version;

        Worker(int index, Database db, Soak soak) {
            this.index = index;
            this.db = db;
            this.soak = soak;
            this.base = (index + 1) * SPAN;
            this.random = new SplittableRandom(SEED + index);
        }

        void run(long deadline) {
            while (System.nanoTime() < deadline) {
                int dice = random.nextInt(100);
                try {
                    if (dice < 25) {
                        read();
                    } else if (dice < 38) {
                        stream();
                    } else if (dice < 56) {
                        insert();
                    } else if (dice < 60) {
                        failingInsert();
                    } else if (dice < 75) {
                        upsert();
                    } else if (dice < 96) {
                        transfer();
                    } else {
                        async();
                    }
                } catch (RuntimeException | AssertionError e) {
                    errors.add(e);
                }
            }
        }

        private void check(boolean condition, String what) {
            if (!condition) {
                throw new AssertionError("thread " + index + ": " + what);
            }
        }

        /** A thread reads its own writes: every insert it saw succeed, none it saw fail. */
        private void read() {
            long counted = soak.countBetween(base, base + SPAN - 1);
            check(counted == written, "counted " + counted + " rows, wrote " + written);
            reads++;
        }

        private void stream() {
            LongSummaryStatistics ids;
            try (Stream<Long> stream = soak.idsBetween(base, base + SPAN - 1)) {
                ids = stream.mapToLong(Long::longValue).summaryStatistics();
            }
            check(ids.getCount() == written
                            && (written == 0 || ids.getMin() == base && ids.getMax() == base + written - 1),
                    "streamed " + ids + ", wrote " + written);
            streams++;
        }

        private List<Entry> next(int rows) {
            return LongStream.range(0, rows).mapToObj(i -> Entry.of(base + written + i)).toList();
        }

        private void insert() {
            int rows = 1 + random.nextInt(300);
            List<Entry> entries = next(rows);
            long done = switch (random.nextInt(3)) {
                case 0 -> soak.copy(entries.stream());
                case 1 -> soak.unnest(entries);
                default -> soak.auto(entries);
            };
            check(done == rows, "wrote " + done + " of " + rows);
            written += rows;
            bulkCalls++;
        }

        /** A bulk call whose last row repeats its first id: it must fail and leave none of its rows. */
        private void failingInsert() {
            int rows = 2 + random.nextInt(250);
            List<Entry> entries = new ArrayList<>(next(rows));
            entries.set(rows - 1, entries.get(0));
            boolean copy = random.nextBoolean();
            try {
                if (copy) {
                    soak.copy(entries.stream());
                } else {
                    soak.unnest(entries);
                }
                check(false, "a duplicate id was written");
            } catch (UniqueViolationException expected) {
                check(expected.method().equals(copy ? "Soak.copy" : "Soak.unnest"), expected.getMessage());
            }
            failedBulkCalls++;
            read();
        }

        private void upsert() {
            int rows = 1 + random.nextInt(20);
            version++;
            List<Counter> counters = new ArrayList<>();
            Set<Integer> distinct = new HashSet<>();
            for (int i = 0; i < rows; i++) {
                int key = random.nextInt(KEYS);
                counters.add(new Counter(key, index, version));
                distinct.add(key);
            }
            long done = soak.upsert(counters);
            // repeated keys in one call collapse to one row each
            check(done == distinct.size(), "upserted " + done + " rows for " + distinct.size() + " keys");
            keys.addAll(distinct);
            upserts++;
        }

        /** Moves an amount that depends on what it read, so a non-serializable interleaving would show. */
        private void transfer() {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            db.transaction(Isolation.SERIALIZABLE, RETRIES, () -> {
                attempts++;
                long amount = 1 + Math.floorMod(soak.balance(from), 7);
                soak.balance(to);
                // both rows in id order, so that transfers never deadlock on each other
                soak.adjust(Math.min(from, to), from < to ? -amount : amount);
                soak.adjust(Math.max(from, to), from < to ? amount : -amount);
                soak.logTransfer(index, from, to, amount);
            });
            transfers++;
        }

        private void async() {
            long total = soak.countAsync().join();
            check(total >= written, "counted " + total + " rows in all, this thread alone wrote " + written);
            asyncCalls++;
        }
    }

    /** What all threads did together. */
    static final class Totals {
        final List<Worker> workers;
        final long rowsWritten;
        final long reads;
        final long streams;
        final long bulkCalls;
        final long failedBulkCalls;
        final long upserts;
        final long transfers;
        final long retries;
        final long asyncCalls;

        Totals(List<Worker> workers) {
            this.workers = workers;
            rowsWritten = workers.stream().mapToLong(w -> w.written).sum();
            reads = workers.stream().mapToLong(w -> w.reads).sum();
            streams = workers.stream().mapToLong(w -> w.streams).sum();
            bulkCalls = workers.stream().mapToLong(w -> w.bulkCalls).sum();
            failedBulkCalls = workers.stream().mapToLong(w -> w.failedBulkCalls).sum();
            upserts = workers.stream().mapToLong(w -> w.upserts).sum();
            transfers = workers.stream().mapToLong(w -> w.transfers).sum();
            retries = workers.stream().mapToLong(w -> w.attempts - w.transfers).sum();
            asyncCalls = workers.stream().mapToLong(w -> w.asyncCalls).sum();
        }

        @Override
        public String toString() {
            return rowsWritten + " rows in " + bulkCalls + " bulk calls (+" + failedBulkCalls + " failed on purpose), "
                    + reads + " reads, " + streams + " streams, " + upserts + " upserts, " + transfers
                    + " serializable transfers after " + retries + " retries, " + asyncCalls + " async calls";
        }
    }
}
