package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read replica routing. The "replica" is a second database on the same server with the same
 * schema, whose marker row says "replica": every call's answer names the database that served it.
 * The tests in {@code dev.quarry.it.replica} run against a real hot standby: lag, recovery conflicts,
 * failover and a replica that goes away.
 */
@PostgresTest
class ReplicaRoutingTest {
    private static TestDatabase primaryDb;
    private static TestDatabase replicaDb;
    private static Database db;
    private static Routed routed;

    @BeforeAll
    static void setUp(TestDatabase database) {
        primaryDb = database;
        replicaDb = PostgresServer.shared().createDatabase("replica");
        primaryDb.execute(Routed.DDL + "INSERT INTO marker VALUES ('primary');");
        replicaDb.execute(Routed.DDL + "INSERT INTO marker VALUES ('replica');");
        db = TxSchema.builder(primaryDb).maximumPoolSize(2).applicationName("quarry-routing")
                .replica(replicaDb.url(), replicaDb.user(), replicaDb.password())
                .build();
        routed = db.repository(Routed.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
        PostgresServer.shared().dropDatabase(replicaDb);
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, TxSchema.active(db.dataSource()));
        assertEquals(0, TxSchema.active(db.replicaDataSource().orElseThrow()));
    }

    @Test
    void plainCallsRunOnThePrimary() {
        assertEquals("primary", routed.servedBy());
        assertEquals(1, routed.visit(1));
        assertEquals(1, primaryDb.queryLong("SELECT count(*) FROM visit WHERE id = 1"));
        assertEquals(0, replicaDb.queryLong("SELECT count(*) FROM visit"));
    }

    @Test
    void readOnlyTransactionsRunOnTheReplica() {
        assertEquals("replica", routed.servedByReadOnly());
        assertEquals(List.of("replica", "replica", "replica"), routed.insideReadOnly());
        assertEquals("replica", routed.servedByReadOnlyAsync().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @Test
    void streamsOutsideATransactionRunOnTheReplica() {
        assertEquals("replica", routed.streamed());
    }

    @Test
    void everythingInAReadWriteTransactionStaysOnThePrimary() {
        // the read-only method and the stream join the transaction, and see its own write
        assertEquals(List.of("primary", "primary", "primary", "1"), routed.insideReadWrite(2));
        assertEquals(List.of("primary", "primary", "primary"), db.transaction(Isolation.REPEATABLE_READ,
                () -> List.of(routed.servedBy(), routed.servedByReadOnly(), routed.streamed())));
        assertEquals(0, replicaDb.queryLong("SELECT count(*) FROM visit"));
    }

    @Test
    void aWriteInAReadOnlyTransactionFailsOnTheReplica() {
        DataException e = assertThrows(DataException.class, () -> routed.insideReadOnlyWriting(3));
        assertEquals("25006", e.sqlState());
        assertEquals(0, replicaDb.queryLong("SELECT count(*) FROM visit"));
    }

    @Test
    void theReplicaPoolHasThePrimarysSettings() {
        HikariDataSource primary = assertInstanceOf(HikariDataSource.class, db.dataSource());
        HikariDataSource replica = assertInstanceOf(HikariDataSource.class, db.replicaDataSource().orElseThrow());
        assertEquals(replicaDb.url(), replica.getJdbcUrl());
        assertEquals("quarry-replica", replica.getPoolName());
        assertEquals(primary.getMaximumPoolSize(), replica.getMaximumPoolSize());
        assertEquals(primary.getConnectionTimeout(), replica.getConnectionTimeout());
        // the pool opens its first connection when it is built
        assertTrue(replicaDb.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'quarry-routing'") >= 1);
    }

    @Test
    void withoutAReplicaEverythingRunsOnThePrimary() {
        try (Database single = TxSchema.builder(primaryDb).maximumPoolSize(1).build()) {
            Routed alone = single.repository(Routed.class);
            assertEquals(Optional.empty(), single.replicaDataSource());
            assertEquals("primary", alone.servedByReadOnly());
            assertEquals("primary", alone.streamed());
            assertEquals(List.of("primary", "primary", "primary"), alone.insideReadOnly());
        }
    }

    @Test
    void aReplicaDataSourceOfTheCallersIsUsedAndLeftOpen() {
        try (HikariDataSource callers = new HikariDataSource()) {
            callers.setJdbcUrl(replicaDb.url());
            callers.setUsername(replicaDb.user());
            callers.setPassword(replicaDb.password());
            callers.setMaximumPoolSize(1);
            try (Database withDataSource = TxSchema.builder(primaryDb).maximumPoolSize(1).replica(callers).build()) {
                assertSame(callers, withDataSource.replicaDataSource().orElseThrow());
                Routed viaDataSource = withDataSource.repository(Routed.class);
                assertEquals("replica", viaDataSource.servedByReadOnly());
                assertEquals("replica", viaDataSource.streamed());
                assertEquals("primary", viaDataSource.servedBy());
            }
            assertFalse(callers.isClosed(), "the caller's replica pool was closed");
        }
    }
}
