package dev.quarry.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the example once against a fresh database and checks its report. The expected numbers follow from
 * the seed data, which is the same on every run; where a number is easy to get with plain SQL the test
 * also asks PostgreSQL directly, so a mistake in generated code cannot hide behind a wrong expectation.
 */
@PostgresTest
class ExampleAppTest {
    private static Database db;
    private static List<String> lines;
    private static String output;

    @BeforeAll
    static void runExample(TestDatabase database) {
        db = Database.builder().url(database.url()).user(database.user()).password(database.password())
                .maximumPoolSize(2).build();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            ExampleApp.run(db, out);
        }
        output = buffer.toString(StandardCharsets.UTF_8);
        lines = output.lines().toList();
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void loadsTheWholeDataSetInOneTransaction(TestDatabase database) {
        assertLine("loaded in one transaction: 5 tenants, 2000 users, 6000 orders, 15000 order items, 330 categories");
        // the rolled-back and rejected inserts leave only newcomer@example.com behind
        assertEquals(2001, database.queryLong("SELECT count(*) FROM users"));
        assertEquals(0, database.queryLong("SELECT count(*) FROM orders WHERE total = 0"));
    }

    @Test
    void findsUsersByIdEmailAndStatus(TestDatabase database) {
        assertLine("user 42: user42@example.com, tenant 5, active");
        assertLine("user 999999: not found");
        assertLine("user with email user7@example.com: id 7, tenant 3, active");
        assertLine("users of tenant 1 with status active/pending: "
                + database.queryLong("SELECT count(*) FROM users WHERE tenant_id = 1"
                + " AND status IN ('active', 'pending') AND email <> 'newcomer@example.com'"));
        assertLine("users of tenant 1 with status active/pending: 360");
        assertLine("users of tenant 1 with an empty status list: 0");
        assertLine("users by status: active 1298, pending 499, blocked 203");
    }

    @Test
    void updatesAndInserts(TestDatabase database) {
        assertLine("block user 42: 1 row updated, status now blocked");
        assertLine("block user 999999: 0 rows updated");
        assertLine("new user newcomer@example.com: id 2001");
        assertEquals(1, database.queryLong("SELECT count(*) FROM users WHERE id = 42 AND status = 'blocked'"));
    }

    @Test
    void runsSubqueriesWindowsAndAggregates(TestDatabase database) {
        long bigSpenders = database.queryLong(
                "SELECT count(DISTINCT user_id) FROM orders WHERE total > 750.00");
        assertTrue(bigSpenders > 0, "the threshold must select someone");
        assertTrue(output.contains("users with an order above 750.00: " + bigSpenders + ", first "), output);
        assertLine("orders of users 1, 2, 3: " + database.queryLong("SELECT count(*) FROM orders WHERE user_id <= 3")
                + " (ids 1207, 3430, 5653, 2124, 4347, 818, 1735, 3041, 3958, 5264)");
        assertLine("latest 2 orders of each tenant:");
        assertEquals(10, lines.stream().filter(l -> l.matches("  tenant \\d #[12]: order \\d+ of .*")).count(), output);
        assertLine("  tenant 5 #1: order 6000 of user1055@example.com, 151.40 at 2024-12-11T20:00:00Z");
        assertLine("revenue per tenant, cancelled orders left out:");
        assertTrue(output.contains("  Umbrella   1047 orders    326153.64"), output);
        assertLine("root categories: Books, Electronics, Garden, Home, Sports, Toys");
        assertLine("children of Electronics: Electronics/1, Electronics/2, Electronics/3, Electronics/4,"
                + " Electronics/5, Electronics/6");
        assertLine("children of Electronics/3/1: 0");
    }

    @Test
    void rollsBackAndMapsUniqueViolations(TestDatabase database) {
        assertLine("transaction rolled back after \"simulated failure\"; rollback@example.com exists: false");
        assertEquals(0, database.queryLong("SELECT count(*) FROM users WHERE email = 'rollback@example.com'"));
        assertLine("duplicate email user1@example.com: UniqueViolationException (SQLSTATE 23505)");
    }

    @Test
    void refusesADatabaseThatAlreadyHasTheTables() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExampleApp.run(db, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("already has a table named tenants"), e.getMessage());
    }

    private static void assertLine(String expected) {
        assertTrue(lines.contains(expected), () -> "no line \"" + expected + "\" in:\n" + output);
    }
}
