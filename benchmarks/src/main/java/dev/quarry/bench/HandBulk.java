package dev.quarry.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The hand-written bulk paths of W4, W5 and W9, each in one transaction like Quarry's: COPY through
 * pgjdbc's CopyManager, one {@code unnest} statement per chunk of 10 000 rows, and a plain
 * {@code executeBatch}.
 */
@State(Scope.Benchmark)
public class HandBulk {
    static final int CHUNK = 10_000;
    /** Rows per executeBatch, the usual advice; pgjdbc pipelines the statements of one batch. */
    static final int BATCH = 1_000;

    private static final String COPY = "COPY bench_events (id, account, amount, note, created_at) FROM STDIN";
    private static final String INSERT_UNNEST = "INSERT INTO bench_events (id, account, amount, note, created_at)"
            + " SELECT * FROM unnest(?::int8[], ?::int4[], ?::float8[], ?::text[], ?::timestamptz[])";
    private static final String INSERT_ONE = "INSERT INTO bench_events (id, account, amount, note, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String UPSERT_UNNEST = "INSERT INTO bench_accounts (id, email, balance, status, updated_at)"
            + " SELECT id, email, balance, status, now() FROM unnest(?::int8[], ?::text[], ?::int8[], ?::text[])"
            + " AS t (id, email, balance, status)"
            + " ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance, status = EXCLUDED.status, updated_at = now()";

    private static final String UPDATE_UNNEST = "UPDATE bench_invoices AS t SET status = u.status, total = u.total"
            + " FROM unnest(?::int8[], ?::text[], ?::numeric[]) AS u (id, status, total) WHERE t.id = u.id";
    private static final String UPDATE_ONE = "UPDATE bench_invoices SET status = ?, total = ? WHERE id = ?";
    /**
     * What Quarry's {@code @Update} sends before each chunk: the chunk's rows locked in key order, the
     * ids read back to tell rows that are not there.
     */
    private static final String LOCK = "SELECT id FROM bench_invoices WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE";

    private DataSource dataSource;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        dataSource = pool.dataSource();
    }

    /** COPY in text format, written in buffers of about 64 KB. */
    public void insertByCopy(List<Event> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                StringBuilder text = new StringBuilder(80 * 1_000);
                for (Event event : events) {
                    text.append(event.id()).append('\t')
                            .append(event.account()).append('\t')
                            .append(event.amount()).append('\t');
                    escape(event.note(), text);
                    text.append('\t').append(event.createdAt()).append('\n');
                    if (text.length() >= 64 * 1024) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            connection.commit();
        }
    }

    /** COPY's text format: backslash, tab and line breaks must be escaped. */
    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    public void insertByUnnest(List<Event> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(INSERT_UNNEST)) {
                for (int from = 0; from < events.size(); from += CHUNK) {
                    List<Event> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
                    int n = chunk.size();
                    Long[] ids = new Long[n];
                    Integer[] accounts = new Integer[n];
                    Double[] amounts = new Double[n];
                    String[] notes = new String[n];
                    OffsetDateTime[] createdAt = new OffsetDateTime[n];
                    for (int i = 0; i < n; i++) {
                        Event event = chunk.get(i);
                        ids[i] = event.id();
                        accounts[i] = event.account();
                        amounts[i] = event.amount();
                        notes[i] = event.note();
                        createdAt[i] = event.createdAt().atOffset(ZoneOffset.UTC);
                    }
                    stmt.setArray(1, connection.createArrayOf("int8", ids));
                    stmt.setArray(2, connection.createArrayOf("int4", accounts));
                    stmt.setArray(3, connection.createArrayOf("float8", amounts));
                    stmt.setArray(4, connection.createArrayOf("text", notes));
                    stmt.setArray(5, connection.createArrayOf("timestamptz", createdAt));
                    stmt.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    public void insertByBatch(List<Event> events) throws SQLException {
        insertByBatch(dataSource, events);
    }

    /** The same batches on connections of {@code pool}, which may rewrite them ({@link RewritingPool}). */
    public void insertByBatch(DataSource pool, List<Event> events) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(INSERT_ONE)) {
                int pending = 0;
                for (Event event : events) {
                    stmt.setLong(1, event.id());
                    stmt.setInt(2, event.account());
                    stmt.setDouble(3, event.amount());
                    stmt.setString(4, event.note());
                    stmt.setObject(5, event.createdAt().atOffset(ZoneOffset.UTC));
                    stmt.addBatch();
                    if (++pending == BATCH) {
                        stmt.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    stmt.executeBatch();
                }
            }
            connection.commit();
        }
    }

    /** The input has unique, ascending keys, so each chunk already is what PostgreSQL needs. */
    public void upsert(List<Account> accounts) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(UPSERT_UNNEST)) {
                for (int from = 0; from < accounts.size(); from += CHUNK) {
                    List<Account> chunk = accounts.subList(from, Math.min(accounts.size(), from + CHUNK));
                    int n = chunk.size();
                    Long[] ids = new Long[n];
                    String[] emails = new String[n];
                    Long[] balances = new Long[n];
                    String[] statuses = new String[n];
                    for (int i = 0; i < n; i++) {
                        Account account = chunk.get(i);
                        ids[i] = account.id();
                        emails[i] = account.email();
                        balances[i] = account.balance();
                        statuses[i] = account.status();
                    }
                    stmt.setArray(1, connection.createArrayOf("int8", ids));
                    stmt.setArray(2, connection.createArrayOf("text", emails));
                    stmt.setArray(3, connection.createArrayOf("int8", balances));
                    stmt.setArray(4, connection.createArrayOf("text", statuses));
                    stmt.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** W9's baseline: one {@code UPDATE … FROM unnest} per chunk of 10 000 rows, nothing else. */
    public void updateByUnnest(List<Invoice> invoices) throws SQLException {
        updateByUnnest(invoices, false);
    }

    /**
     * The baseline after, if asked, what Quarry's {@code @Update} adds to it: the chunk's rows locked
     * in key order by a statement of their own first, their ids read back. W9 measures it to tell
     * what the lock costs.
     */
    public void updateByUnnest(List<Invoice> invoices, boolean lock) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(UPDATE_UNNEST);
                 PreparedStatement locking = connection.prepareStatement(LOCK)) {
                for (int from = 0; from < invoices.size(); from += CHUNK) {
                    List<Invoice> chunk = invoices.subList(from, Math.min(invoices.size(), from + CHUNK));
                    int n = chunk.size();
                    Long[] ids = new Long[n];
                    String[] statuses = new String[n];
                    BigDecimal[] totals = new BigDecimal[n];
                    for (int i = 0; i < n; i++) {
                        Invoice invoice = chunk.get(i);
                        ids[i] = invoice.id();
                        statuses[i] = invoice.status();
                        totals[i] = invoice.total();
                    }
                    int expected = n;
                    if (lock) {
                        locking.setArray(1, connection.createArrayOf("int8", ids));
                        expected = 0;
                        try (ResultSet rs = locking.executeQuery()) {
                            while (rs.next()) {
                                rs.getLong(1);
                                expected++;
                            }
                        }
                    }
                    stmt.setArray(1, connection.createArrayOf("int8", ids));
                    stmt.setArray(2, connection.createArrayOf("text", statuses));
                    stmt.setArray(3, connection.createArrayOf("numeric", totals));
                    int written = stmt.executeUpdate();
                    if (written != expected) {
                        throw new IllegalStateException("updated " + written + " of " + expected + " rows");
                    }
                }
            }
            connection.commit();
        }
    }

    /** One UPDATE per row, sent in JDBC batches of 1 000: what most code does by hand. */
    public void updateByBatch(List<Invoice> invoices) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement stmt = connection.prepareStatement(UPDATE_ONE)) {
                int pending = 0;
                for (Invoice invoice : invoices) {
                    stmt.setString(1, invoice.status());
                    stmt.setBigDecimal(2, invoice.total());
                    stmt.setLong(3, invoice.id());
                    stmt.addBatch();
                    if (++pending == BATCH) {
                        stmt.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    stmt.executeBatch();
                }
            }
            connection.commit();
        }
    }
}
