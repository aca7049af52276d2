package dev.quarry.bench;

import dev.quarry.bench.hibernate.CustomerEntity;
import dev.quarry.bench.hibernate.EventEntity;
import dev.quarry.bench.hibernate.HibernateContender;
import dev.quarry.bench.hibernate.InvoiceEntity;
import dev.quarry.bench.hibernate.UserEntity;
import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import dev.quarry.runtime.CursoredPage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Before anything is measured: every contender must return the same data as hand-written pgjdbc,
 * otherwise a fast number could be a wrong answer.
 */
final class Agreement {
    private final HandJdbc hand = new HandJdbc();
    private final HandBulk handBulk = new HandBulk();
    private final QuarryContender quarry = new QuarryContender();
    private final QuarryObservedContender quarryObserved = new QuarryObservedContender();
    private final JdbiContender jdbi = new JdbiContender();
    private final JooqContender jooq = new JooqContender();
    private final SpringContender spring = new SpringContender();
    private final HibernateContender hibernate = new HibernateContender();

    private DataSource dataSource;
    private RewritingPool rewriting;

    private Agreement() {}

    static void check() throws Exception {
        Pool pool = new Pool();
        pool.open();
        RewritingPool rewriting = new RewritingPool();
        rewriting.open();
        try {
            Agreement agreement = new Agreement();
            agreement.open(pool, rewriting);
            try {
                agreement.run();
            } finally {
                agreement.close();
            }
        } finally {
            rewriting.close();
            pool.close();
        }
    }

    private void open(Pool pool, RewritingPool rewritingPool) {
        dataSource = pool.dataSource();
        rewriting = rewritingPool;
        hand.open(pool);
        handBulk.open(pool);
        quarry.open(pool);
        quarryObserved.open(pool);
        jdbi.open(pool);
        jooq.open(pool);
        spring.open(pool);
        hibernate.open(pool);
    }

    private void close() {
        hibernate.close();
        quarry.close();
        quarryObserved.close();
    }

    private void run() throws Exception {
        checkReads();
        checkRelations();
        checkStreams();
        checkPages();
        checkInserts();
        checkUpserts();
        checkUpdates();
    }

    private void checkReads() throws Exception {
        for (long id : new long[] {1, 2, BenchSettings.users() / 2, BenchSettings.users()}) {
            User expected = hand.user(id);
            same("W1 quarry", expected, quarry.user(id));
            same("W1 quarry observed", expected, quarryObserved.user(id));
            same("W1 jdbi", expected, jdbi.user(id));
            same("W1 jooq", expected, jooq.user(id));
            same("W1 spring", expected, spring.user(id));
            same("W1 hibernate", expected, user(hibernate.user(id)));
        }

        long after = BenchSettings.users() / 3;
        List<User> page = hand.page(after);
        if (page.size() != BenchSettings.PAGE) {
            throw new IllegalStateException("W2 pgjdbc read " + page.size() + " rows, expected " + BenchSettings.PAGE);
        }
        same("W2 quarry", page, quarry.page(after));
        same("W2 jdbi", page, jdbi.page(after));
        same("W2 jooq", page, jooq.page(after));
        same("W2 spring", page, spring.page(after));
        same("W2 hibernate", page, hibernate.page(after).stream().map(Agreement::user).toList());

        java.time.Instant since = W7Search.since(after);
        List<User> found = hand.search(after, W7Search.MIN_SCORE, null, since, "score", true);
        if (found.isEmpty()) {
            throw new IllegalStateException("W7 pgjdbc found no rows");
        }
        same("W7 quarry", found, quarry.search(after, since));
        same("W7 jdbi", found, jdbi.search(after, W7Search.MIN_SCORE, null, since, "score", true));
        same("W7 jooq", found, jooq.search(after, W7Search.MIN_SCORE, null, since, "score", true));
        same("W7 spring", found, spring.search(after, W7Search.MIN_SCORE, null, since, "score", true));
    }

    private void checkRelations() throws Exception {
        List<Customer> graph = hand.customersSelectIn();
        long items = graph.stream().flatMap(c -> c.orders().stream()).mapToLong(o -> o.items().size()).sum();
        long expectedItems = (long) BenchSettings.customers() * BenchSettings.ORDERS_PER_CUSTOMER
                * BenchSettings.ITEMS_PER_ORDER;
        if (graph.size() != BenchSettings.customers() || items != expectedItems) {
            throw new IllegalStateException("W3 pgjdbc read " + graph.size() + " customers and " + items + " items");
        }
        same("W3 pgjdbc joined", graph, hand.customersJoined());
        same("W3 quarry SELECT_IN", graph, quarry.customersSelectIn());
        same("W3 quarry JOINED", graph, quarry.customersJoined());
        same("W3 jdbi", graph, jdbi.customersJoined());
        same("W3 jooq", graph, jooq.customersMultiset());
        same("W3 hibernate", graph, hibernate.customersSubselect().stream().map(Agreement::customer).toList());
    }

    private void checkStreams() throws Exception {
        for (int fetchSize : new int[] {1_000, 10_000}) {
            Checksum expected = new Checksum();
            hand.stream(fetchSize, expected);
            if (expected.rows != BenchSettings.readings()) {
                throw new IllegalStateException("W6 pgjdbc streamed " + expected.rows + " rows");
            }
            stream("W6 quarry", expected, sink -> quarry.stream(fetchSize, sink));
            stream("W6 jdbi", expected, sink -> jdbi.stream(fetchSize, sink));
            stream("W6 jooq", expected, sink -> jooq.stream(fetchSize, sink));
            stream("W6 spring", expected, sink -> spring.stream(fetchSize, sink));
        }
    }

    /**
     * W8: at every measured depth, and on the second and the last page, the offset page and the
     * keyset page after the previous page's last key hold the same rows.
     */
    private void checkPages() throws Exception {
        long last = BenchSettings.posts() / W8Pages.SIZE;
        for (long depth : new long[] {1, 2, 100, 10_000, last}) {
            long page = W8Pages.page(depth);
            List<Post> expected = hand.postsPage(page, W8Pages.SIZE);
            if (expected.size() != W8Pages.SIZE) {
                throw new IllegalStateException("W8 pgjdbc read " + expected.size() + " rows on page " + page);
            }
            HandJdbc.PostsAfter keyset = hand.postsAfter(
                    page == 1 ? null : hand.postKeyAt((page - 1) * W8Pages.SIZE), W8Pages.SIZE);
            same("W8 pgjdbc keyset, page " + page, expected, keyset.rows());
            same("W8 pgjdbc keyset, page " + page + ", rows after it", page < last, keyset.hasNext());
            same("W8 quarry offset, page " + page, expected, quarry.postsPage(page, W8Pages.SIZE));
            // a cursor reached by one long first page starts where the walked one does
            CursoredPage<Post> cursored = quarry.feed(
                    page == 1 ? null : quarry.cursorAfter((page - 1) * W8Pages.SIZE), W8Pages.SIZE);
            same("W8 quarry keyset, page " + page, expected, cursored.content());
            same("W8 quarry keyset, page " + page + ", rows after it", page < last, cursored.hasNext());
        }
        // and walking page by page, as the benchmark reaches its depth, leads to the same pages
        HandJdbc.PostKey key = null;
        String cursor = null;
        for (long page = 1; page <= W8Pages.page(10_000); page++) {
            HandJdbc.PostsAfter handPage = hand.postsAfter(key, W8Pages.SIZE);
            CursoredPage<Post> quarryPage = quarry.feed(cursor, W8Pages.SIZE);
            if (page == 1 || page == 2 || page == 100 || page == W8Pages.page(10_000)) {
                List<Post> expected = hand.postsPage(page, W8Pages.SIZE);
                same("W8 pgjdbc keyset, walked to page " + page, expected, handPage.rows());
                same("W8 quarry keyset, walked to page " + page, expected, quarryPage.content());
            }
            Post lastRow = handPage.rows().get(handPage.rows().size() - 1);
            key = new HandJdbc.PostKey(lastRow.createdAt().atOffset(java.time.ZoneOffset.UTC), lastRow.id());
            cursor = quarryPage.nextCursor().orElse(null);
        }
    }

    /** W4: each writer must leave the same table behind as hand-written COPY. */
    private void checkInserts() throws Exception {
        List<Event> events = LongStream.rangeClosed(1, BenchSettings.bulkRows()).mapToObj(Event::of).toList();
        List<EventEntity> entities = events.stream()
                .map(e -> new EventEntity(e.id(), e.account(), e.amount(), e.note(), e.createdAt()))
                .toList();
        String summarySql = "SELECT count(*), sum(id), sum(account), sum(amount::numeric), sum(length(note)),"
                + " sum(extract(epoch FROM created_at)) FROM bench_events";
        BulkTables.emptyEvents(dataSource);
        handBulk.insertByCopy(events);
        String expected = summary(summarySql);
        if (!expected.startsWith(BenchSettings.bulkRows() + ",")) {
            throw new IllegalStateException("W4 pgjdbc COPY wrote " + expected);
        }
        Map<String, Write> writers = new LinkedHashMap<>();
        writers.put("W4 pgjdbc unnest", () -> handBulk.insertByUnnest(events));
        writers.put("W4 pgjdbc executeBatch", () -> handBulk.insertByBatch(events));
        writers.put("W4 pgjdbc executeBatch, rewritten", () -> handBulk.insertByBatch(rewriting.dataSource(), events));
        writers.put("W4 quarry COPY", () -> quarry.insertByCopy(events));
        writers.put("W4 quarry UNNEST", () -> quarry.insertByUnnest(events));
        writers.put("W4 quarry BATCH", () -> quarry.insertByBatch(events));
        writers.put("W4 jdbi", () -> jdbi.insert(events));
        writers.put("W4 jooq", () -> jooq.insert(events));
        writers.put("W4 spring", () -> spring.insert(events));
        writers.put("W4 hibernate", () -> hibernate.insert(entities));
        for (Map.Entry<String, Write> writer : writers.entrySet()) {
            BulkTables.emptyEvents(dataSource);
            writer.getValue().run();
            same(writer.getKey(), expected, summary(summarySql));
        }
    }

    /** W5: the same table as hand-written, every row touched (updated_at moved past the reset value). */
    private void checkUpserts() throws Exception {
        List<Account> accounts = LongStream.rangeClosed(1, BenchSettings.bulkRows()).mapToObj(Account::of).toList();
        String summarySql = "SELECT count(*), sum(id), sum(length(email)), sum(balance), sum(length(status)),"
                + " count(*) FILTER (WHERE updated_at > timestamptz '2024-01-02 00:00:00+00') FROM bench_accounts";
        BulkTables.resetAccounts(dataSource);
        handBulk.upsert(accounts);
        String expected = summary(summarySql);
        if (!expected.startsWith(BenchSettings.bulkRows() + ",") || !expected.endsWith("," + BenchSettings.bulkRows())) {
            throw new IllegalStateException("W5 pgjdbc left " + expected);
        }
        Map<String, Write> writers = new LinkedHashMap<>();
        writers.put("W5 quarry", () -> quarry.upsert(accounts));
        writers.put("W5 jdbi", () -> jdbi.upsert(accounts));
        writers.put("W5 jooq", () -> jooq.upsert(accounts));
        writers.put("W5 spring", () -> spring.upsert(accounts));
        for (Map.Entry<String, Write> writer : writers.entrySet()) {
            BulkTables.resetAccounts(dataSource);
            writer.getValue().run();
            same(writer.getKey(), expected, summary(summarySql));
        }
    }

    /**
     * W9: from the same starting table, every contender's update of every row (round 1) leaves what
     * hand-written {@code UPDATE … FROM unnest} leaves: the same status and total in every row,
     * customer untouched; version 0, or 1 everywhere after the versioned update.
     */
    private void checkUpdates() throws Exception {
        int rows = BenchSettings.bulkRows();
        List<Invoice> invoices = Invoice.round(rows, 1);
        List<VersionedInvoice> versioned = VersionedInvoice.round(rows, 1);
        List<InvoiceEntity> entities = W9Update.entities(invoices);
        String summarySql = "SELECT count(*), md5(string_agg(id || ' ' || customer_id || ' ' || status || ' ' || total,"
                + " ',' ORDER BY id)), min(version), max(version) FROM bench_invoices";
        BulkTables.resetInvoices(dataSource);
        String before = summary(summarySql);
        handBulk.updateByUnnest(invoices);
        String expected = summary(summarySql);
        // each row's two columns both differ from what the reset wrote
        String unchanged = summary("SELECT count(*) FROM bench_invoices WHERE status = (ARRAY['open', 'paid',"
                + " 'shipped', 'refunded'])[id % 4 + 1] OR total = ((id * 37) % 10000000) / 100.0");
        if (expected.equals(before) || !expected.startsWith(rows + ",") || !expected.endsWith(",0,0")
                || !unchanged.equals("0")) {
            throw new IllegalStateException("W9 pgjdbc unnest left " + expected + " (before: " + before + ")");
        }
        Map<String, Write> writers = new LinkedHashMap<>();
        writers.put("W9 pgjdbc unnest, locked", () -> handBulk.updateByUnnest(invoices, true));
        writers.put("W9 pgjdbc executeBatch", () -> handBulk.updateByBatch(invoices));
        writers.put("W9 quarry", () -> count("W9 quarry", rows, quarry.update(invoices)));
        writers.put("W9 jdbi", () -> jdbi.update(invoices));
        writers.put("W9 jooq", () -> jooq.update(invoices));
        writers.put("W9 spring", () -> spring.update(invoices));
        writers.put("W9 hibernate", () -> hibernate.update(entities));
        for (Map.Entry<String, Write> writer : writers.entrySet()) {
            BulkTables.resetInvoices(dataSource);
            writer.getValue().run();
            same(writer.getKey(), expected, summary(summarySql));
        }
        BulkTables.resetInvoices(dataSource);
        count("W9 quarry versioned", rows, quarry.updateVersioned(versioned));
        same("W9 quarry versioned", expected.replace(",0,0", ",1,1"), summary(summarySql));
        BulkTables.resetInvoices(dataSource);
    }

    private static void count(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + " reported " + actual + " rows updated, expected " + expected);
        }
    }

    /** One bulk write of a contender. */
    private interface Write {
        void run() throws Exception;
    }

    /** One row of aggregates, as text, to compare tables written by different contenders. */
    private String summary(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement stmt = connection.createStatement();
             ResultSet rs = stmt.executeQuery(sql)) {
            rs.next();
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.append(i == 1 ? "" : ",").append(rs.getString(i));
            }
            return out.toString();
        }
    }

    private static void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            String left = String.valueOf(expected);
            String right = String.valueOf(actual);
            int at = 0;
            while (at < Math.min(left.length(), right.length()) && left.charAt(at) == right.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 80);
            throw new IllegalStateException(what + " differs from hand-written pgjdbc at character " + at
                    + ":\n  expected …" + left.substring(from, Math.min(left.length(), at + 80))
                    + "\n  actual   …" + right.substring(from, Math.min(right.length(), at + 80)));
        }
    }

    private static void stream(String what, Checksum expected, Consumer<Consumer<Reading>> run) {
        Checksum actual = new Checksum();
        run.accept(actual);
        if (actual.rows != expected.rows || actual.sum != expected.sum) {
            throw new IllegalStateException(what + " streamed " + actual.rows + " rows with checksum " + actual.sum
                    + ", hand-written pgjdbc " + expected.rows + " with " + expected.sum);
        }
    }

    private static User user(UserEntity entity) {
        return new User(entity.getId(), entity.getEmail(), entity.getName(), entity.getScore(), entity.getCreatedAt());
    }

    private static Customer customer(CustomerEntity entity) {
        return new Customer(entity.getId(), entity.getName(), entity.getOrders().stream()
                .map(order -> new Order(order.getId(), order.getCustomer().getId(), order.getTotal(),
                        order.getItems().stream()
                                .map(item -> new Item(item.getId(), item.getOrder().getId(), item.getSku(),
                                        item.getQuantity()))
                                .toList()))
                .toList());
    }

    /** Order-independent: the streams have no ORDER BY. */
    private static final class Checksum implements Consumer<Reading> {
        long rows;
        long sum;

        @Override
        public void accept(Reading reading) {
            rows++;
            sum += reading.id() * 31 + reading.sensor() + (long) reading.value() + reading.label().length();
        }
    }
}
