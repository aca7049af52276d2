package dev.quarry.bench.peers;

import static org.jooq.impl.DSL.currentInstant;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import dev.quarry.bench.Account;
import dev.quarry.bench.Customer;
import dev.quarry.bench.Event;
import dev.quarry.bench.Invoice;
import dev.quarry.bench.Item;
import dev.quarry.bench.Order;
import dev.quarry.bench.Pool;
import dev.quarry.bench.Reading;
import dev.quarry.bench.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.RecordMapper;
import org.jooq.Row5;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * jOOQ (open-source edition): the DSL over typed fields declared by hand, which is what the code
 * generator would otherwise write; results mapped to the records with {@code Records.mapping}.
 */
@State(Scope.Benchmark)
public class JooqContender {
    private static final Table<?> USERS = table(name("bench_users"));
    private static final Field<Long> USER_ID = field(name("bench_users", "id"), SQLDataType.BIGINT);
    private static final Field<String> USER_EMAIL = field(name("bench_users", "email"), SQLDataType.CLOB);
    private static final Field<String> USER_NAME = field(name("bench_users", "name"), SQLDataType.CLOB);
    private static final Field<Integer> USER_SCORE = field(name("bench_users", "score"), SQLDataType.INTEGER);
    private static final Field<Instant> USER_CREATED_AT = field(name("bench_users", "created_at"), SQLDataType.INSTANT);

    private static final Table<?> CUSTOMERS = table(name("bench_customers"));
    private static final Field<Long> CUSTOMER_ID = field(name("bench_customers", "id"), SQLDataType.BIGINT);
    private static final Field<String> CUSTOMER_NAME = field(name("bench_customers", "name"), SQLDataType.CLOB);

    private static final Table<?> ORDERS = table(name("bench_orders"));
    private static final Field<Long> ORDER_ID = field(name("bench_orders", "id"), SQLDataType.BIGINT);
    private static final Field<Long> ORDER_CUSTOMER_ID = field(name("bench_orders", "customer_id"), SQLDataType.BIGINT);
    private static final Field<BigDecimal> ORDER_TOTAL = field(name("bench_orders", "total"), SQLDataType.NUMERIC(12, 2));

    private static final Table<?> ITEMS = table(name("bench_order_items"));
    private static final Field<Long> ITEM_ID = field(name("bench_order_items", "id"), SQLDataType.BIGINT);
    private static final Field<Long> ITEM_ORDER_ID = field(name("bench_order_items", "order_id"), SQLDataType.BIGINT);
    private static final Field<String> ITEM_SKU = field(name("bench_order_items", "sku"), SQLDataType.CLOB);
    private static final Field<Integer> ITEM_QUANTITY = field(name("bench_order_items", "quantity"), SQLDataType.INTEGER);

    private static final Table<?> READINGS = table(name("bench_readings"));
    private static final Field<Long> READING_ID = field(name("bench_readings", "id"), SQLDataType.BIGINT);
    private static final Field<Integer> READING_SENSOR = field(name("bench_readings", "sensor"), SQLDataType.INTEGER);
    private static final Field<Double> READING_VALUE = field(name("bench_readings", "value"), SQLDataType.DOUBLE);
    private static final Field<String> READING_LABEL = field(name("bench_readings", "label"), SQLDataType.CLOB);

    private static final Table<?> EVENTS = table(name("bench_events"));
    private static final Field<Long> EVENT_ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<Integer> EVENT_ACCOUNT = field(name("account"), SQLDataType.INTEGER);
    private static final Field<Double> EVENT_AMOUNT = field(name("amount"), SQLDataType.DOUBLE);
    private static final Field<String> EVENT_NOTE = field(name("note"), SQLDataType.CLOB);
    private static final Field<Instant> EVENT_CREATED_AT = field(name("created_at"), SQLDataType.INSTANT);

    private static final Table<?> ACCOUNTS = table(name("bench_accounts"));
    private static final Field<Long> ACCOUNT_ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> ACCOUNT_EMAIL = field(name("email"), SQLDataType.CLOB);
    private static final Field<Long> ACCOUNT_BALANCE = field(name("balance"), SQLDataType.BIGINT);
    private static final Field<String> ACCOUNT_STATUS = field(name("status"), SQLDataType.CLOB);
    private static final Field<Instant> ACCOUNT_UPDATED_AT = field(name("updated_at"), SQLDataType.INSTANT);

    private static final Table<?> INVOICES = table(name("bench_invoices"));
    private static final Field<Long> INVOICE_ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> INVOICE_STATUS = field(name("status"), SQLDataType.CLOB);
    private static final Field<BigDecimal> INVOICE_TOTAL = field(name("total"), SQLDataType.NUMERIC(12, 2));

    /** Rows per multi-row INSERT: 5 000 bind values, well below PostgreSQL's 65 535. */
    private static final int ROWS_PER_STATEMENT = 1_000;

    private static final RecordMapper<Record4<Long, Integer, Double, String>, Reading> READING =
            Records.mapping(Reading::new);

    private DSLContext ctx;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        // jOOQ's manual: turn execute logging off where performance matters
        ctx = DSL.using(pool.dataSource(), SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    public User user(long id) {
        return ctx.select(USER_ID, USER_EMAIL, USER_NAME, USER_SCORE, USER_CREATED_AT)
                .from(USERS)
                .where(USER_ID.eq(id))
                .fetchSingle(Records.mapping(User::new));
    }

    public List<User> page(long after) {
        return ctx.select(USER_ID, USER_EMAIL, USER_NAME, USER_SCORE, USER_CREATED_AT)
                .from(USERS)
                .where(USER_ID.gt(after))
                .orderBy(USER_ID)
                .limit(100)
                .fetch(Records.mapping(User::new));
    }

    /** W7 with jOOQ's dynamic conditions: one {@code Condition} per criterion given, the sort key a field. */
    public List<User> search(long after, Integer minScore, String emailPrefix, Instant since, String sort,
                             boolean descending) {
        Condition where = USER_ID.gt(after).and(USER_ID.le(after + 1000));
        if (minScore != null) {
            where = where.and(USER_SCORE.ge(minScore));
        }
        if (emailPrefix != null) {
            where = where.and(USER_EMAIL.like(emailPrefix));
        }
        if (since != null) {
            where = where.and(USER_CREATED_AT.ge(since));
        }
        Field<?> key = switch (sort) {
            case "score" -> USER_SCORE;
            case "email" -> USER_EMAIL;
            default -> USER_CREATED_AT;
        };
        return ctx.select(USER_ID, USER_EMAIL, USER_NAME, USER_SCORE, USER_CREATED_AT)
                .from(USERS)
                .where(where)
                .orderBy(descending ? key.desc() : key.asc(), USER_ID.asc())
                .limit(50)
                .fetch(Records.mapping(User::new));
    }

    /** jOOQ's documented way to nest collections: MULTISET, one statement (JSON aggregation on PostgreSQL). */
    public List<Customer> customersMultiset() {
        return ctx.select(
                        CUSTOMER_ID,
                        CUSTOMER_NAME,
                        multiset(select(
                                        ORDER_ID,
                                        ORDER_CUSTOMER_ID,
                                        ORDER_TOTAL,
                                        multiset(select(ITEM_ID, ITEM_ORDER_ID, ITEM_SKU, ITEM_QUANTITY)
                                                .from(ITEMS)
                                                .where(ITEM_ORDER_ID.eq(ORDER_ID))
                                                .orderBy(ITEM_ID))
                                                .convertFrom(items -> items.map(Records.mapping(Item::new))))
                                .from(ORDERS)
                                .where(ORDER_CUSTOMER_ID.eq(CUSTOMER_ID))
                                .orderBy(ORDER_ID))
                                .convertFrom(orders -> orders.map(Records.mapping(Order::new))))
                .from(CUSTOMERS)
                .orderBy(CUSTOMER_ID)
                .fetch(Records.mapping(Customer::new));
    }

    /** Multi-row INSERTs ({@code valuesOfRows}) in one transaction. */
    public void insert(List<Event> events) {
        ctx.transaction(configuration -> {
            for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
                List<Row5<Long, Integer, Double, String, Instant>> rows = new ArrayList<>(ROWS_PER_STATEMENT);
                for (Event event : events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT))) {
                    rows.add(row(event.id(), event.account(), event.amount(), event.note(), event.createdAt()));
                }
                configuration.dsl()
                        .insertInto(EVENTS, EVENT_ID, EVENT_ACCOUNT, EVENT_AMOUNT, EVENT_NOTE, EVENT_CREATED_AT)
                        .valuesOfRows(rows)
                        .execute();
            }
        });
    }

    /** Multi-row INSERT … ON CONFLICT DO UPDATE, built with {@code onConflict().doUpdate()}. */
    public void upsert(List<Account> accounts) {
        ctx.transaction(configuration -> {
            for (int from = 0; from < accounts.size(); from += ROWS_PER_STATEMENT) {
                List<Row5<Long, String, Long, String, Instant>> rows = new ArrayList<>(ROWS_PER_STATEMENT);
                for (Account account : accounts.subList(from, Math.min(accounts.size(), from + ROWS_PER_STATEMENT))) {
                    rows.add(row(val(account.id()), val(account.email()), val(account.balance()), val(account.status()),
                            currentInstant()));
                }
                configuration.dsl()
                        .insertInto(ACCOUNTS, ACCOUNT_ID, ACCOUNT_EMAIL, ACCOUNT_BALANCE, ACCOUNT_STATUS, ACCOUNT_UPDATED_AT)
                        .valuesOfRows(rows)
                        .onConflict(ACCOUNT_ID)
                        .doUpdate()
                        .set(ACCOUNT_BALANCE, excluded(ACCOUNT_BALANCE))
                        .set(ACCOUNT_STATUS, excluded(ACCOUNT_STATUS))
                        .set(ACCOUNT_UPDATED_AT, currentInstant())
                        .execute();
            }
        });
    }

    /**
     * W9 as jOOQ's manual batches one statement with many bind value sets: {@code batch(query)} with
     * placeholder values, then {@code bind(…)} per row; executed every 1 000 rows, in one transaction.
     */
    public void update(List<Invoice> invoices) {
        ctx.transaction(configuration -> {
            DSLContext dsl = configuration.dsl();
            for (int from = 0; from < invoices.size(); from += ROWS_PER_STATEMENT) {
                BatchBindStep batch = dsl.batch(dsl.update(INVOICES)
                        .set(INVOICE_STATUS, (String) null)
                        .set(INVOICE_TOTAL, (BigDecimal) null)
                        .where(INVOICE_ID.eq((Long) null)));
                for (Invoice invoice : invoices.subList(from, Math.min(invoices.size(), from + ROWS_PER_STATEMENT))) {
                    batch.bind(invoice.status(), invoice.total(), invoice.id());
                }
                batch.execute();
            }
        });
    }

    /** {@code fetchStream} with a fetch size; PostgreSQL needs autocommit off for it, hence the transaction. */
    public void stream(int fetchSize, Consumer<Reading> sink) {
        ctx.transaction(configuration -> {
            try (Stream<Record4<Long, Integer, Double, String>> rows = configuration.dsl()
                    .select(READING_ID, READING_SENSOR, READING_VALUE, READING_LABEL)
                    .from(READINGS)
                    .fetchSize(fetchSize)
                    .fetchStream()) {
                rows.map(READING::map).forEach(sink);
            }
        });
    }
}
