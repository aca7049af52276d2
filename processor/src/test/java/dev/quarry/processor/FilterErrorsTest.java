package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnostics of {@code @Filter}, {@code Sort} and sorting by a parameter. A test per {@link Message}. */
class FilterErrorsTest {
    private static final TestSource USER = source("User",
            "public record User(long id, String email) {}");
    private static final TestSource KEYS = source("UserSort",
            "public enum UserSort { EMAIL, @Column(\"lower(email)\") EMAIL_CI }");

    @Test
    void filterUnknownParameter() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users WHERE id > :after\")",
                "    @Filter(\"email = :email\")",
                "    @Filter(\"status = :state\")",
                "    List<User> search(long after, String email, String status);");
        assertOnlyError(Message.FILTER_UNKNOWN_PARAMETER.format(":state", "status = :state", "Repo.search",
                List.of(":after", ":email", ":status")), repo, repo.line("search("), USER, repo);
    }

    @Test
    void aSingleFilterIsTheDiagnosticsPlace() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    @Filter(\"email = :mail\")",
                "    List<User> search(String email);");
        assertOnlyError(Message.FILTER_UNKNOWN_PARAMETER.format(":mail", "email = :mail", "Repo.search",
                List.of(":email")), repo, repo.line("@Filter"), USER, repo);
    }

    @Test
    void filterPrimitiveParameter() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    @Filter(\"id > :after\")",
                "    List<User> search(long after);");
        assertOnlyError(Message.FILTER_PRIMITIVE_PARAMETER.format("after", "Repo.search", "long", "java.lang.Long",
                "java.lang.Long"), repo, repo.line("id > :after"), USER, repo);
    }

    @Test
    void aPrimitiveTheQueryAlsoUsesMayFilter() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users WHERE id > :after\")",
                "    @Filter(\"id < :after + 100\")",
                "    List<User> search(long after);");
        Compilation compilation = Compilations.compile(USER, repo);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void filterNotSelect() {
        TestSource repo = repository("Repo",
                "    @Query(\"UPDATE users SET email = lower(email)\")",
                "    @Filter(\"id = :id\")",
                "    int normalize(Long id);");
        assertOnlyError(Message.FILTER_NOT_SELECT.format("@Filter", "Repo.normalize", "UPDATE"), repo,
                repo.line("id = :id"), repo);
    }

    @Test
    void aSortNeedsASelectToo() {
        TestSource repo = repository("Repo",
                "    @Query(\"DELETE FROM users RETURNING id, email\")",
                "    List<User> purge(dev.quarry.runtime.Sort<UserSort> sort);");
        assertOnlyError(Message.FILTER_NOT_SELECT.format("Sort parameter 'sort'", "Repo.purge", "DELETE"), repo,
                repo.line("purge("), USER, KEYS, repo);
    }

    @Test
    void filterSetOperation() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users UNION ALL SELECT id, email FROM admins\")",
                "    @Filter(\"email = :email\")",
                "    List<User> everyone(String email);");
        assertOnlyError(Message.FILTER_SET_OPERATION.format("Repo.everyone", "UNION"), repo,
                repo.line("email = :email"), USER, repo);
    }

    @Test
    void filterInvalid() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    @Filter(\"email = :email) OR (true\")",
                "    List<User> search(String email);");
        assertOnlyError(Message.FILTER_INVALID.format("email = :email) OR (true", "Repo.search",
                "its parentheses do not pair up"), repo, repo.line("OR (true"), USER, repo);
    }

    @Test
    void aFilterNamingNoParameterIsInvalid() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    @Filter(\"email <> ''\")",
                "    List<User> search();");
        assertOnlyError(Message.FILTER_INVALID.format("email <> ''", "Repo.search",
                "it names no parameter, so it would always apply; put it in the @Query"), repo, repo.line("@Filter"),
                USER, repo);
    }

    @Test
    void sortTwice() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    List<User> all(dev.quarry.runtime.Sort<UserSort> first, dev.quarry.runtime.Sort<UserSort> second);");
        assertOnlyError(Message.SORT_TWICE.format("Repo.all", "first", "second"), repo, repo.line("all("), USER, KEYS,
                repo);
    }

    @Test
    void sortNotEnum() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    List<User> all(dev.quarry.runtime.Sort<String> sort);");
        assertOnlyError(Message.SORT_NOT_ENUM.format("sort", "Repo.all", "dev.quarry.runtime.Sort<java.lang.String>"),
                repo, repo.line("all("), USER, repo);
    }

    @Test
    void sortBound() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users WHERE email = :sort\")",
                "    List<User> all(dev.quarry.runtime.Sort<UserSort> sort);");
        assertOnlyError(Message.SORT_BOUND.format(":sort", "Repo.all", "sort"), repo, repo.line("all("), USER, KEYS,
                repo);
    }

    @Test
    void orderByParameter() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users ORDER BY :column DESC, id\")",
                "    List<User> all(String column);");
        assertOnlyError(Message.ORDER_BY_PARAMETER.format(":column", "Repo.all"), repo, repo.line("all("), USER, repo);
    }

    @Test
    void aParameterInsideAnOrderByExpressionIsAValue() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users ORDER BY email = :first DESC, id LIMIT :n\")",
                "    List<User> all(String first, int n);");
        assertThat(Compilations.compile(USER, repo)).succeededWithoutWarnings();
    }
}
