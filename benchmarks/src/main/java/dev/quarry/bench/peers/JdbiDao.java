package dev.quarry.bench.peers;

import dev.quarry.bench.Account;
import dev.quarry.bench.Customer;
import dev.quarry.bench.Event;
import dev.quarry.bench.Invoice;
import dev.quarry.bench.Reading;
import dev.quarry.bench.User;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.BatchChunkSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/** JDBI's side: a SqlObject interface with records mapped by their constructors, as JDBI documents it. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(Reading.class)
public interface JdbiDao {
    @SqlQuery("SELECT id, email, name, score, created_at FROM bench_users WHERE id = :id")
    User user(@Bind("id") long id);

    @SqlQuery("SELECT id, email, name, score, created_at FROM bench_users WHERE id > :after ORDER BY id LIMIT 100")
    List<User> page(@Bind("after") long after);

    /** JDBI's documented way to load a one-to-many graph: one join, folded by a row reducer. */
    @SqlQuery("SELECT c.id c_id, c.name c_name, o.id o_id, o.customer_id o_customer_id, o.total o_total,"
            + " i.id i_id, i.order_id i_order_id, i.sku i_sku, i.quantity i_quantity"
            + " FROM bench_customers c"
            + " LEFT JOIN bench_orders o ON o.customer_id = c.id"
            + " LEFT JOIN bench_order_items i ON i.order_id = o.id"
            + " ORDER BY c.id, o.id, i.id")
    @UseRowReducer(CustomerGraphReducer.class)
    List<Customer> customersJoined();

    @SqlQuery("SELECT id, sensor, value, label FROM bench_readings")
    @FetchSize(1_000)
    Stream<Reading> readingsBy1000();

    @SqlQuery("SELECT id, sensor, value, label FROM bench_readings")
    @FetchSize(10_000)
    Stream<Reading> readingsBy10000();

    /** JDBI's bulk path: a JDBC batch, the record's accessors bound by name. */
    @SqlBatch("INSERT INTO bench_events (id, account, amount, note, created_at)"
            + " VALUES (:id, :account, :amount, :note, :createdAt)")
    @BatchChunkSize(1_000)
    void insert(@BindMethods List<Event> events);

    @SqlBatch("INSERT INTO bench_accounts (id, email, balance, status, updated_at)"
            + " VALUES (:id, :email, :balance, :status, now())"
            + " ON CONFLICT (id) DO UPDATE SET balance = EXCLUDED.balance, status = EXCLUDED.status, updated_at = now()")
    @BatchChunkSize(1_000)
    void upsert(@BindMethods List<Account> accounts);

    @SqlBatch("UPDATE bench_invoices SET status = :status, total = :total WHERE id = :id")
    @BatchChunkSize(1_000)
    void update(@BindMethods List<Invoice> invoices);
}
