package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of {@code @Insert}, {@code @Upsert} and {@code @Batch} methods: a test per
 * {@link Message} constant, named after it, asserting the text and the line (the method, its
 * parameter, the annotation, or the annotation value the message is about).
 */
class BulkErrorsTest {
    private static final TestSource USER = source("User",
            "@Table(\"users\")",
            "public record User(@Id long id, String email, Instant createdAt) {}");

    /** Columns of {@link #USER}, as the messages list them. */
    private static final List<String> USER_COLUMNS = List.of("id", "email", "created_at");

    @Test
    void validBulkMethodsCompile() {
        // the baseline the cases below each break in one place
        assertThat(Compilations.compile(USER, repository("Repo",
                "    @Insert",
                "    void insert(List<User> users);",
                "    @Upsert(conflict = \"email\")",
                "    long upsert(List<User> users);",
                "    @Batch",
                "    @Query(\"UPDATE users SET email = :email WHERE id = :id\")",
                "    int rename(List<User> users);")))
                .succeededWithoutWarnings();
    }

    @Test
    void bulkConflictingAnnotations() {
        TestSource repo = repository("Repo",
                "    @Insert",
                "    @Query(\"INSERT INTO users (email) VALUES (:email)\")",
                "    void insert(List<User> users);");
        assertOnlyError(Message.BULK_CONFLICTING_ANNOTATIONS.format("Repo.insert", "Insert", "Query"),
                repo, repo.line("void insert("), USER, repo);
    }

    @Test
    void bulkGeneric() {
        TestSource repo = repository("Repo",
                "    @Insert",
                "    <T> void insert(List<User> users);");
        assertOnlyError(Message.BULK_GENERIC.format("Repo.insert"), repo, repo.line("void insert("), USER, repo);
    }

    @Test
    void bulkUnsupportedInput() {
        TestSource repo = repository("Repo",
                "    @Insert",
                "    void insert(",
                "            Map<Long, User> users);");
        assertOnlyError(Message.BULK_UNSUPPORTED_INPUT.format("Repo.insert", "java.util.Map<java.lang.Long,test.User>",
                        "Insert", "a @Table record", ", or one such record"),
                repo, repo.line("Map<Long, User> users"), USER, repo);
    }

    @Test
    void bulkUnsupportedInputCountsParametersOnTheMethod() {
        TestSource repo = repository("Repo",
                "    @Insert",
                "    void insert(List<User> users, boolean dryRun);");
        assertOnlyError(Message.BULK_UNSUPPORTED_INPUT.format("Repo.insert", "2 parameters", "Insert", "a @Table record",
                        ", or one such record"),
                repo, repo.line("void insert("), USER, repo);
    }

    @Test
    void bulkNotTableRecord() {
        TestSource plain = source("Plain",
                "public record Plain(long id, String email) {}");
        TestSource repo = repository("Repo",
                "    @Insert",
                "    void insert(",
                "            List<Plain> rows);");
        assertOnlyError(Message.BULK_NOT_TABLE_RECORD.format("Repo.insert", "test.Plain", "Insert"),
                repo, repo.line("List<Plain> rows"), plain, repo);
    }

    @Test
    void bulkNoColumns() {
        TestSource empty = source("Empty",
                "@Table(\"empty\")",
                "public record Empty() {}");
        TestSource repo = repository("Repo",
                "    @Insert",
                "    void insert(",
                "            List<Empty> rows);");
        assertOnlyError(Message.BULK_NO_COLUMNS.format("Repo.insert", "Empty"),
                repo, repo.line("List<Empty> rows"), empty, repo);
    }

    @Test
    void bulkUnsupportedReturn() {
        TestSource repo = repository("Repo",
                "    @Insert",
                "    String insert(List<User> users);");
        assertOnlyError(Message.BULK_UNSUPPORTED_RETURN.format("Repo.insert", "java.lang.String", "Insert", "written",
                        ", or with returning a List of the returned rows"),
                repo, repo.line("String insert("), USER, repo);
    }

    @Test
    void bulkChunkSizeInvalid() {
        TestSource repo = repository("Repo",
                "    @Insert(strategy = InsertStrategy.UNNEST,",
                "            chunkSize = 0)",
                "    void insert(List<User> users);");
        assertOnlyError(Message.BULK_CHUNK_SIZE_INVALID.format("Insert", "Repo.insert", 0),
                repo, repo.line("chunkSize = 0"), USER, repo);
    }

    @Test
    void bulkUnknownColumn() {
        TestSource repo = repository("Repo",
                "    @Upsert(",
                "            conflict = \"mail\")",
                "    void upsert(List<User> users);");
        assertOnlyError(Message.BULK_UNKNOWN_COLUMN.format("Upsert", "Repo.upsert", "conflict", "mail", "User",
                        USER_COLUMNS),
                repo, repo.line("conflict = \"mail\""), USER, repo);
    }

    @Test
    void bulkReturningStrategy() {
        TestSource repo = repository("Repo",
                "    @Insert(returning = \"id\",",
                "            strategy = InsertStrategy.COPY)",
                "    List<Long> insert(List<User> users);");
        assertOnlyError(Message.BULK_RETURNING_STRATEGY.format("Repo.insert", "COPY"),
                repo, repo.line("InsertStrategy.COPY"), USER, repo);
    }

    @Test
    void bulkReturningNeedsList() {
        TestSource repo = repository("Repo",
                "    @Insert(returning = \"id\")",
                "    long insert(List<User> users);");
        assertOnlyError(Message.BULK_RETURNING_NEEDS_LIST.format("Repo.insert", List.of("id"), "long"),
                repo, repo.line("long insert("), USER, repo);
    }

    @Test
    void bulkReturningShape() {
        TestSource repo = repository("Repo",
                "    @Insert(returning = {\"id\", \"email\"})",
                "    List<Long> insert(List<User> users);");
        assertOnlyError(Message.BULK_RETURNING_SHAPE.format("Repo.insert", "java.util.List<java.lang.Long>",
                        List.of("id", "email"), "names 2 columns, and a List of a scalar holds one"),
                repo, repo.line("List<Long> insert("), USER, repo);
    }

    @Test
    void upsertNoConflict() {
        TestSource repo = repository("Repo",
                "    @Upsert(conflict = {})",
                "    void upsert(List<User> users);");
        assertOnlyError(Message.UPSERT_NO_CONFLICT.format("Repo.upsert"), repo, repo.line("@Upsert"), USER, repo);
    }

    @Test
    void upsertDoNothingWithUpdate() {
        TestSource repo = repository("Repo",
                "    @Upsert(conflict = \"id\", update = \"email\",",
                "            doNothing = true)",
                "    void upsert(List<User> users);");
        assertOnlyError(Message.UPSERT_DO_NOTHING_WITH_UPDATE.format("Repo.upsert", "update = [email]"),
                repo, repo.line("doNothing = true"), USER, repo);
    }

    @Test
    void upsertColumnTwice() {
        TestSource repo = repository("Repo",
                "    @Upsert(conflict = \"email\",",
                "            update = \"email\")",
                "    void upsert(List<User> users);");
        assertOnlyError(Message.UPSERT_COLUMN_TWICE.format("Repo.upsert", "email", "conflict", "update"),
                repo, repo.line("@Upsert"), USER, repo);
    }

    @Test
    void batchWithoutQuery() {
        TestSource repo = repository("Repo",
                "    @Batch",
                "    void rename(List<User> users);");
        assertOnlyError(Message.BATCH_WITHOUT_QUERY.format("Repo.rename"), repo, repo.line("@Batch"), USER, repo);
    }

    @Test
    void batchReturnsRows() {
        TestSource repo = repository("Repo",
                "    @Batch",
                "    @Query(\"UPDATE users SET email = :email WHERE id = :id RETURNING id\")",
                "    void rename(List<User> users);");
        assertOnlyError(Message.BATCH_RETURNS_ROWS.format("Repo.rename", "UPDATE"), repo, repo.line("@Query"),
                USER, repo);
    }

    @Test
    void batchUnknownComponent() {
        TestSource repo = repository("Repo",
                "    @Batch",
                "    @Query(\"UPDATE users SET email = :mail WHERE id = :id\")",
                "    void rename(List<User> users);");
        assertOnlyError(Message.BATCH_UNKNOWN_COMPONENT.format(":mail", "Repo.rename", "User", "mail",
                        List.of("id", "email", "createdAt")),
                repo, repo.line("@Query"), USER, repo);
    }

    @Test
    void bulkUnknownReturning() {
        TestSource repo = repository("Repo",
                "    record Key(long id) {}",
                "",
                "    @Insert(",
                "            returning = \"uid\")",
                "    List<Key> insert(List<User> users);");
        assertOnlyError(Message.BULK_UNKNOWN_RETURNING.format("Insert", "Repo.insert", "uid", "User or Key",
                        USER_COLUMNS), repo, repo.line("returning = \"uid\""), USER, repo);
    }

    @Test
    void bulkReturningOneOptional() {
        TestSource repo = repository("Repo",
                "    @Insert(returning = \"id\")",
                "    Optional<Long> insert(User user);");
        assertOnlyError(Message.BULK_RETURNING_ONE_OPTIONAL.format("Repo.insert", "java.util.Optional<java.lang.Long>",
                "java.lang.Long"), repo, repo.line("Optional<Long> insert("), USER, repo);
    }

    @Test
    void bulkReturningShapeOfOneRecord() {
        TestSource repo = repository("Repo",
                "    @Insert(returning = {\"id\", \"email\"})",
                "    long insert(User user);");
        assertOnlyError(Message.BULK_RETURNING_SHAPE.format("Repo.insert", "long", List.of("id", "email"),
                "names 2 columns, and a scalar holds one"), repo, repo.line("long insert("), USER, repo);
    }

    @Test
    void generatedKeysCompileAsScalarsForAListAndForOneRecord() {
        // "uid" is no column of NewUser: only the table knows it, which verification (when on) checks
        TestSource newUser = source("NewUser",
                "@Table(\"users\")",
                "public record NewUser(String email) {}");
        assertThat(Compilations.compile(newUser, repository("Repo",
                "    @Insert(returning = \"id\")",
                "    List<Long> insert(List<NewUser> users);",
                "    @Insert(returning = \"id\")",
                "    long insertOne(NewUser user);",
                "    @Insert(returning = \"created_at\")",
                "    Instant insertOneAt(NewUser user);",
                "    @Insert(returning = \"uid\")",
                "    UUID insertOneUid(NewUser user);")))
                .succeededWithoutWarnings();
    }

    @Test
    void bulkUnknownColumnInUpdateAndTouch() {
        TestSource repo = repository("Repo",
                "    @Upsert(conflict = \"id\",",
                "            update = \"mail\",",
                "            touch = \"updated_at\")",
                "    void upsert(List<User> users);");
        Compilation compilation = Compilations.compile(USER, repo);
        assertThat(compilation).hadErrorContaining(Message.BULK_UNKNOWN_COLUMN.format("Upsert", "Repo.upsert", "update",
                "mail", "User", USER_COLUMNS)).inFile(repo.file()).onLine(repo.line("update = \"mail\""));
        assertThat(compilation).hadErrorContaining(Message.BULK_UNKNOWN_COLUMN.format("Upsert", "Repo.upsert", "touch",
                "updated_at", "User", USER_COLUMNS)).inFile(repo.file()).onLine(repo.line("touch = \"updated_at\""));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void everyBulkErrorOfACompilationIsReported() {
        // one bad method does not hide the next: each is reported against its own line
        TestSource repo = repository("Repo",
                "    @Insert(strategy = InsertStrategy.BATCH, chunkSize = -1)",
                "    void insert(List<User> users);",
                "    @Upsert(conflict = \"id\", chunkSize = 0)",
                "    void upsert(Stream<User> users);",
                "    @Batch(chunkSize = 0)",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    void delete(Iterable<User> users);",
                "    @Insert",
                "    Optional<Long> insertOne(User user);");
        Compilation compilation = Compilations.compile(USER, repo);
        assertThat(compilation).hadErrorContaining(Message.BULK_CHUNK_SIZE_INVALID.format("Insert", "Repo.insert", -1))
                .inFile(repo.file()).onLine(repo.line("InsertStrategy.BATCH"));
        assertThat(compilation).hadErrorContaining(Message.BULK_CHUNK_SIZE_INVALID.format("Upsert", "Repo.upsert", 0))
                .inFile(repo.file()).onLine(repo.line("@Upsert"));
        assertThat(compilation).hadErrorContaining(Message.BULK_CHUNK_SIZE_INVALID.format("Batch", "Repo.delete", 0))
                .inFile(repo.file()).onLine(repo.line("@Batch"));
        assertThat(compilation).hadErrorContaining(Message.BULK_UNSUPPORTED_RETURN.format("Repo.insertOne",
                        "java.util.Optional<java.lang.Long>", "Insert", "written", ", or with returning a List of the returned rows"))
                .inFile(repo.file()).onLine(repo.line("insertOne("));
        assertThat(compilation).hadErrorCount(4);
    }

    @Test
    void bulkReturningShapeOfARecordWithoutTheColumn() {
        TestSource created = source("Created",
                "public record Created(long id, String email) {}");
        TestSource repo = repository("Repo",
                "    @Insert(returning = \"id\")",
                "    List<Created> insert(List<User> users);");
        assertOnlyError(Message.BULK_RETURNING_SHAPE.format("Repo.insert", "java.util.List<test.Created>", List.of("id"),
                        "does not return column \"email\", which component 'email' of Created reads"),
                repo, repo.line("List<Created> insert("), USER, created, repo);
    }

    @Test
    void batchTakesAnIterableOfRecordsOnly() {
        TestSource repo = repository("Repo",
                "    @Batch",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    void delete(",
                "            User user);");
        assertOnlyError(Message.BULK_UNSUPPORTED_INPUT.format("Repo.delete", "test.User", "Batch", "a record", ""),
                repo, repo.line("User user"), USER, repo);
    }
}
