package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One compilation per diagnostic of the repository and {@code @Query} checks: the exact text,
 * built from the catalog so the test follows a rewording, and the line, which tells whether it
 * points at the type, the method, the parameter or the annotation value. Each test is named after
 * its {@link Message} constant ({@link MessageCoverageTest} holds every constant to that).
 */
class ProcessorErrorsTest {
    private static final TestSource USER = source("User",
            "public record User(long id, String email, String displayName) {}");

    @Test
    void repositoryNotAbstract() {
        TestSource source = source("Concrete",
                "@Repository",
                "public class Concrete {",
                "}");
        assertOnlyError(Message.REPOSITORY_NOT_ABSTRACT.format(), source, source.line("class Concrete"), source);
    }

    @Test
    void recordIsNotARepositoryEither() {
        TestSource source = source("Row",
                "@Repository",
                "public record Row(long id) {",
                "}");
        assertOnlyError(Message.REPOSITORY_NOT_ABSTRACT.format(), source, source.line("record Row"), source);
    }

    @Test
    void repositoryPrivate() {
        TestSource source = source("Outer",
                "public class Outer {",
                "    @Repository",
                "    private interface Hidden {",
                "        @Query(\"SELECT 1\")",
                "        int one();",
                "    }",
                "}");
        assertOnlyError(Message.REPOSITORY_PRIVATE.format("Outer.Hidden"), source, source.line("interface Hidden"),
                source);
    }

    @Test
    void repositoryInnerClass() {
        TestSource source = source("Outer",
                "public class Outer {",
                "    @Repository",
                "    public abstract class Inner {",
                "        @Query(\"SELECT 1\")",
                "        public abstract int one();",
                "    }",
                "}");
        assertOnlyError(Message.REPOSITORY_INNER_CLASS.format("Outer.Inner"), source, source.line("class Inner"),
                source);
    }

    @Test
    void repositoryGeneric() {
        TestSource source = source("Generic",
                "@Repository",
                "public interface Generic<T> {",
                "    @Query(\"SELECT 1\")",
                "    int one();",
                "}");
        assertOnlyError(Message.REPOSITORY_GENERIC.format("Generic"), source, source.line("interface Generic"), source);
    }

    @Test
    void repositoryNoConstructor() {
        TestSource source = source("Store",
                "@Repository",
                "public abstract class Store {",
                "    private Store() {}",
                "",
                "    Store(String name) {}",
                "",
                "    private Store(dev.quarry.runtime.Database db) {}",
                "",
                "    Store(dev.quarry.runtime.Database db, String name) {}",
                "",
                "    @Query(\"SELECT 1\")",
                "    public abstract int one();",
                "}");
        assertOnlyError(Message.REPOSITORY_NO_CONSTRUCTOR.format("Store"), source, source.line("class Store"), source);
    }

    @Test
    void repositoryConstructorTakingTheDatabaseIsCalledWithTheImplementationsOwn() {
        // with both shapes the Database one wins: it is the one through which the class reaches other repositories
        TestSource source = source("Store",
                "@Repository",
                "public abstract class Store {",
                "    protected Store() {}",
                "",
                "    Store(dev.quarry.runtime.Database db) {}",
                "",
                "    @Query(\"SELECT 1\")",
                "    public abstract int one();",
                "}");
        Compilation compilation = Compilations.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Store_Impl")
                .contentsAsUtf8String().contains("super(db);");
    }

    @Test
    void methodWithoutQuery() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT count(*) FROM users\")",
                "    long count();",
                "",
                "    long countActive();");
        assertOnlyError(Message.METHOD_WITHOUT_QUERY.format("Repo.countActive"), source, source.line("countActive"),
                source);
    }

    @Test
    void inheritedMethodWithoutQueryIsReportedOnTheRepository() {
        // the inherited method has no line in the repository's file; the repository itself is what to fix
        TestSource parent = source("Counting",
                "public interface Counting {",
                "    long count();",
                "}");
        TestSource source = source("Repo",
                "@Repository",
                "public interface Repo extends Counting {",
                "}");
        assertOnlyError(Message.METHOD_WITHOUT_QUERY.format("Repo.count"), source, source.line("interface Repo"),
                parent, source);
    }

    @Test
    void methodGeneric() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id FROM users WHERE email = :email\")",
                "    <T> long idOf(String email);");
        assertOnlyError(Message.METHOD_GENERIC.format("Repo.idOf"), source, source.line("idOf"), source);
    }

    @Test
    void sqlEmpty() {
        TestSource source = repository("Repo",
                "    @Query(\" -- TODO \")",
                "    void nothing();");
        assertOnlyError(Message.SQL_EMPTY.format("Repo.nothing"), source, source.line("@Query"), source);
    }

    @Test
    void sqlMultipleStatements() {
        String sql = "DELETE FROM orders WHERE user_id = :id; DELETE FROM users WHERE id = :id";
        TestSource source = repository("Repo",
                "    @Query(\"" + sql + "\")",
                "    void purge(long id);");
        assertOnlyError(Message.SQL_MULTIPLE_STATEMENTS.format("Repo.purge", sql.indexOf(';')),
                source, source.line("@Query"), source);
    }

    @Test
    void sqlPositionalParameter() {
        String sql = "SELECT email FROM users WHERE id = ?";
        TestSource source = repository("Repo",
                "    @Query(\"" + sql + "\")",
                "    List<String> emails();");
        assertOnlyError(Message.SQL_POSITIONAL_PARAMETER.format("Repo.emails", sql.indexOf('?')),
                source, source.line("@Query"), source);
    }

    @Test
    void sqlUnknownStatement() {
        TestSource source = repository("Repo",
                "    @Query(\"SELEC id FROM books\")",
                "    List<Long> ids();");
        assertOnlyError(Message.SQL_UNKNOWN_STATEMENT.format("Repo.ids", "SELEC", 0,
                        "SELECT, INSERT, UPDATE, DELETE, MERGE, WITH, VALUES, TABLE, or a PostgreSQL command: ABORT, "
                                + "ALTER, ANALYZE, BEGIN, CALL, CHECKPOINT, CLOSE, CLUSTER, COMMENT, COMMIT, COPY, CREATE, "
                                + "DEALLOCATE, DECLARE, DISCARD, DO, DROP, END, EXECUTE, EXPLAIN, FETCH, GRANT, IMPORT, "
                                + "LISTEN, LOAD, LOCK, MOVE, NOTIFY, PREPARE, REASSIGN, REFRESH, REINDEX, RELEASE, RESET, "
                                + "REVOKE, ROLLBACK, SAVEPOINT, SECURITY, SET, SHOW, START, TRUNCATE, UNLISTEN, VACUUM"),
                source, source.line("@Query"), source);
    }

    @Test
    void sqlUnknownStatementAfterParenthesisAndInBatch() {
        TestSource source = repository("Repo",
                "    @Query(\"(SELECT id FROM books) UNION (SELECT id FROM films)\")",
                "    List<Long> ids();",
                "",
                "    @Batch",
                "    @Query(\"  UPDTE books SET title = :title WHERE id = :id\")",
                "    void retitle(List<Book> books);");
        TestSource book = source("Book", "public record Book(long id, String title) {}");
        assertOnlyError(Message.SQL_UNKNOWN_STATEMENT.format("Repo.retitle", "UPDTE", 2,
                        dev.quarry.processor.sql.SqlParser.FIRST_KEYWORDS_TEXT),
                source, source.line("UPDTE"), book, source);
    }

    @Test
    void rowsDiscarded() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id FROM books WHERE title = :title\")",
                "    void find(String title);");
        assertOnlyError(Message.ROWS_DISCARDED.format("Repo.find", "void", "SELECT"),
                source, source.line("void find"), source);
        TestSource values = repository("Repo",
                "    @Query(\"WITH t AS (SELECT 1 AS n) SELECT n FROM t\")",
                "    CompletableFuture<Void> numbers();");
        assertOnlyError(Message.ROWS_DISCARDED.format("Repo.numbers", "java.lang.Void", "SELECT"),
                values, values.line("numbers()"), values);
    }

    @Test
    void voidStatementsRunForTheirEffectCompile() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT pg_notify(:channel, :payload)\")",
                "    void notify(String channel, String payload);",
                "",
                "    @Query(\"SELECT id FROM books WHERE id = :id FOR UPDATE\")",
                "    void lock(long id);",
                "",
                "    @Query(\"DELETE FROM books WHERE id = :id RETURNING id\")",
                "    void delete(long id);",
                "",
                "    @Query(\"WITH gone AS (DELETE FROM books WHERE id = :id RETURNING id) SELECT count(*) FROM gone\")",
                "    void deleteCounted(long id);");
        assertThat(Compilations.compile(source)).succeededWithoutWarnings();
    }

    @Test
    void unknownParameter() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :id AND tenant_id = :tenant\")",
                "    Optional<String> email(long id, @Bind(\"tenantId\") long tenant);");
        assertOnlyError(Message.UNKNOWN_PARAMETER.format(":tenant", "Repo.email", List.of(":id", ":tenantId")),
                source, source.line("@Query"), source);
    }

    @Test
    void unknownComponent() {
        TestSource source = repository("Repo",
                "    @Query(\"UPDATE users SET email = :user.mail WHERE id = :user.id\")",
                "    int update(User user);");
        assertOnlyError(Message.UNKNOWN_COMPONENT.format(":user.mail", "Repo.update", "User", "mail",
                        List.of("id", "email", "displayName")),
                source, source.line("@Query"), USER, source);
    }

    @Test
    void componentOfNonRecord() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :id.value\")",
                "    String email(long id);");
        assertOnlyError(Message.COMPONENT_OF_NON_RECORD.format(":id.value", "Repo.email", "id", "long"),
                source, source.line("@Query"), source);
    }

    @Test
    void recordBoundWhole() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT count(*) FROM users WHERE email = :user\")",
                "    long count(User user);");
        assertOnlyError(Message.RECORD_BOUND_WHOLE.format(":user", "Repo.count", "user", "user", "id"),
                source, source.line("@Query"), USER, source);
    }

    @Test
    void unusedParameter() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :id\")",
                "    String email(long id,",
                "                 String tenant);");
        assertOnlyError(Message.UNUSED_PARAMETER.format("tenant", "Repo.email", "tenant"),
                source, source.line("String tenant"), source);
    }

    @Test
    void unusedParameterNamesItsBindName() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :id\")",
                "    String email(long id,",
                "                 @Bind(\"tenantId\") String tenant);");
        assertOnlyError(Message.UNUSED_PARAMETER.format("tenant", "Repo.email", "tenantId"),
                source, source.line("String tenant"), source);
    }

    @Test
    void duplicateBindName() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :id\")",
                "    String email(long id,",
                "                 @Bind(\"id\") long other);");
        assertOnlyError(Message.DUPLICATE_BIND_NAME.format("Repo.email", "id"), source, source.line("long other"),
                source);
    }

    @Test
    void unsupportedParameterType() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id FROM users WHERE email = :email\")",
                "    List<Long> ids(",
                "            Map<String, String> email);");
        assertOnlyError(
                Message.UNSUPPORTED_PARAMETER_TYPE.format("email", "Repo.ids",
                        "java.util.Map<java.lang.String,java.lang.String>"),
                source, source.line("Map<String, String> email"), source);
    }

    @Test
    void unsupportedReturnType() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, email FROM users\")",
                "    Map<Long, String> emails();");
        assertOnlyError(
                Message.UNSUPPORTED_RETURN_TYPE.format("Repo.emails", "java.util.Map<java.lang.Long,java.lang.String>"),
                source, source.line("emails()"), source);
    }

    @Test
    void unsupportedComponentType() {
        TestSource tagged = source("Tagged",
                "public record Tagged(long id, Map<String, String> tags) {}");
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, tags FROM posts\")",
                "    List<Tagged> all();");
        assertOnlyError(Message.UNSUPPORTED_COMPONENT_TYPE.format("tags", "Tagged",
                        "java.util.Map<java.lang.String,java.lang.String>", ""),
                source, source.line("all()"), tagged, source);
    }

    @Test
    void unsupportedComponentTypeOfAnArraySaysWhichListReadsIt() {
        TestSource tagged = source("Tagged",
                "public record Tagged(long id, String[] tags, int[] scores) {}");
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, tags, scores FROM posts\")",
                "    List<Tagged> all();");
        Compilation compilation = Compilations.compile(tagged, source);
        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_COMPONENT_TYPE.format("tags", "Tagged",
                        "java.lang.String[]", "; an array column reads into a List: declare it List<String>"))
                .inFile(source.file()).onLine(source.line("all()"));
        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_COMPONENT_TYPE.format("scores", "Tagged",
                        "int[]", "; an array column reads into a List: declare it List<Integer>"))
                .inFile(source.file()).onLine(source.line("all()"));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void unsupportedComponentTypeOfAParameterRecordIsReportedOnTheParameter() {
        TestSource tagged = source("Tagged",
                "public record Tagged(long id, Object tags) {}");
        TestSource source = repository("Repo",
                "    @Query(\"UPDATE posts SET tags = :post.tags WHERE id = :post.id\")",
                "    int update(",
                "            Tagged post);");
        assertOnlyError(Message.UNSUPPORTED_COMPONENT_TYPE.format("tags", "Tagged", "java.lang.Object", ""),
                source, source.line("Tagged post"), tagged, source);
    }

    @Test
    void noRowsReturned() {
        TestSource source = repository("Repo",
                "    @Query(\"UPDATE users SET email = :email WHERE id = :id\")",
                "    Optional<User> update(long id, String email);");
        assertOnlyError(Message.NO_ROWS_RETURNED.format("Repo.update", "java.util.Optional<test.User>", "UPDATE"),
                source, source.line("update("), USER, source);
    }

    @Test
    void missingResultColumn() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, email, name FROM users\")",
                "    List<User> all();");
        assertOnlyError(Message.MISSING_RESULT_COLUMN.format("displayName", "User", "display_name", "SELECT",
                        List.of("id", "email", "name"), "; the SELECT list has name, which matches no component",
                        "display_name"),
                source, source.line("all()"), USER, source);
    }

    @Test
    void missingResultColumnNamesTheMisspeltColumn() {
        TestSource book = source("Book", "public record Book(long id, String title) {}");
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, titel FROM books\")",
                "    List<Book> books();");
        assertOnlyError(Message.MISSING_RESULT_COLUMN.format("title", "Book", "title", "SELECT",
                        List.of("id", "titel"), "; the SELECT list has titel, which matches no component", "title"),
                source, source.line("books()"), book, source);
    }

    @Test
    void missingReturningColumnHonoursColumnAnnotation() {
        TestSource renamed = source("Renamed",
                "public record Renamed(long id, @Column(\"mail\") String email) {}");
        TestSource source = repository("Repo",
                "    @Query(\"UPDATE users SET email = lower(email) WHERE id = :id RETURNING id, email\")",
                "    Renamed normalize(long id);");
        assertOnlyError(Message.MISSING_RESULT_COLUMN.format("email", "Renamed", "mail", "RETURNING",
                        List.of("id", "email"), "; the RETURNING list has email, which matches no component", "mail"),
                source, source.line("normalize("), renamed, source);
    }

    @Test
    void streamWithoutRows() {
        TestSource source = repository("Repo",
                "    @Query(\"UPDATE users SET email = lower(email)\")",
                "    Stream<User> normalize();");
        assertOnlyError(
                Message.STREAM_WITHOUT_ROWS.format("Repo.normalize", "java.util.stream.Stream<test.User>", "UPDATE"),
                source, source.line("normalize("), USER, source);
    }

    @Test
    void fetchSizeInvalid() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, email, display_name FROM users\")",
                "    @FetchSize(",
                "            0)",
                "    Stream<User> all();");
        assertOnlyError(Message.FETCH_SIZE_INVALID.format("Repo.all", 0), source, source.line("0)"), USER, source);
    }

    @Test
    void fetchSizeWithoutStream() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id, email, display_name FROM users\")",
                "    @FetchSize(500)",
                "    List<User> all();");
        assertOnlyError(Message.FETCH_SIZE_WITHOUT_STREAM.format("Repo.all", "Repo.all", "java.util.List<test.User>"),
                source, source.line("@FetchSize"), USER, source);
    }

    @Test
    void unresolvedType() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT id FROM users\")",
                "    List<Missing> all();");
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = Compilations.compile(processor, source);

        // javac reports the missing symbol too; Quarry's own error must still be there, on the repository
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(Message.UNRESOLVED_TYPE.format("test.Repo", "Missing"))
                .inFile(source.file()).onLine(source.line("interface Repo"));
        assertThat(processor.createdSources()).isEmpty();
    }

    @Test
    void everyMistakeOfTheParseStageIsReported() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :userId\")",
                "    String email(long id);",
                "",
                "    @Query(\"SELECT id FROM users WHERE email = :email\")",
                "    Map<Long, String> byEmail(String email);",
                "",
                "    @Query(\"DELETE FROM users WHERE id = ?\")",
                "    void delete();");
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = Compilations.compile(processor, source);

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_PARAMETER.format(":userId", "Repo.email",
                List.of(":id"))).inFile(source.file()).onLine(source.line(":userId"));
        assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_RETURN_TYPE.format("Repo.byEmail",
                "java.util.Map<java.lang.Long,java.lang.String>")).inFile(source.file()).onLine(source.line("byEmail("));
        assertThat(compilation).hadErrorContaining(Message.SQL_POSITIONAL_PARAMETER.format("Repo.delete",
                "DELETE FROM users WHERE id = ?".indexOf('?'))).inFile(source.file()).onLine(source.line("id = ?"));
        assertThat(compilation).hadErrorCount(3);
        assertThat(processor.createdSources()).isEmpty();
    }

    @Test
    void mistakesFoundByValidationAreReportedBesideParseMistakes() {
        TestSource source = repository("Repo",
                "    @Query(\"SELECT email FROM users WHERE id = :userId\")",
                "    String email(long id);",
                "",
                "    @Query(\"SELECT id, email FROM users\")",
                "    List<User> all();",
                "",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    void delete(long id, String reason);");
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = Compilations.compile(processor, USER, source);

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_PARAMETER.format(":userId", "Repo.email",
                List.of(":id"))).inFile(source.file()).onLine(source.line(":userId"));
        assertThat(compilation).hadErrorContaining(Message.MISSING_RESULT_COLUMN.format("displayName", "User",
                "display_name", "SELECT", List.of("id", "email"), "", "display_name"))
                .inFile(source.file()).onLine(source.line("all()"));
        assertThat(compilation).hadErrorContaining(Message.UNUSED_PARAMETER.format("reason", "Repo.delete", "reason"))
                .inFile(source.file()).onLine(source.line("delete("));
        assertThat(compilation).hadErrorCount(3);
        assertThat(processor.createdSources()).isEmpty();
    }

    @Test
    void aBrokenRepositoryDoesNotStopTheOthers() {
        TestSource broken = repository("Broken",
                "    @Query(\"SELECT email FROM users WHERE id = :userId\")",
                "    String email(long id);");
        TestSource fine = repository("Fine",
                "    @Query(\"SELECT email FROM users WHERE id = :id\")",
                "    String email(long id);");
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = Compilations.compile(processor, broken, fine);

        assertThat(compilation).hadErrorCount(1);
        assertThat(processor.createdSources()).containsExactly("test.Fine_Impl");
    }
}
