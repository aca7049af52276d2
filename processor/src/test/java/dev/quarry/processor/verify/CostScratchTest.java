package dev.quarry.processor.verify;

import com.google.testing.compile.Compilation;
import dev.quarry.testing.PostgresServer;
import dev.quarry.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostScratchTest {
    static final String[] TEMPLATES = {
        "    @Query(\"SELECT id, email, display_name, age FROM users WHERE id = :id AND age > %d\")\n    Optional<User> find%d(long id);",
        "    @Query(\"SELECT email FROM users WHERE id IN (:ids) AND age <> %d\")\n    List<String> emails%d(List<Long> ids);",
        "    @Query(\"SELECT count(*) FROM users WHERE status = ANY(:s) AND age > %d\")\n    long count%d(Set<Status> s);",
        "    @Query(\"UPDATE users SET display_name = :name WHERE id = :id AND age > %d\")\n    int rename%d(long id, String name);",
        "    @Query(\"SELECT id, user_id, total, placed_at FROM orders WHERE user_id = :u AND total > %d\")\n    List<Order> orders%d(long u);",
        "    @Query(\"SELECT id, email FROM users WHERE age > %d\")\n    List<Customer> customers%d();",
        "    @Query(\"INSERT INTO orders (user_id, total) VALUES (:u, :t + %d) RETURNING id\")\n    long add%d(long u, BigDecimal t);",
        "    @Query(\"SELECT u.email, count(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE u.age > %d GROUP BY u.email\")\n    List<Count> counts%d();",
    };

    static VerifyCompiler.Source source(int methods) {
        List<String> lines = new ArrayList<>(List.of("@Repository", "public interface Many {",
                "    enum Status { ACTIVE, SUSPENDED }",
                "    record User(long id, String email, String displayName, Integer age) {}",
                "    @Table(\"orders\") record Order(@Id long id, long userId, BigDecimal total, OffsetDateTime placedAt) {}",
                "    record Customer(long id, String email, @Relation(parentColumn = \"id\", childColumn = \"user_id\") List<Order> orders) {}",
                "    record Count(String email, long orders) {}"));
        for (int i = 0; i < methods; i++) {
            lines.addAll(Arrays.asList(String.format(TEMPLATES[i % TEMPLATES.length], i, i).split("\n")));
        }
        lines.add("}");
        return VerifyCompiler.source("Many", lines.toArray(String[]::new));
    }

    static long time(List<String> options, VerifyCompiler.Source s) {
        long t0 = System.nanoTime();
        Compilation c = VerifyCompiler.compile(options, s);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (c.status() != Compilation.Status.SUCCESS || !c.warnings().isEmpty()) {
            c.diagnostics().forEach(d -> System.out.println(d.getKind() + " " + d.getMessage(null)));
            throw new AssertionError("compilation " + c.status());
        }
        return ms;
    }

    @Test
    void cost() throws Exception {
        VerifyCompiler.Source s = source(200);
        TestDatabase db = PostgresServer.shared().createDatabase("cost");
        for (Path file : Migrations.ordered(List.of(VerifyCompiler.SCHEMA))) {
            db.execute(Files.readString(file));
        }
        List<String> schema = List.of("quarry.verify.schema=" + VerifyCompiler.SCHEMA);
        List<String> url = List.of("quarry.verify.url=" + db.url(), "quarry.verify.user=" + db.user(), "quarry.verify.password=" + db.password());
        for (int i = 0; i < 3; i++) { time(List.of(), s); time(schema, s); time(url, s); }  // warm up
        List<Long> none = new ArrayList<>(), withSchema = new ArrayList<>(), withUrl = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            none.add(time(List.of(), s));
            withSchema.add(time(schema, s));
            withUrl.add(time(url, s));
        }
        System.out.println("none   " + none + " median " + median(none));
        System.out.println("schema " + withSchema + " median " + median(withSchema));
        System.out.println("url    " + withUrl + " median " + median(withUrl));
        Thread.sleep(3000);
        PostgresServer.shared().dropDatabase(db);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
