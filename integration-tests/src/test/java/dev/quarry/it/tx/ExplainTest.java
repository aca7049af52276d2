package dev.quarry.it.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.Plan;
import dev.quarry.runtime.UniqueViolationException;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code db.explain(work)}: a plan per statement, the work's real results, and nothing written. */
@PostgresTest
class ExplainTest {
    private static TestDatabase testDb;
    private static Database db;
    private static Widgets widgets;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Widgets.DDL);
        db = TxSchema.open(database);
        widgets = db.repository(Widgets.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void nothingWrittenAndEveryConnectionReturned() {
        assertEquals(2000, testDb.queryLong("SELECT count(*) FROM widget"));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM widget WHERE name <> 'widget ' || id"));
        assertEquals(0, TxSchema.active(db.dataSource()));
    }

    private static void assertAnalyzed(Plan plan) {
        assertTrue(plan.plan().contains("(actual time="), plan.plan());
        assertTrue(plan.plan().contains("Execution Time: "), plan.plan());
        assertTrue(plan.executionTime().compareTo(Duration.ZERO) > 0, plan::toString);
        assertTrue(plan.executionTime().compareTo(Duration.ofSeconds(10)) < 0, plan::toString);
    }

    @Test
    void aSelectGetsItsPlanWithTheBoundValuesAndTheWorkGetsItsRows() {
        List<List<Widgets.Widget>> found = new ArrayList<>();
        List<Plan> plans = db.explain(() -> found.add(widgets.byName("widget 42")));
        assertEquals(List.of(List.of(new Widgets.Widget(42, "widget 42"))), found);
        assertEquals(1, plans.size(), plans::toString);
        Plan plan = plans.get(0);
        assertEquals("SELECT id, name FROM widget WHERE name = ?", plan.sql());
        // the bound value reached EXPLAIN: the index is used and exactly one row came back
        assertTrue(plan.plan().contains("using widget_name on widget"), plan.plan());
        assertTrue(plan.plan().contains("rows=1 loops=1)"), plan.plan());
        assertTrue(plan.plan().contains("Index Cond: (name = 'widget 42'::text)"), plan.plan());
        assertTrue(plan.plan().contains("Buffers: shared hit="), plan.plan());
        assertAnalyzed(plan);
    }

    @Test
    void anInsertIsExplainedAndRolledBack() {
        long[] seenInside = new long[1];
        List<Plan> plans = db.explain(() -> {
            assertEquals(1, widgets.insert(5000, "new"));
            // the statement really ran inside the work, once: the EXPLAIN's own insert was rolled back
            seenInside[0] = widgets.count();
        });
        assertEquals(2001, seenInside[0]);
        assertEquals(List.of("INSERT INTO widget (id, name) VALUES (?, ?)", "SELECT count(*) FROM widget"),
                plans.stream().map(Plan::sql).toList());
        assertTrue(plans.get(0).plan().startsWith("Insert on widget"), plans.get(0).plan());
        assertAnalyzed(plans.get(0));
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM widget WHERE id = 5000"));
    }

    @Test
    void everyStatementOfTheWorkHasAPlanInOrder() {
        List<Plan> plans = db.explain(() -> {
            widgets.insert(5001, "a");
            widgets.rename(List.of(1, 2, 3), "renamed");
            widgets.byName("renamed");
            try (Stream<Widgets.Widget> stream = widgets.upTo(5)) {
                assertEquals(List.of("renamed", "renamed", "renamed", "widget 4", "widget 5"),
                        stream.map(Widgets.Widget::name).toList());
            }
            widgets.countUpToSerializable(10);
        });
        assertEquals(List.of(
                "INSERT INTO widget (id, name) VALUES (?, ?)",
                "UPDATE widget SET name = ? WHERE id = ANY(?)",
                "SELECT id, name FROM widget WHERE name = ?",
                "SELECT id, name FROM widget WHERE id <= ? ORDER BY id",
                "SELECT count(*) FROM widget WHERE id <= ?"), plans.stream().map(Plan::sql).toList());
        assertTrue(plans.get(1).plan().startsWith("Update on widget"), plans.get(1).plan());
        // three rows renamed, seen by the select after it
        assertTrue(plans.get(2).plan().contains("rows=3 loops=1)"), plans.get(2).plan());
        plans.forEach(ExplainTest::assertAnalyzed);
    }

    @Test
    void bulkWritesAreExplainedExceptCopyAndRolledBack() {
        long[] seenInside = new long[1];
        List<Plan> plans = db.explain(() -> {
            assertEquals(2, widgets.insertAll(List.of(new Widgets.Widget(6000, "u1"), new Widgets.Widget(6001, "u2"))));
            // COPY goes around JDBC statements: it runs, without a plan
            assertEquals(3, widgets.copyAll(List.of(new Widgets.Widget(6002, "c1"), new Widgets.Widget(6003, "c2"),
                    new Widgets.Widget(6004, "c3"))));
            seenInside[0] = widgets.count();
        });
        assertEquals(2005, seenInside[0]);
        // the catalog lookup of a table's first bulk write is Quarry's, not the work's: it has no plan here
        assertEquals(2, plans.size(), plans::toString);
        assertEquals("INSERT INTO widget (id, name) SELECT * FROM unnest(?::int4[], ?::text[])", plans.get(0).sql());
        assertTrue(plans.get(0).plan().startsWith("Insert on widget"), plans.get(0).plan());
        assertTrue(plans.get(0).plan().contains("Function Scan on unnest"), plans.get(0).plan());
        assertEquals("SELECT count(*) FROM widget", plans.get(1).sql());
    }

    @Test
    void aFailingWorkRollsBackAndPropagates() {
        IllegalStateException failure = new IllegalStateException("work failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.explain(() -> {
            widgets.insert(5002, "doomed");
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(0, testDb.queryLong("SELECT count(*) FROM widget WHERE id = 5002"));
    }

    @Test
    void aFailingStatementFailsTheWorkAsItWouldWithoutExplain() {
        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> db.explain(() -> widgets.insert(1, "duplicate")));
        assertEquals("Widgets.insert", e.method());
        assertEquals("23505", e.sqlState());
    }

    @Test
    void explainInsideATransactionIsRefused() {
        DataException e = assertThrows(DataException.class, () -> db.transaction(() -> db.explain(widgets::count)));
        assertEquals("explain cannot run inside a transaction: it rolls back everything its work wrote, which would "
                + "include the transaction's earlier writes", e.getMessage());
    }

    @Test
    void workWithoutStatementsHasNoPlans() {
        assertEquals(List.of(), db.explain(() -> { }));
    }
}
