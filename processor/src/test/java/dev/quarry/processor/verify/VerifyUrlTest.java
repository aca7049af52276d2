package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;
import static dev.quarry.processor.verify.VerifySources.ACCOUNTS;
import static dev.quarry.processor.verify.VerifySources.MISTAKES;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification against a running database ({@code quarry.verify.url}): the test server's database,
 * built from the same migrations the schema tests apply to a throw-away one.
 */
@PostgresTest
public class VerifyUrlTest {
    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/app";

    private static Compilation both;

    @BeforeAll
    static void migrateAndCompile(TestDatabase db) throws IOException {
        for (Path file : Migrations.ordered(List.of(VerifyCompiler.SCHEMA))) {
            db.execute(Files.readString(file));
        }
        both = compile(options(db), ACCOUNTS, MISTAKES);
    }

    private static List<String> options(TestDatabase db) {
        return List.of(VerifyOptions.URL + "=" + db.url(), VerifyOptions.USER + "=" + db.user(),
                VerifyOptions.PASSWORD + "=" + db.password());
    }

    @Test
    void findsTheMistakesAndOnlyThose() {
        assertThat(both).hadErrorCount(12);
        assertThat(both).hadWarningCount(3);
        assertThat(both.diagnostics().stream()
                .filter(d -> d.getSource() != null && d.getSource().toUri().equals(ACCOUNTS.file().toUri()))
                .toList()).isEmpty();
        assertThat(both).hadErrorContaining(Message.VERIFY_SQL_REJECTED.format("Mistakes.unknownTable",
                        " at line 1, column 16 of the SQL (near \"userz WHERE id = :id\")",
                        "relation \"userz\" does not exist"))
                .inFile(MISTAKES.file()).onLine(MISTAKES.line("SELECT id FROM userz"));
        assertThat(both).hadErrorContaining(Message.VERIFY_PARAMETER_TYPE.format("Mistakes.olderThan", ":minimum",
                "String", "int4")).inFile(MISTAKES.file()).onLine(MISTAKES.line("age > :minimum"));
        assertThat(both).hadErrorContaining(Message.VERIFY_UPSERT_NO_UNIQUE_KEY.format("Mistakes.upsertByName", "name",
                        "tags", List.of(List.of("user_id", "name"))))
                .inFile(MISTAKES.file()).onLine(MISTAKES.line("@Upsert(conflict = \"name\")"));
    }

    @Test
    void describesWithoutExecuting(TestDatabase db) {
        // Accounts holds INSERT, UPDATE, upsert and batch statements; describing them ran none. A
        // rollback would hide rows, but not a sequence: one that was never called saw no insert.
        assertThat(db.queryLong("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM orders)"
                + " + (SELECT count(*) FROM tags)")).isEqualTo(0);
        assertThat(db.queryLong("SELECT count(*) FROM pg_sequences WHERE last_value IS NOT NULL")).isEqualTo(0);
    }

    @Test
    void verifyUnavailable() {
        Source first = repository("First");

        Compilation compilation = compile(List.of(VerifyOptions.URL + "=" + UNREACHABLE), first, repository("Second"));

        assertThat(compilation).hadErrorContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.URL, UNREACHABLE,
                        "Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the "
                                + "postmaster is accepting TCP/IP connections."))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void unreachableInWarnModeIsOneWarning() {
        Source first = repository("First");

        Compilation compilation = compile(List.of(VerifyOptions.URL + "=" + UNREACHABLE, VerifyOptions.MODE + "=warn"),
                first, repository("Second"));

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.URL, UNREACHABLE,
                "Connection to 127.0.0.1:1 refused")).inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void aPasswordInTheUrlIsMaskedInTheDiagnostic() {
        Source first = repository("First");
        String secret = "Hunter2-s3cr3t";

        Compilation compilation = compile(List.of(VerifyOptions.URL + "=" + UNREACHABLE + "?user=app&password=" + secret
                + "&ssl=false", VerifyOptions.PASSWORD + "=" + secret), first);

        assertThat(compilation).hadErrorContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.URL,
                        UNREACHABLE + "?user=app&password=<masked>&ssl=false", "Connection to 127.0.0.1:1 refused"))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation.diagnostics().stream().filter(d -> d.getMessage(null).contains(secret)).toList())
                .isEmpty();
    }

    @Test
    void urlOfAnotherDatabaseIsUnavailable() {
        Source first = repository("First");
        String url = "jdbc:mysql://localhost/app";

        Compilation compilation = compile(List.of(VerifyOptions.URL + "=" + url), first);

        assertThat(compilation).hadErrorContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.URL, url,
                        "it is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)"))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadErrorCount(1);
    }

    private static Source repository(String name) {
        return source(name,
                "@Repository",
                "public interface " + name + " {",
                "    @Query(\"SELECT id FROM users\")",
                "    List<Long> ids();",
                "}");
    }
}
