package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnostics of {@code PageRequest}, {@code Page} and {@code CursoredPage}. A test per {@link Message}. */
class PageErrorsTest {
    private static final String PAGE = "dev.quarry.runtime.Page";
    private static final String CURSORED = "dev.quarry.runtime.CursoredPage";
    private static final String REQUEST = "dev.quarry.runtime.PageRequest";
    private static final TestSource USER = source("User",
            "public record User(long id, String email, byte[] avatar) {}");

    @Test
    void pageWithoutRequest() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY id\")",
                "    " + PAGE + "<User> all();");
        assertOnlyError(Message.PAGE_WITHOUT_REQUEST.format("Repo.all", PAGE + "<test.User>"), repo,
                repo.line("all()"), USER, repo);
    }

    @Test
    void pageRequestTwice() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY id\")",
                "    List<User> all(" + REQUEST + " first, " + REQUEST + " second);");
        assertOnlyError(Message.PAGE_REQUEST_TWICE.format("Repo.all", "first", "second"), repo, repo.line("all("),
                USER, repo);
    }

    @Test
    void pageRequestReturn() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY id\")",
                "    Stream<User> all(" + REQUEST + " page);");
        assertOnlyError(Message.PAGE_REQUEST_RETURN.format("Repo.all", "page", "java.util.stream.Stream<test.User>"),
                repo, repo.line("all("), USER, repo);
    }

    @Test
    void pageNotSelect() {
        TestSource repo = repository("Repo",
                "    @Query(\"UPDATE users SET email = lower(email) RETURNING id, email, avatar\")",
                "    List<User> lower(" + REQUEST + " page);");
        assertOnlyError(Message.PAGE_NOT_SELECT.format("Repo.lower", "page", "UPDATE"), repo, repo.line("List<User> lower("),
                USER, repo);
    }

    @Test
    void pageOwnLimit() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY id LIMIT 10\")",
                "    " + PAGE + "<User> all(" + REQUEST + " page);");
        assertOnlyError(Message.PAGE_OWN_LIMIT.format("Repo.all", "LIMIT", "page", "LIMIT"), repo, repo.line("all("),
                USER, repo);
    }

    @Test
    void aLimitInsideASubqueryIsTheStatementsOwnBusiness() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM (SELECT * FROM users ORDER BY id LIMIT 10) u ORDER BY id\")",
                "    " + PAGE + "<User> all(" + REQUEST + " page);");
        assertThat(Compilations.compile(USER, repo)).succeededWithoutWarnings();
    }

    @Test
    void pageUnordered() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users\")",
                "    List<User> all(" + REQUEST + " page);");
        Compilation compilation = Compilations.compile(USER, repo);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.PAGE_UNORDERED.format("Repo.all"))
                .inFile(repo.file()).onLine(repo.line("all("));
    }

    @Test
    void pageBound() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users WHERE id > :page ORDER BY id\")",
                "    List<User> all(" + REQUEST + " page);");
        assertOnlyError(Message.PAGE_BOUND.format(":page", "Repo.all", "page"), repo, repo.line("@Query"), USER, repo);
    }

    @Test
    void cursorWithoutOrderBy() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users\")",
                "    " + CURSORED + "<User> feed(" + REQUEST + " page);");
        assertOnlyError(Message.CURSOR_WITHOUT_ORDER_BY.format("Repo.feed"), repo, repo.line("feed("), USER, repo);
    }

    @Test
    void cursorOrderTerm() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY lower(email), id\")",
                "    " + CURSORED + "<User> feed(" + REQUEST + " page);");
        assertOnlyError(Message.CURSOR_ORDER_TERM.format("lower(email)", "Repo.feed", "Repo.feed",
                List.of("id", "email", "avatar")), repo, repo.line("feed("), USER, repo);
    }

    @Test
    void aCursorKeyMayBeQualifiedAndDescending() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT u.id, u.email, u.avatar FROM users u ORDER BY u.email DESC, u.id ASC\")",
                "    " + CURSORED + "<User> feed(" + REQUEST + " page);");
        assertThat(Compilations.compile(USER, repo)).succeededWithoutWarnings();
    }

    @Test
    void cursorKeyType() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY avatar, id\")",
                "    " + CURSORED + "<User> feed(" + REQUEST + " page);");
        assertOnlyError(Message.CURSOR_KEY_TYPE.format("avatar", "Repo.feed", "avatar", "byte[]"), repo,
                repo.line("feed("), USER, repo);
    }

    @Test
    void cursorWithSort() {
        TestSource keys = source("Keys", "public enum Keys { EMAIL }");
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, avatar FROM users ORDER BY id\")",
                "    " + CURSORED + "<User> feed(dev.quarry.runtime.Sort<Keys> sort, " + REQUEST + " page);");
        assertOnlyError(Message.CURSOR_WITH_SORT.format("Repo.feed", "sort"), repo, repo.line("feed("), USER, keys, repo);
    }

    @Test
    void cursorRowNotRecord() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id FROM users ORDER BY id\")",
                "    " + CURSORED + "<Long> ids(" + REQUEST + " page);");
        assertOnlyError(Message.CURSOR_ROW_NOT_RECORD.format("Repo.ids", "java.lang.Long"), repo, repo.line("ids("),
                USER, repo);
    }
}
