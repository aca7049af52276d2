package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What verification adds to a compilation of 200 methods: the same source compiled without
 * verification, against migrations (server start included) and against a running database, in
 * turns, after a warm-up. A measurement rather than a check, so it runs only when asked:
 * {@code mvn test -Dtest=VerifyCostTest -Dquarry.verify.cost=true}.
 */
@PostgresTest
@EnabledIfSystemProperty(named = "quarry.verify.cost", matches = "true")
class VerifyCostTest {
    private static final int METHODS = 200;
    private static final int RUNS = 9;

    /** Eight kinds of statement, repeated with a different constant so that no two are the same. */
    private static final String[] TEMPLATES = {
        "@Query(\"SELECT id, email, display_name, age FROM users WHERE id = :id AND age > %d\")\n"
                + "Optional<User> find%d(long id);",
        "@Query(\"SELECT email FROM users WHERE id IN (:ids) AND age <> %d\")\nList<String> emails%d(List<Long> ids);",
        "@Query(\"SELECT count(*) FROM users WHERE status = ANY(:s) AND age > %d\")\nlong count%d(Set<Status> s);",
        "@Query(\"UPDATE users SET display_name = :name WHERE id = :id AND age > %d\")\n"
                + "int rename%d(long id, String name);",
        "@Query(\"SELECT id, user_id, total, placed_at FROM orders WHERE user_id = :u AND total > %d\")\n"
                + "List<Order> orders%d(long u);",
        "@Query(\"SELECT id, email FROM users WHERE age > %d\")\nList<Customer> customers%d();",
        "@Query(\"INSERT INTO orders (user_id, total) VALUES (:u, :t + %d) RETURNING id\")\n"
                + "long add%d(long u, BigDecimal t);",
        "@Query(\"SELECT u.email, count(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id "
                + "WHERE u.age > %d GROUP BY u.email\")\nList<Count> counts%d();",
    };

    @Test
    void twoHundredMethods(TestDatabase db) throws IOException {
        for (Path file : Migrations.ordered(List.of(VerifyCompiler.SCHEMA))) {
            db.execute(Files.readString(file));
        }
        VerifyCompiler.Source source = source();
        List<String> none = List.of();
        List<String> schema = List.of(VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA);
        List<String> url = List.of(VerifyOptions.URL + "=" + db.url(), VerifyOptions.USER + "=" + db.user(),
                VerifyOptions.PASSWORD + "=" + db.password());
        for (int i = 0; i < 2; i++) {
            time(none, source);
            time(schema, source);
            time(url, source);
        }
        List<Long> plain = new ArrayList<>();
        List<Long> migrations = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            plain.add(time(none, source));
            migrations.add(time(schema, source));
            running.add(time(url, source));
        }
        System.out.printf("%d methods, median of %d compilations in ms: none %d, %s %d (+%d), %s %d (+%d)%n"
                        + "  runs: none %s%n  %s %s%n  %s %s%n",
                METHODS, RUNS, median(plain), VerifyOptions.SCHEMA, median(migrations),
                median(migrations) - median(plain), VerifyOptions.URL, median(running),
                median(running) - median(plain), plain, VerifyOptions.SCHEMA, migrations, VerifyOptions.URL, running);
    }

    private static VerifyCompiler.Source source() {
        List<String> lines = new ArrayList<>(List.of(
                "@Repository",
                "public interface Many {",
                "    enum Status { ACTIVE, SUSPENDED }",
                "    record User(long id, String email, String displayName, Integer age) {}",
                "    @Table(\"orders\")",
                "    record Order(@Id long id, long userId, BigDecimal total, OffsetDateTime placedAt) {}",
                "    record Customer(long id, String email,",
                "                    @Relation(parentColumn = \"id\", childColumn = \"user_id\") List<Order> orders) {}",
                "    record Count(String email, long orders) {}"));
        for (int i = 0; i < METHODS; i++) {
            for (String line : String.format(TEMPLATES[i % TEMPLATES.length], i, i).split("\n")) {
                lines.add("    " + line);
            }
        }
        lines.add("}");
        return VerifyCompiler.source("Many", lines.toArray(String[]::new));
    }

    private static long time(List<String> options, VerifyCompiler.Source source) {
        long start = System.nanoTime();
        Compilation compilation = VerifyCompiler.compile(options, source);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(compilation.diagnostics()).isEmpty();
        return millis;
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
