package dev.quarry.bench.peers;

import dev.quarry.bench.Account;
import dev.quarry.bench.Customer;
import dev.quarry.bench.Event;
import dev.quarry.bench.Invoice;
import dev.quarry.bench.Pool;
import dev.quarry.bench.Reading;
import dev.quarry.bench.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JDBI 3 SqlObject over the shared pool. */
@State(Scope.Benchmark)
public class JdbiContender {
    private static final RowMapper<User> USER = ConstructorMapper.of(User.class);

    private Jdbi jdbi;
    private JdbiDao dao;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        jdbi = Jdbi.create(pool.dataSource())
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        // on-demand: each call takes a handle (a pooled connection) and gives it back, like the others
        dao = jdbi.onDemand(JdbiDao.class);
    }

    public User user(long id) {
        return dao.user(id);
    }

    public List<User> page(long after) {
        return dao.page(after);
    }

    public List<Customer> customersJoined() {
        return dao.customersJoined();
    }

    /** In one transaction, like every other contender's bulk write. */
    public void insert(List<Event> events) {
        jdbi.useTransaction(handle -> handle.attach(JdbiDao.class).insert(events));
    }

    public void upsert(List<Account> accounts) {
        jdbi.useTransaction(handle -> handle.attach(JdbiDao.class).upsert(accounts));
    }

    public void update(List<Invoice> invoices) {
        jdbi.useTransaction(handle -> handle.attach(JdbiDao.class).update(invoices));
    }

    /** A cursor needs autocommit off, so the stream runs inside a transaction, as JDBI documents. */
    public void stream(int fetchSize, Consumer<Reading> sink) {
        jdbi.useTransaction(handle -> {
            JdbiDao attached = handle.attach(JdbiDao.class);
            try (Stream<Reading> readings = fetchSize == 1_000 ? attached.readingsBy1000() : attached.readingsBy10000()) {
                readings.forEach(sink);
            }
        });
    }

    /** W7 with JDBI's fluent API: criteria concatenated, values bound by name on the query. */
    public List<User> search(long after, Integer minScore, String emailPrefix, Instant since, String sort,
                             boolean descending) {
        StringBuilder sql = new StringBuilder("SELECT id, email, name, score, created_at FROM bench_users"
                + " WHERE id > :after AND id <= :after + 1000");
        if (minScore != null) {
            sql.append(" AND score >= :minScore");
        }
        if (emailPrefix != null) {
            sql.append(" AND email LIKE :emailPrefix");
        }
        if (since != null) {
            sql.append(" AND created_at >= :since");
        }
        sql.append(" ORDER BY ").append(sort).append(descending ? " DESC" : "").append(", id LIMIT 50");
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("after", after);
            if (minScore != null) {
                query.bind("minScore", minScore);
            }
            if (emailPrefix != null) {
                query.bind("emailPrefix", emailPrefix);
            }
            if (since != null) {
                query.bind("since", since.atOffset(ZoneOffset.UTC));
            }
            return query.map(USER).list();
        });
    }
}
