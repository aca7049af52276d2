package dev.quarry.it.reliability;

import static dev.quarry.it.reliability.Backends.active;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values are always bound, never spliced into SQL: hostile strings through every kind of
 * parameter are stored and matched as the exact text they are, and the schema is untouched.
 */
@PostgresTest
class InjectionTest {
    /** Classic injections, quoting and placeholder look-alikes, and Unicode that tricks naive escaping. */
    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE users; --",
            "' OR '1'='1",
            "' OR 1=1 --",
            "Robert'); DROP TABLE users;--",
            "\\'; DROP TABLE users; --",
            "\\",
            "''",
            "\"; DROP TABLE \"users",
            "$$; DROP TABLE users; $$",
            "$q$ DROP TABLE users $q$",
            ":name",
            ":m.name",
            "::text",
            "?",
            "?, ?); DROP TABLE users; --",
            "/* unterminated comment",
            "-- line comment",
            "E'\\x27'",
            "%_%",
            "1; DELETE FROM canary",
            "\r\n;\t",
            "日本語 ✓ 🚀 Ωμέγα",
            "e\u0301 \u202Eevil\u202C \u2028 \uFEFF",
            "\uFF07 OR \uFF071\uFF07=\uFF071");

    private static TestDatabase testDb;
    private static Database db;
    private static Injection repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Member.DDL);
        db = Backends.open(database, "quarry-injection", 2);
        repo = db.repository(Injection.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("DELETE FROM users");
    }

    @AfterEach
    void schemaIntact() {
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM canary"));
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'users' AND relkind = 'r'"));
        assertEquals(0, active(db));
    }

    private static List<Member> members(long firstId) {
        return IntStream.range(0, HOSTILE.size())
                .mapToObj(i -> new Member(firstId + i, HOSTILE.get(i), "note " + HOSTILE.get(i),
                        i % 2 == 0 ? Member.Role.ADMIN : Member.Role.MEMBER))
                .toList();
    }

    /** The rows as plain JDBC reads them, so the check does not go through the code it checks. */
    private static List<Member> stored() {
        List<Member> rows = new ArrayList<>();
        try (Connection c = testDb.dataSource().getConnection();
             PreparedStatement stmt = c.prepareStatement("SELECT id, name, note, role FROM users ORDER BY id");
             ResultSet rs = stmt.executeQuery()) {
            while (rs.next()) {
                rows.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Member.Role.valueOf(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @Test
    void scalarParametersStoreAndMatchTheExactText() {
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertEquals(1, repo.add(i, HOSTILE.get(i), HOSTILE.get(i), Member.Role.ADMIN));
        }
        assertEquals(members(0).stream().map(m -> new Member(m.id(), m.name(), m.name(), Member.Role.ADMIN)).toList(),
                stored());
        for (int i = 0; i < HOSTILE.size(); i++) {
            String value = HOSTILE.get(i);
            // each string matches its own row only: "' OR '1'='1" is text, not a condition
            assertEquals(List.of((long) i), repo.byName(value).stream().map(Member::id).toList(), value);
            assertEquals(value, repo.echo(value));
        }
    }

    @Test
    void recordComponentsStoreTheExactText() {
        List<Member> members = members(100);
        members.forEach(m -> assertEquals(1, repo.addRecord(m)));
        assertEquals(members, stored());
        for (Member m : members) {
            assertEquals(Optional.of(m), repo.find(m.id()));
        }
    }

    @Test
    void collectionParametersBindAsOneArrayOfExactText() {
        List<Member> members = members(200);
        repo.copy(members);
        List<Long> ids = members.stream().map(Member::id).toList();
        assertEquals(ids, repo.idsByNames(HOSTILE));
        assertEquals(ids, repo.idsByNamesIn(HOSTILE));
        assertEquals(List.of(), repo.idsByNames(List.of("' OR '1'='1' --", "x') OR ('1'='1")));
        // array literal syntax inside an element stays inside the element
        List<String> tags = new ArrayList<>(HOSTILE);
        tags.addAll(List.of("{}", "{\"a\",\"b\"}", "NULL", "\"", ","));
        assertEquals(1, repo.setTags(200, tags));
        assertEquals(tags, tagsOf(200));
    }

    @Test
    void enumsBindTheirNameNotTheirToString() {
        assertEquals(1, repo.add(1, "admin", null, Member.Role.ADMIN));
        assertEquals(1, repo.add(2, "member", null, Member.Role.MEMBER));
        assertEquals(List.of(1L), repo.idsByRole(Member.Role.ADMIN));
        assertEquals(List.of("ADMIN", "MEMBER"), stored().stream().map(m -> m.role().name()).toList());
        assertEquals(1, testDb.queryLong("SELECT count(*) FROM users WHERE role = 'ADMIN'"));
    }

    @Test
    void everyBulkPathStoresTheExactText() {
        List<Function<List<Member>, Long>> writers = List.of(repo::copy, repo::unnest, repo::batch, repo::upsert);
        List<Member> expected = new ArrayList<>();
        long firstId = 1_000;
        for (Function<List<Member>, Long> writer : writers) {
            List<Member> members = members(firstId);
            assertEquals(members.size(), writer.apply(members));
            expected.addAll(members);
            firstId += 1_000;
        }
        assertEquals(expected, stored());
        // @Batch binds record components per statement: the note becomes the exact name
        assertEquals(expected.size(), repo.copyNameToNote(expected));
        assertEquals(expected.stream().map(m -> new Member(m.id(), m.name(), m.name(), m.role())).toList(), stored());
        // an upsert over existing keys updates them with the exact text as well
        List<Member> renamed = LongStream.range(0, HOSTILE.size())
                .mapToObj(i -> new Member(1_000 + i, HOSTILE.get(HOSTILE.size() - 1 - (int) i), null,
                        Member.Role.MEMBER))
                .toList();
        assertEquals(renamed.size(), repo.upsert(renamed));
        for (Member m : renamed) {
            assertEquals(Optional.of(m), repo.find(m.id()));
        }
        assertEquals(expected.size(), repo.count());
    }

    private static List<String> tagsOf(long id) {
        try (Connection c = testDb.dataSource().getConnection();
             PreparedStatement stmt = c.prepareStatement("SELECT tags FROM users WHERE id = ?")) {
            stmt.setLong(1, id);
            try (ResultSet rs = stmt.executeQuery()) {
                rs.next();
                Array array = rs.getArray(1);
                return Arrays.asList((String[]) array.getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
