package dev.quarry.bench.hibernate;

import dev.quarry.bench.Pool;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hibernate ORM 7 over the shared pool: a session per operation, in read-only mode so that no
 * snapshots for dirty checking are kept (Hibernate's advice for data that is only read).
 */
@State(Scope.Benchmark)
public class HibernateContender {
    static final int BATCH_SIZE = 1_000;

    private SessionFactory sessions;

    @Setup(Level.Trial)
    public void open(Pool pool) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool.dataSource())
                .applySetting(AvailableSettings.SHOW_SQL, false)
                // W4, W9: without a batch size every insert or update is a round trip of its own
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE)
                .build();
        sessions = new MetadataSources(registry)
                .addAnnotatedClass(UserEntity.class)
                .addAnnotatedClass(CustomerEntity.class)
                .addAnnotatedClass(OrderEntity.class)
                .addAnnotatedClass(ItemEntity.class)
                .addAnnotatedClass(EventEntity.class)
                .addAnnotatedClass(InvoiceEntity.class)
                .buildMetadata()
                .buildSessionFactory();
    }

    @TearDown(Level.Trial)
    public void close() {
        sessions.close();
    }

    public UserEntity user(long id) {
        return sessions.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.find(UserEntity.class, id);
        });
    }

    public List<UserEntity> page(long after) {
        return sessions.fromSession(session -> {
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery("from UserEntity u where u.id > :after order by u.id", UserEntity.class)
                    .setParameter("after", after)
                    .setMaxResults(100)
                    .getResultList();
        });
    }

    /** Touches every collection inside the session so both SUBSELECT tiers are loaded before it closes. */
    public List<CustomerEntity> customersSubselect() {
        return sessions.fromSession(session -> {
            session.setDefaultReadOnly(true);
            List<CustomerEntity> customers = session
                    .createSelectionQuery("from CustomerEntity c order by c.id", CustomerEntity.class)
                    .getResultList();
            for (CustomerEntity customer : customers) {
                for (OrderEntity order : customer.getOrders()) {
                    order.getItems().size();
                }
            }
            return customers;
        });
    }

    /** A stateless session, Hibernate's documented path for bulk inserts: no persistence context, JDBC batches. */
    public void insert(List<EventEntity> events) {
        sessions.inStatelessTransaction(session -> session.insertMultiple(events));
    }

    /**
     * W9: {@code updateMultiple}, the batched form of a stateless session's {@code update}, in one
     * transaction. A plain {@code update} per entity is executed at once, one round trip each: 27–33 s
     * for 100 000 rows on a busy machine, where this took 4–7 s.
     */
    public void update(List<InvoiceEntity> invoices) {
        sessions.inStatelessTransaction(session -> session.updateMultiple(invoices));
    }
}
