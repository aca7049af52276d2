package dev.quarry.bench;

import dev.quarry.bench.hibernate.HibernateContender;
import dev.quarry.bench.hibernate.InvoiceEntity;
import dev.quarry.bench.peers.JdbiContender;
import dev.quarry.bench.peers.JooqContender;
import dev.quarry.bench.peers.SpringContender;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * W9: update two columns (status, total) of 100 000 rows by primary key, in one transaction. Each
 * operation sets values that differ from the previous one's, so PostgreSQL writes every row. Before
 * each operation, outside the measured time, the table is vacuumed (the last one left a dead
 * version of every row) and the next input is built; before each fork the table is written afresh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W9Update {
    /** The update number of the coming operation: 1 for the first after the table was reset. */
    long round;
    List<Invoice> invoices;

    @Setup(Level.Trial)
    public void reset(Pool pool) throws SQLException {
        BulkTables.resetInvoices(pool.dataSource());
        round = 0;
    }

    @Setup(Level.Invocation)
    public void next(Pool pool) throws SQLException {
        BulkTables.vacuumInvoices(pool.dataSource());
        round++;
        invoices = Invoice.round(BenchSettings.bulkRows(), round);
    }

    /** The same rows with the version the operation before left, for the versioned contender only. */
    @State(Scope.Benchmark)
    public static class Versioned {
        List<VersionedInvoice> invoices;

        @Setup(Level.Invocation)
        public void next(W9Update workload) {
            invoices = VersionedInvoice.round(BenchSettings.bulkRows(), workload.round);
        }
    }

    /** The same rows as detached entities, for Hibernate only. */
    @State(Scope.Benchmark)
    public static class Entities {
        List<InvoiceEntity> invoices;

        @Setup(Level.Invocation)
        public void next(W9Update workload) {
            invoices = entities(workload.invoices);
        }
    }

    static List<InvoiceEntity> entities(List<Invoice> invoices) {
        return invoices.stream().map(i -> new InvoiceEntity(i.id(), i.customerId(), i.status(), i.total())).toList();
    }

    @Benchmark
    public void pgjdbcUnnest(HandBulk contender) throws Exception {
        contender.updateByUnnest(invoices);
    }

    /** The baseline after a statement that locks the chunk's rows in key order, as Quarry's does. */
    @Benchmark
    public void pgjdbcUnnestLocked(HandBulk contender) throws Exception {
        contender.updateByUnnest(invoices, true);
    }

    @Benchmark
    public void pgjdbcBatch(HandBulk contender) throws Exception {
        contender.updateByBatch(invoices);
    }

    @Benchmark
    public long quarry(QuarryContender contender) {
        return contender.update(invoices);
    }

    @Benchmark
    public long quarryVersioned(QuarryContender contender, Versioned input) {
        return contender.updateVersioned(input.invoices);
    }

    @Benchmark
    public void jdbiBatch(JdbiContender contender) {
        contender.update(invoices);
    }

    @Benchmark
    public void jooqBatch(JooqContender contender) {
        contender.update(invoices);
    }

    @Benchmark
    public void springBatch(SpringContender contender) {
        contender.update(invoices);
    }

    @Benchmark
    public void hibernateStatelessUpdate(HibernateContender contender, Entities input) {
        contender.update(input.invoices);
    }
}
