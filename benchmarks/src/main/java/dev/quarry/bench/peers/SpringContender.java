package dev.quarry.bench.peers;

import dev.quarry.bench.Account;
import dev.quarry.bench.Event;
import dev.quarry.bench.Invoice;
import dev.quarry.bench.Pool;
import dev.quarry.bench.Reading;
import dev.quarry.bench.User;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's JdbcTemplate with RowMapper lambdas, as in the Spring Framework reference. */
@State(Scope.Benchmark)
public class SpringContender {
    private static final RowMapper<User> USER = (rs, rowNum) -> new User(
            rs.getLong("id"),
            rs.getString("email"),
            rs.getString("name"),
            rs.getInt("score"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());
    private static final RowMapper<Reading> READING = (rs, rowNum) -> new Reading(
            rs.getLong("id"), rs.getInt("sensor"), rs.getDouble("value"), rs.getString("label"));

    private JdbcTemplate jdbc;
    private NamedParameterJdbcTemplate named;
    private JdbcTemplate streamBy1000;
    private JdbcTemplate streamBy10000;
    private TransactionTemplate readOnlyTransaction;
    private TransactionTemplate transaction;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        jdbc = new JdbcTemplate(pool.dataSource());
        named = new NamedParameterJdbcTemplate(jdbc);
        // the fetch size is a property of the template, so one template per fetch size
        streamBy1000 = new JdbcTemplate(pool.dataSource());
        streamBy1000.setFetchSize(1_000);
        streamBy10000 = new JdbcTemplate(pool.dataSource());
        streamBy10000.setFetchSize(10_000);
        readOnlyTransaction = new TransactionTemplate(new DataSourceTransactionManager(pool.dataSource()));
        readOnlyTransaction.setReadOnly(true);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(pool.dataSource()));
    }

    public User user(long id) {
        return jdbc.queryForObject(
                "SELECT id, email, name, score, created_at FROM bench_users WHERE id = ?", USER, id);
    }

    public List<User> page(long after) {
        return jdbc.query(
                "SELECT id, email, name, score, created_at FROM bench_users WHERE id > ? ORDER BY id LIMIT 100",
                USER, after);
    }

    /** batchUpdate in batches of 1 000, in one transaction. */
    public void insert(List<Event> events) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO bench_events (id, account, amount, note, created_at) VALUES (?, ?, ?, ?, ?)",
                events, 1_000, (ps, event) -> {
                    ps.setLong(1, event.id());
                    ps.setInt(2, event.account());
                    ps.setDouble(3, event.amount());
                    ps.setString(4, event.note());
                    ps.setObject(5, event.createdAt().atOffset(ZoneOffset.UTC));
                }));
    }

    public void upsert(List<Account> accounts) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO bench_accounts (id, email, balance, status, updated_at) VALUES (?, ?, ?, ?, now())"
                        + " ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance, status = EXCLUDED.status,"
                        + " updated_at = now()",
                accounts, 1_000, (ps, account) -> {
                    ps.setLong(1, account.id());
                    ps.setString(2, account.email());
                    ps.setLong(3, account.balance());
                    ps.setString(4, account.status());
                }));
    }

    /** W9: one UPDATE per row, batchUpdate in batches of 1 000, in one transaction. */
    public void update(List<Invoice> invoices) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "UPDATE bench_invoices SET status = ?, total = ? WHERE id = ?",
                invoices, 1_000, (ps, invoice) -> {
                    ps.setString(1, invoice.status());
                    ps.setBigDecimal(2, invoice.total());
                    ps.setLong(3, invoice.id());
                }));
    }

    /** queryForStream inside a transaction: pgjdbc keeps a cursor open only with autocommit off. */
    public void stream(int fetchSize, Consumer<Reading> sink) {
        JdbcTemplate template = fetchSize == 1_000 ? streamBy1000 : streamBy10000;
        readOnlyTransaction.executeWithoutResult(status -> {
            try (Stream<Reading> readings = template.queryForStream(
                    "SELECT id, sensor, value, label FROM bench_readings", READING)) {
                readings.forEach(sink);
            }
        });
    }

    /** W7 as Spring users write a search: criteria concatenated, values in a MapSqlParameterSource. */
    public List<User> search(long after, Integer minScore, String emailPrefix, Instant since, String sort,
                             boolean descending) {
        StringBuilder sql = new StringBuilder("SELECT id, email, name, score, created_at FROM bench_users"
                + " WHERE id > :after AND id <= :after + 1000");
        MapSqlParameterSource parameters = new MapSqlParameterSource("after", after);
        if (minScore != null) {
            sql.append(" AND score >= :minScore");
            parameters.addValue("minScore", minScore);
        }
        if (emailPrefix != null) {
            sql.append(" AND email LIKE :emailPrefix");
            parameters.addValue("emailPrefix", emailPrefix);
        }
        if (since != null) {
            sql.append(" AND created_at >= :since");
            parameters.addValue("since", since.atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY ").append(sort).append(descending ? " DESC" : "").append(", id LIMIT 50");
        return named.query(sql.toString(), parameters, USER);
    }
}
