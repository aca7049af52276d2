package dev.quarry.it.observability;

import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.NoResultException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Run by {@link WithoutMicrometerTest} in a JVM whose class path has no Micrometer: every kind of
 * call works, with and without a slow-statement threshold, and code calling Database compiles.
 * Prints {@code OK} at the end; any failure is a stack trace and exit status 1.
 */
public final class WithoutMicrometer {
    private WithoutMicrometer() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args.length > 2 ? args[2] : "";
        check(!present("io.micrometer.observation.ObservationRegistry"), "Micrometer is on the class path");
        try (Database plain = Database.builder().url(url).user(user).password(password).build();
             Database slow = Database.builder().url(url).user(user).password(password)
                     .slowQueryThreshold(Duration.ofSeconds(10)).build()) {
            calls(plain);
            calls(slow);
        }
        compiles();
        System.out.println("OK");
    }

    private static void calls(Database db) throws Exception {
        Watched repo = db.repository(Watched.class);
        db.dataSource().getConnection().close();
        try (var connection = db.dataSource().getConnection(); var stmt = connection.createStatement()) {
            stmt.execute("TRUNCATE watched");
        }
        check(repo.addAll(List.of(new Entry(1, "a"), new Entry(2, "b"))) == 2, "addAll");
        check(repo.label(1).equals(Optional.of("a")), "label");
        try {
            repo.labelOf(3);
            check(false, "labelOf(3) returned");
        } catch (NoResultException expected) {
            // the failure reaches the caller unchanged
        }
        try (Stream<Entry> entries = repo.all()) {
            check(entries.findFirst().orElseThrow().label().equals("a"), "stream");
        }
        check(repo.labelAsync(2).get().equals(Optional.of("b")), "async");
        AtomicInteger attempt = new AtomicInteger();
        int third = db.transaction(Isolation.SERIALIZABLE, 3, () -> repo.conflictUntilThird(attempt.incrementAndGet()));
        check(third == 3, "retried transaction");
    }

    /** Code that calls Database.of and the builder, but nothing of Micrometer's, compiles without Micrometer. */
    private static void compiles() throws Exception {
        Path dir = Files.createTempDirectory("without-micrometer");
        Path source = dir.resolve("Uses.java");
        Files.writeString(source, """
                import dev.quarry.runtime.Database;
                import dev.quarry.runtime.ExternalTransactions;
                import java.time.Duration;
                import javax.sql.DataSource;
                class Uses {
                    Database plain(DataSource ds) { return Database.of(ds); }
                    Database framework(DataSource ds, ExternalTransactions tx) { return Database.of(ds, tx); }
                    Database built() {
                        return Database.builder().url("jdbc:postgresql://h/d").slowQueryThreshold(Duration.ofSeconds(1)).build();
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        check(status == 0, "code calling Database did not compile without Micrometer");
        check(Files.exists(dir.resolve("Uses.class")), "no class file");
        for (File f : dir.toFile().listFiles()) {
            f.delete();
        }
        dir.toFile().delete();
    }

    private static boolean present(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
