package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Transactional} methods: commit, rollback, joining, isolation and read-only; each test has its own ids. */
@PostgresTest
class TransactionalMethodsTest {
    private static final String READ_ONLY_INSERT = "ERROR: cannot execute INSERT in a read-only transaction";

    private static TestDatabase testDb;
    private static Database db;
    private static Ledger ledger;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(TxSchema.DDL);
        db = TxSchema.open(database);
        ledger = db.repository(Ledger.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() {
        assertEquals(0, TxSchema.active(db.dataSource()));
    }

    @Test
    void aTransactionalMethodCommitsWhatItsCallsWrote() {
        long[] ids = ledger.transfer(1, 2);
        assertEquals(List.of(1, 2), TxSchema.committedIds(testDb, 1, 9));
        assertEquals(Optional.of("debit"), ledger.note(1));
        assertEquals(Optional.of("audit"), ledger.note(2));
        // the outer method's transaction, joined by the inner one
        assertEquals(ids[0], ids[1]);
    }

    @Test
    void anExceptionRollsBackAndPropagatesUnchanged() {
        IllegalArgumentException failure = new IllegalArgumentException("no such account");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ledger.insertThenFail(10, failure));
        assertSame(failure, thrown);
        assertEquals(List.of(), TxSchema.committedIds(testDb, 10, 19));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM entry WHERE id BETWEEN 10 AND 19"));
    }

    @Test
    void aDeclaredCheckedExceptionRollsBackAndPropagatesUnchanged() {
        IOException io = new IOException("disk full");
        assertSame(io, assertThrows(IOException.class, () -> ledger.insertThenThrow(110, io)));
        TimeoutException timeout = new TimeoutException("too slow");
        assertSame(timeout, assertThrows(TimeoutException.class, () -> ledger.insertThenThrow(111, timeout)));
        assertEquals(List.of(), TxSchema.committedIds(testDb, 110, 119));
    }

    @Test
    void aDefaultMethodOfAnInterfaceRunsInOneTransaction() throws Exception {
        Journal journal = db.repository(Journal.class);
        journal.insertPair(120, 121);
        assertEquals(List.of(120, 121), TxSchema.committedIds(testDb, 120, 129));

        // the second insert collides with 121: the first, 122, is rolled back with it
        DataException e = assertThrows(DataException.class, () -> journal.insertPair(122, 121));
        assertEquals("23505", e.sqlState());
        assertEquals(List.of(120, 121), TxSchema.committedIds(testDb, 120, 129));

        Journal.RefusedException refused = assertThrows(Journal.RefusedException.class,
                () -> journal.insertThenRefuse(123, "over the limit"));
        assertEquals("over the limit", refused.getMessage());
        assertEquals(2, journal.countBetween(120, 129));
    }

    @Test
    void aFailureAfterTheInnerMethodReturnedRollsBackTheInnerWritesToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ledger.transferThenFail(20, 21));
        assertEquals("after the inner method", e.getMessage());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 20, 29));
    }

    @Test
    void aJoinedMethodsFailureThatIsCaughtKeepsItsWrites() {
        // joining means no savepoint: what the inner method wrote before failing commits with the outer one
        assertEquals("inner failed", ledger.carryOnAfterInnerFailure(30, 31));
        assertEquals(List.of(30, 31), TxSchema.committedIds(testDb, 30, 39));
    }

    @Test
    void aTransactionalMethodJoinsDbTransaction() {
        long[] ids = new long[3];
        assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
            ids[0] = ledger.transactionId();
            long[] inner = ledger.transfer(40, 41);
            ids[1] = inner[0];
            ids[2] = inner[1];
            // written, visible to this transaction, not yet committed
            assertEquals(List.of(40, 41), ledger.idsBetween(40, 49));
            assertEquals(List.of(), TxSchema.committedIds(testDb, 40, 49));
            throw new IllegalStateException("the outer transaction decides");
        }));
        assertEquals(ids[0], ids[1]);
        assertEquals(ids[0], ids[2]);
        assertEquals(List.of(), TxSchema.committedIds(testDb, 40, 49));
    }

    @Test
    void withoutAnEnclosingTransactionEachMethodHasItsOwn() {
        assertNotEquals(ledger.audit(50), ledger.audit(51));
    }

    @Test
    void theIsolationLevelIsSetInsideTheMethod() {
        assertEquals("serializable", ledger.serializableIsolation());
        assertEquals("repeatable read", ledger.repeatableReadIsolation());
        assertEquals("read committed", ledger.readCommittedIsolation());
        // a concrete method: the generated call inside runs in the method's transaction
        assertEquals("repeatable read", ledger.isolationInsideRepeatableRead());
        // and the connection goes back to the pool at the session's level
        for (int i = 0; i < 6; i++) {
            assertEquals("read committed", ledger.isolation());
        }
    }

    @Test
    void aWeakerLevelInsideAStricterTransactionJoinsIt() {
        assertEquals("serializable/serializable", ledger.readCommittedInsideSerializable());
        assertEquals("serializable", db.transaction(Isolation.SERIALIZABLE, ledger::readCommittedIsolation));
    }

    @Test
    void aStricterLevelInsideAWeakerTransactionIsAnError() {
        DataException e = assertThrows(DataException.class, () -> ledger.serializableInsideReadCommitted(60));
        assertEquals("cannot run a SERIALIZABLE transaction inside a READ_COMMITTED one: the isolation level is "
                + "fixed when a transaction begins", e.getMessage());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 60, 69));

        e = assertThrows(DataException.class, ledger::repeatableReadInsideDefault);
        assertEquals("cannot run a REPEATABLE_READ transaction inside a DEFAULT one: the isolation level is "
                + "fixed when a transaction begins", e.getMessage());
    }

    @Test
    void aReadOnlyQueryMethodCannotWrite() {
        DataException e = assertThrows(DataException.class, () -> ledger.insertReadOnly(70));
        assertEquals("25006", e.sqlState());
        assertEquals("Ledger.insertReadOnly", e.method());
        assertTrue(e.getMessage().startsWith("Ledger.insertReadOnly: " + READ_ONLY_INSERT), e.getMessage());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 70, 79));
    }

    @Test
    void aReadOnlyMethodMakesTheCallsInsideReadOnly() {
        assertEquals("on", ledger.readOnlyState());
        DataException e = assertThrows(DataException.class, () -> ledger.writeInReadOnlyMethod(80));
        assertEquals("25006", e.sqlState());
        // the generated statement that failed, not the method around it
        assertEquals("Ledger.insert", e.method());
        assertTrue(e.getMessage().startsWith("Ledger.insert: " + READ_ONLY_INSERT), e.getMessage());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 80, 89));
        // connections go back read-write
        for (int i = 0; i < 6; i++) {
            assertEquals("off", ledger.readOnlySetting());
        }
    }

    @Test
    void aReadWriteMethodCannotJoinAReadOnlyTransaction() {
        DataException e = assertThrows(DataException.class, () -> ledger.readWriteInsideReadOnly(90));
        assertEquals("cannot run a read-write transaction inside a read-only one", e.getMessage());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 90, 99));
    }

    @Test
    void anInterfaceAnnotatedOnTheTypeRunsEveryMethodAtItsLevel() {
        Snapshots snapshots = db.repository(Snapshots.class);
        assertEquals("repeatable read", snapshots.isolation());
        // the method's own annotation wins over the type's
        assertEquals("serializable", snapshots.serializable());
    }

    @Test
    void aClassAnnotatedOnTheTypeRunsItsConcreteMethodsInOneTransaction() {
        Reports reports = db.repository(Reports.class);
        // read-only, and the mark set by the second call is seen by the third: one transaction
        assertEquals("on quarry-1 quarry-1", reports.summary("quarry-1"));
        // a generated method on its own: its own transaction, so the mark is gone afterwards
        assertEquals("quarry-2", reports.mark("quarry-2"));
        assertEquals("", reports.markSeen());
        DataException e = assertThrows(DataException.class, () -> reports.insert(100));
        assertEquals("25006", e.sqlState());
        assertEquals(List.of(), TxSchema.committedIds(testDb, 100, 109));
    }
}
