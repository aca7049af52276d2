package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every variant of a filtered, sorted method described by PostgreSQL (schema {@code verify-schema}):
 * the statement without filters, each filter, all of them, and the ORDER BY of every sort key. One
 * compilation holds a correct method and one mistake per method; tests are named after their {@link Message}.
 */
public class VerifyFiltersTest {
    private static final String SCHEMA = VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA;

    static final Source SEARCH = source("Search",
            "@Repository",
            "public interface Search {",
            "    enum Status { ACTIVE, SUSPENDED }",
            "    enum UserSort { EMAIL, CREATED_AT, @Column(\"lower(display_name)\") NAME }",
            "    enum WrongSort { EMAIL, @Column(\"nickname\") NICK }",
            "    record User(long id, String email, Status status) {}",
            "",
            "    @Query(\"SELECT id, email, status FROM users WHERE age > :age ORDER BY id\")",
            "    @Filter(\"status = :status\")",
            "    @Filter(\"created_at >= :since\")",
            "    @Filter(\"email ILIKE :pattern\")",
            "    List<User> good(int age, Status status, Optional<Instant> since, String pattern, dev.quarry.runtime.Sort<UserSort> sort);",
            "",
            "    @Query(\"SELECT id, email, status FROM users ORDER BY id\")",
            "    @Filter(\"emial = :email\")",
            "    List<User> wrongColumn(String email);",
            "",
            "    @Query(\"SELECT id, email, status FROM users LIMIT 10\")",
            "    List<User> wrongKey(dev.quarry.runtime.Sort<WrongSort> sort);",
            "}");

    private static Compilation compilation;

    @BeforeAll
    static void compileOnce() {
        compilation = compile(List.of(SCHEMA), SEARCH);
    }

    @Test
    void onlyTheMistakesAreFound() {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation.diagnostics().stream()
                .filter(d -> d.getLineNumber() <= SEARCH.line("List<User> good(")).toList()).isEmpty();
    }

    @Test
    void verifyFilterRejected() {
        assertThat(compilation).hadErrorContaining(Message.VERIFY_FILTER_REJECTED.format("Search.wrongColumn",
                        "emial = :email", "column \"emial\" does not exist",
                        "SELECT id, email, status FROM users WHERE (emial = ?) ORDER BY id").substring(0, 60))
                .inFile(SEARCH.file()).onLine(SEARCH.line("emial = :email"));
        assertThat(compilation).hadErrorContaining("column \"emial\" does not exist");
    }

    @Test
    void verifySortKeyRejected() {
        assertThat(compilation).hadErrorContaining(Message.VERIFY_SORT_KEY_REJECTED.format("Search.wrongKey",
                        "test.Search.WrongSort.NICK", "nickname", "column \"nickname\" does not exist",
                        "SELECT id, email, status FROM users ORDER BY nickname LIMIT 10"))
                .inFile(SEARCH.file()).onLine(SEARCH.line("wrongKey("));
    }
}
