package dev.quarry.it;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.quarry.it.SqlFeatures.RankedEvent;
import dev.quarry.it.SqlFeatures.TenantCount;
import dev.quarry.it.SqlFeatures.TenantSummary;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class SqlFeaturesTest {
    private record Tenant(int id, String name) {}

    private record Event(long id, int tenantId, String kind, Instant createdAt, Set<String> keys) {}

    private static final List<Tenant> TENANTS = List.of(new Tenant(1, "acme"), new Tenant(2, "globex"),
            new Tenant(3, "initech"));
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** Inserted out of time order so that rank order differs from id order. */
    private static final List<Event> EVENTS = List.of(
            new Event(1, 1, "login", T0.plusSeconds(300), Set.of("ip", "agent")),
            new Event(2, 2, "login", T0.plusSeconds(100), Set.of("ip")),
            new Event(3, 1, "order", T0.plusSeconds(50), Set.of("total", "currency")),
            new Event(4, 1, "login", T0.plusSeconds(900), Set.of()),
            new Event(5, 2, "refund", T0.plusSeconds(700), Set.of("total", "reason")),
            new Event(6, 1, "logout", T0.plusSeconds(600), Set.of("agent")),
            new Event(7, 2, "order", T0.plusSeconds(20), Set.of("total", "currency", "ip")));

    private static Database db;
    private static SqlFeatures repo;
    private static TestDatabase testDb;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute("""
                CREATE TABLE tenant (id int PRIMARY KEY, name text NOT NULL);
                CREATE TABLE tenant_event (
                    id bigint PRIMARY KEY,
                    tenant_id int NOT NULL REFERENCES tenant,
                    kind text NOT NULL,
                    created_at timestamptz NOT NULL,
                    payload jsonb NOT NULL
                );
                CREATE TABLE scratch (n int);
                CREATE TABLE scratch_log (n int);
                INSERT INTO scratch SELECT generate_series(1, 5);
                """);
        Jdbc.insert(database, "INSERT INTO tenant VALUES (?, ?)", TENANTS, (stmt, t) -> {
            stmt.setInt(1, t.id());
            stmt.setString(2, t.name());
        });
        Jdbc.insert(database, "INSERT INTO tenant_event VALUES (?, ?, ?, ?, ?::jsonb)", EVENTS, (stmt, e) -> {
            stmt.setLong(1, e.id());
            stmt.setInt(2, e.tenantId());
            stmt.setString(3, e.kind());
            stmt.setObject(4, e.createdAt().atOffset(ZoneOffset.UTC));
            stmt.setString(5, e.keys().stream().sorted().map(k -> "\"" + k + "\": 1")
                    .collect(Collectors.joining(", ", "{", "}")));
        });
        db = Databases.open(database);
        repo = db.repository(SqlFeatures.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    private static List<Long> eventIds(Predicate<Event> predicate) {
        return EVENTS.stream().filter(predicate).map(Event::id).sorted().toList();
    }

    @Test
    void doubleColonStaysACast() {
        assertEquals(42, repo.castPlusOne("41"));
        assertEquals(84L, repo.castTwice("42"));
    }

    @Test
    void colonsInLiteralsAreNotParameters() {
        assertEquals(":notaparam[x]it's :also_not' :nor_this:dollar:tagged", repo.literals("[x]"));
    }

    @Test
    void colonsInCommentsAreNotParameters() {
        assertEquals("xend", repo.comments("x"));
    }

    @Test
    void colonInQuotedIdentifierIsNotAParameter() {
        assertEquals(1, repo.quotedIdentifier());
    }

    @Test
    void existsSubquery() {
        for (String kind : List.of("login", "order", "refund", "nothing")) {
            List<Integer> expected = TENANTS.stream()
                    .filter(t -> EVENTS.stream().anyMatch(e -> e.tenantId() == t.id() && e.kind().equals(kind)))
                    .map(Tenant::id).toList();
            assertEquals(expected, repo.tenantsWithEventKind(kind), kind);
        }
    }

    @Test
    void correlatedScalarSubquery() {
        List<TenantSummary> expected = TENANTS.stream()
                .map(t -> new TenantSummary(t.id(), t.name(),
                        EVENTS.stream().filter(e -> e.tenantId() == t.id()).count()))
                .toList();
        assertEquals(expected, repo.tenantSummaries());
        assertEquals(0, expected.get(2).events());
    }

    @Test
    void windowFunctionReadsIntoARecordComponent() {
        List<RankedEvent> expected = EVENTS.stream()
                .map(e -> new RankedEvent(e.id(), e.tenantId(), e.createdAt(), 1 + EVENTS.stream()
                        .filter(o -> o.tenantId() == e.tenantId() && o.createdAt().isAfter(e.createdAt()))
                        .count()))
                .toList();
        List<RankedEvent> ranked = repo.rankedEvents();
        assertEquals(expected, ranked);
        // the data makes the ranks something other than the ids' order
        assertNotEquals(ranked.stream().map(RankedEvent::id).toList(),
                ranked.stream().map(RankedEvent::tenantRank).toList());
    }

    @Test
    void commonTableExpression() {
        Instant since = T0.plusSeconds(100);
        Map<Integer, Long> counts = EVENTS.stream().filter(e -> !e.createdAt().isBefore(since))
                .collect(groupingBy(Event::tenantId, TreeMap::new, counting()));
        List<TenantCount> expected = counts.entrySet().stream()
                .map(c -> new TenantCount(c.getKey(), c.getValue())).toList();
        assertEquals(expected, repo.recentCounts(since));
        assertEquals(List.of(), repo.recentCounts(T0.plusSeconds(10_000)));
    }

    @Test
    void dataModifyingCteReturnsTheRowCount() {
        assertEquals(2, repo.moveBelow(3));
        assertEquals(List.of(3, 4, 5), Jdbc.query(testDb, "SELECT n FROM scratch ORDER BY n", rs -> rs.getInt(1)));
        assertEquals(List.of(1, 2), Jdbc.query(testDb, "SELECT n FROM scratch_log ORDER BY n", rs -> rs.getInt(1)));
    }

    @Test
    void jsonbKeyOperatorWrittenDoubled() {
        assertEquals(eventIds(e -> e.keys().contains("total")), repo.eventsWithKey("total"));
        assertEquals(eventIds(e -> e.keys().contains("ip")), repo.eventsWithKey("ip"));
        assertEquals(List.of(), repo.eventsWithKey("absent"));
    }

    @Test
    void jsonbAnyAndAllKeyOperators() {
        assertEquals(eventIds(e -> e.keys().contains("reason") || e.keys().contains("agent")),
                repo.eventsWithAnyKey(new String[] {"reason", "agent"}));
        assertEquals(eventIds(e -> e.keys().containsAll(List.of("total", "ip"))),
                repo.eventsWithAllKeys(List.of("total", "ip")));
    }
}
