package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of what a method asks for beside its SQL: {@code @Transactional}, a query
 * timeout, {@code @TopPerGroup}, an asynchronous result. A test per {@link Message} constant,
 * named after it.
 */
class MethodSettingsErrorsTest {
    private static final TestSource USER = source("User",
            "public record User(long id, String email) {}");

    @Test
    void asyncStream() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    CompletableFuture<Stream<User>> all();");
        assertOnlyError(Message.ASYNC_STREAM.format("Repo.all"), repo, repo.line("all()"), USER, repo);
    }

    @Test
    void streamTransactional() {
        TestSource repo = repository("Repo",
                "    @Transactional(isolation = Isolation.REPEATABLE_READ)",
                "    @Query(\"SELECT id, email FROM users\")",
                "    Stream<User> all();");
        assertOnlyError(Message.STREAM_TRANSACTIONAL.format("Repo.all", "java.util.stream.Stream<test.User>"),
                repo, repo.line("all()"), USER, repo);
    }

    @Test
    void transactionalOnTheTypeLeavesStreamsToTheirOwnTransaction() throws IOException {
        TestSource repo = source("Repo",
                "@Repository",
                "@Transactional(readOnly = true)",
                "public interface Repo {",
                "    @Query(\"SELECT id, email FROM users\")",
                "    Stream<User> all();",
                "",
                "    @Query(\"SELECT id, email FROM users\")",
                "    List<User> list();",
                "}");
        Compilation compilation = Compilations.compile(USER, repo);
        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("test.Repo_Impl").orElseThrow()
                .getCharContent(true).toString();
        // list() runs in a read-only transaction; all() is not wrapped in one that would end before it is read
        assertEquals(1, generated.split("_core\\.transaction\\(", -1).length - 1, generated);
    }

    @Test
    void transactionalRetries() {
        TestSource repo = repository("Repo",
                "    @Transactional(retries = -1)",
                "    @Query(\"UPDATE users SET email = lower(email)\")",
                "    int normalize();");
        assertOnlyError(Message.TRANSACTIONAL_RETRIES.format("Repo.normalize", -1), repo, repo.line("normalize()"),
                repo);
    }

    @Test
    void transactionalNotOverridable() {
        TestSource store = source("Store",
                "@Repository",
                "public abstract class Store {",
                "    @Query(\"UPDATE users SET email = lower(email)\")",
                "    abstract int normalize();",
                "",
                "    @Transactional",
                "    public final int normalizeTwice() {",
                "        return normalize() + normalize();",
                "    }",
                "}");
        assertOnlyError(Message.TRANSACTIONAL_NOT_OVERRIDABLE.format("Store.normalizeTwice"),
                store, store.line("normalizeTwice()"), store);
    }

    @Test
    void queryTimeoutNegative() {
        TestSource repo = repository("Repo",
                "    @Query(value = \"SELECT id, email FROM users\",",
                "            timeout = -1)",
                "    List<User> all();");
        assertOnlyError(Message.QUERY_TIMEOUT_NEGATIVE.format("Repo.all", -1), repo, repo.line("timeout = -1"),
                USER, repo);
    }

    @Test
    void sqlOffsetsUnderTopPerGroupCountInTheSqlAsWritten() {
        // the wrapping query is the processor's; an offset into it points the user at nothing they wrote
        String sql = "SELECT id, email FROM users WHERE email = ?";
        TestSource repo = repository("Repo",
                "    @Query(\"" + sql + "\")",
                "    @TopPerGroup(partitionBy = \"tenant_id\", orderBy = \"id\", limit = \"3\")",
                "    List<User> best();");
        assertOnlyError(Message.SQL_POSITIONAL_PARAMETER.format("Repo.best", sql.indexOf('?')),
                repo, repo.line("@Query"), USER, repo);
    }

    @Test
    void topPerGroupLimit() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email, tenant_id, score FROM users\")",
                "    @TopPerGroup(partitionBy = \"tenant_id\", orderBy = \"score DESC\", limit = \"ten\")",
                "    List<User> best();");
        assertOnlyError(Message.TOP_PER_GROUP_LIMIT.format("Repo.best", "ten"), repo, repo.line("@TopPerGroup"),
                USER, repo);
    }

    @Test
    void treeMaxDepth() {
        TestSource node = source("Node", "public record Node(long id, Long parentId, int depth) {}");
        TestSource repo = repository("Repo",
                "    @Tree(table = \"nodes\", id = \"id\", parent = \"parent_id\", start = \"id = :root\", maxDepth = 0)",
                "    List<Node> walk(long root);");
        assertOnlyError(Message.TREE_MAX_DEPTH.format("Repo.walk", 0), repo, repo.line("maxDepth = 0"), node, repo);
    }

    @Test
    void treeUnknownColumn() {
        TestSource node = source("Node", "public record Node(long id, String name, int depth) {}");
        TestSource repo = repository("Repo",
                "    @Tree(table = \"nodes\", id = \"id\", parent = \"parent_id\", start = \"id = :root\")",
                "    List<Node> walk(long root);");
        assertOnlyError(Message.TREE_UNKNOWN_COLUMN.format("Repo.walk", "parent", "parent_id", "Node",
                        java.util.List.of("id", "name", "depth")),
                repo, repo.line("@Tree"), node, repo);
    }
}
