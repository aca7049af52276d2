package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements a paged method runs, described by PostgreSQL (schema {@code verify-schema}): its
 * page with the limit, its count, its keyset statement; and the keys that can be NULL. Tests are
 * named after their {@link Message}.
 */
public class VerifyPagesTest {
    private static final String SCHEMA = VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA;

    static final Source PAGES = source("Pages",
            "@Repository",
            "public interface Pages {",
            "    enum Status { ACTIVE, SUSPENDED }",
            "    enum UserSort { EMAIL, CREATED_AT }",
            "    record User(long id, String email, Status status, Instant createdAt) {}",
            "    record Scored(long id, String email, java.math.BigDecimal score) {}",
            "    record Textual(long id, String status) {}",
            "",
            "    @Query(\"SELECT id, email, status, created_at FROM users WHERE age > :age ORDER BY id\")",
            "    @Filter(\"status = :status\")",
            "    @Filter(\"email ILIKE :pattern\")",
            "    dev.quarry.runtime.Page<User> page(int age, Status status, String pattern,"
                    + " dev.quarry.runtime.Sort<UserSort> sort, dev.quarry.runtime.PageRequest page);",
            "",
            "    @Query(\"SELECT id, email, status, created_at FROM users ORDER BY created_at DESC, id\")",
            "    @Filter(\"status = :status\")",
            "    dev.quarry.runtime.CursoredPage<User> feed(Status status, dev.quarry.runtime.PageRequest page);",
            "",
            "    @Query(\"SELECT id, email, score FROM users ORDER BY score, id\")",
            "    dev.quarry.runtime.CursoredPage<Scored> byScore(dev.quarry.runtime.PageRequest page);",
            "",
            "    @Query(\"SELECT id, status::text AS status FROM users ORDER BY status, id\")",
            "    dev.quarry.runtime.CursoredPage<Textual> castInside(dev.quarry.runtime.PageRequest page);",
            "",
            "    @Query(\"SELECT id, status FROM users u ORDER BY u.status, id\")",
            "    dev.quarry.runtime.CursoredPage<Textual> enumAsText(dev.quarry.runtime.PageRequest page);",
            "",
            "    @Query(\"SELECT id, email, status, created_at FROM users ORDER BY created_at DESC\")",
            "    List<User> newest(dev.quarry.runtime.PageRequest page);",
            "}");

    private static Compilation compilation;

    @BeforeAll
    static void compileOnce() {
        compilation = compile(List.of(SCHEMA), PAGES);
    }

    @Test
    void onlyTheMistakesAreFound() {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
                .filter(d -> d.getLineNumber() < PAGES.line("byScore(")).toList()).isEmpty();
    }

    @Test
    void verifyCursorKeyNullable() {
        assertThat(compilation).hadWarningContaining(Message.VERIFY_CURSOR_KEY_NULLABLE.format("Pages.byScore", "score"))
                .inFile(PAGES.file()).onLine(PAGES.line("byScore("));
    }

    @Test
    void verifyPageOrderNotUnique() {
        assertThat(compilation).hadWarningContaining(Message.VERIFY_PAGE_ORDER_NOT_UNIQUE.format("Pages.newest",
                        "created_at DESC", "users", "[[id], [email]]"))
                .inFile(PAGES.file()).onLine(PAGES.line("newest("));
    }

    @Test
    void verifyPageRejected() {
        // the enum column compared with the text the cursor binds: PostgreSQL has no such operator
        assertThat(compilation).hadErrorContaining(Message.VERIFY_PAGE_REJECTED.format("Pages.enumAsText",
                "keyset statement (the page after a cursor)", "", "").substring(0, 70))
                .inFile(PAGES.file()).onLine(PAGES.line("enumAsText("));
        assertThat(compilation).hadErrorContaining("SELECT * FROM (SELECT id, status FROM users u) _k WHERE (status, id) > (?, ?)");
    }
}
