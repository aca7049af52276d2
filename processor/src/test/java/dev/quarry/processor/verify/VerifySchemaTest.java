package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;
import static dev.quarry.processor.verify.VerifySources.ACCOUNTS;
import static dev.quarry.processor.verify.VerifySources.ENUMS;
import static dev.quarry.processor.verify.VerifySources.MISTAKES;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification against {@code verify-schema} applied to a throw-away PostgreSQL. Each compilation
 * starts its own server, so the findings share compilations: {@link VerifySources#MISTAKES} holds
 * one mistake per method and each test asserts its own finding's text (from the catalog) and line.
 * Tests are named after their {@link Message} constant, and the class is public, for
 * {@code MessageCoverageTest} to hold the catalog to them.
 */
public class VerifySchemaTest {
    private static final String SCHEMA = VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA;

    private static Compilation accounts;
    private static Compilation mistakes;
    private static Compilation warned;
    private static Compilation enums;

    @BeforeAll
    static void compileOnce() {
        accounts = compile(List.of(SCHEMA), ACCOUNTS);
        mistakes = compile(List.of(SCHEMA), MISTAKES);
        warned = compile(List.of(SCHEMA, VerifyOptions.MODE + "=warn"), MISTAKES);
        enums = compile(List.of(SCHEMA), ENUMS);
    }

    @Test
    void correctRepositoryCompilesWithoutWarnings() {
        assertThat(accounts).succeededWithoutWarnings();
        assertThat(accounts).generatedSourceFile("test.Accounts_Impl");
    }

    @Test
    void everyMistakeIsFoundAndNothingElse() {
        assertThat(mistakes).failed();
        assertThat(mistakes).hadErrorCount(12);
        assertThat(mistakes).hadWarningCount(3);
    }

    @Test
    void suppressedMethodIsNotVerified() {
        long line = MISTAKES.line("List<Long> suppressed();");
        assertThat(mistakes.diagnostics().stream().filter(d -> d.getLineNumber() >= line - 2 && d.getLineNumber() <= line)
                .toList()).isEmpty();
    }

    @Test
    void verifySqlRejected() {
        assertError(Message.VERIFY_SQL_REJECTED.format("Mistakes.findByEmail",
                        " at line 3, column 7 of the SQL (near \"emial = :email\")",
                        "column \"emial\" does not exist; hint: Perhaps you meant to reference the column \"users.email\""),
                "@Query(\"\"\"");
        assertError(Message.VERIFY_SQL_REJECTED.format("Mistakes.unknownTable",
                        " at line 1, column 16 of the SQL (near \"userz WHERE id = :id\")",
                        "relation \"userz\" does not exist"),
                "SELECT id FROM userz");
    }

    @Test
    void verifyParameterType() {
        assertError(Message.VERIFY_PARAMETER_TYPE.format("Mistakes.olderThan", ":minimum", "String", "int4"),
                "age > :minimum");
    }

    @Test
    void verifyParameterTypesRejected() {
        assertError(Message.VERIFY_PARAMETER_TYPES_REJECTED.format("Mistakes.repeated", ":times as long",
                        " at line 1, column 8 of the SQL (near \"repeat(email, :times) AS...\")",
                        "function repeat(text, bigint) does not exist; hint: No function matches the given name and "
                                + "argument types. You might need to add explicit type casts"),
                "repeat(email, :times)");
    }

    @Test
    void verifyColumnWithoutComponent() {
        assertError(Message.VERIFY_COLUMN_WITHOUT_COMPONENT.format("Mistakes.everyColumn",
                        List.of("status", "created_at", "born", "last_seen", "score", "external_id"), "User",
                        List.of("id", "email", "display_name", "age")),
                "Optional<User> everyColumn(long id);");
    }

    @Test
    void verifyComponentWithoutColumn() {
        assertError(Message.VERIFY_COMPONENT_WITHOUT_COLUMN.format("Mistakes.colouredTags", "colour", "ColouredTag",
                        "colour", List.of("user_id", "name", "weight")),
                "List<ColouredTag> colouredTags();");
    }

    @Test
    void verifyColumnType() {
        assertError(Message.VERIFY_COLUMN_TYPE.format("Mistakes.emailAsNumber", "email", "text", "the return type",
                        "int", "cast the column to an integer type in the SQL, or change the Java type"),
                "int emailAsNumber(long id);");
        // a JOINED relation's columns, named as the child table names them
        assertError(Message.VERIFY_COLUMN_TYPE.format("Mistakes.noted", "note", "text", "component 'note' of Note",
                        "Integer", "cast the column to an integer type in the SQL, or change the Java type"),
                "List<Noted> noted();");
    }

    @Test
    void verifyColumnTypeLossy() {
        assertThat(mistakes).hadWarningContaining(Message.VERIFY_COLUMN_TYPE_LOSSY.format("Mistakes.total", "total",
                        "numeric", "the return type", "double", "precision (numeric is exact, double is not)"))
                .inFile(MISTAKES.file()).onLine(MISTAKES.line("double total(long id);"));
    }

    @Test
    void verifyNullablePrimitive() {
        assertThat(mistakes).hadWarningContaining(Message.VERIFY_NULLABLE_PRIMITIVE.format("Mistakes.age", "age",
                        "the return type", "int", "Integer"))
                .inFile(MISTAKES.file()).onLine(MISTAKES.line("int age(long id);"));
        // NOT NULL in its table, but on the outer side of a LEFT JOIN: only the plan tells
        assertThat(mistakes).hadWarningContaining(Message.VERIFY_NULLABLE_PRIMITIVE.format("Mistakes.userOrders",
                        "order_id", "component 'orderId' of UserOrder", "long", "Long"))
                .inFile(MISTAKES.file()).onLine(MISTAKES.line("List<UserOrder> userOrders();"));
    }

    @Test
    void verifyScalarColumnCount() {
        assertError(Message.VERIFY_SCALAR_COLUMN_COUNT.format("Mistakes.ids", "List<Long>", 2, List.of("id", "email")),
                "List<Long> ids();");
    }

    @Test
    void verifyGeneratedSqlRejected() {
        assertError(Message.VERIFY_GENERATED_SQL_REJECTED.format("Mistakes.customers", "statement that loads 'orders'",
                        " near \"discount FROM orders WHE...\"", "column \"discount\" does not exist",
                        "SELECT id, user_id, discount FROM orders WHERE user_id = ANY(?) ORDER BY id"),
                "List<Customer> customers();");
    }

    @Test
    void verifyCopyColumnTypes() {
        assertError(Message.VERIFY_COPY_COLUMN_TYPES.format("Mistakes.copyOrders",
                        "\"user_id\" is int8 but component 'userId' is written as int4"),
                "@Insert(strategy = InsertStrategy.COPY)");
    }

    @Test
    void verifyUpsertNoUniqueKey() {
        assertError(Message.VERIFY_UPSERT_NO_UNIQUE_KEY.format("Mistakes.upsertByName", "name", "tags",
                        List.of(List.of("user_id", "name"))),
                "@Upsert(conflict = \"name\")");
    }

    @Test
    void warnModeReportsEveryFindingAsAWarning() {
        assertThat(warned).succeeded();
        assertThat(warned).hadWarningCount(15);
        assertThat(warned).hadWarningContaining(Message.VERIFY_PARAMETER_TYPE.format("Mistakes.olderThan", ":minimum",
                "String", "int4")).inFile(MISTAKES.file()).onLine(MISTAKES.line("age > :minimum"));
        assertThat(warned).generatedSourceFile("test.Mistakes_Impl");
    }

    @Test
    void verifyEnumConstantWithoutLabel() {
        List<String> labels = List.of("ACTIVE", "SUSPENDED");
        // read, bound (twice in one statement, reported once) and written
        for (String[] at : new String[][] {{"Enums.moodOf", "Optional<Mood> moodOf"},
                {"Enums.byStatus", "List<Long> byStatus("}, {"Enums.add", "void add"}}) {
            String message = Message.VERIFY_ENUM_CONSTANT_WITHOUT_LABEL.format(at[0], "Enums.Mood", List.of("BANNED"),
                    "user_status", labels);
            assertThat(enums).hadErrorContaining(message).inFile(ENUMS.file()).onLine(ENUMS.line(at[1]));
            assertThat(enums.errors().stream().filter(d -> d.getMessage(null).equals(message)).count()).isEqualTo(1);
        }
        assertThat(enums).hadErrorCount(3);
    }

    @Test
    void verifyEnumLabelWithoutConstant() {
        // read into a component: a SUSPENDED row cannot be read
        assertThat(enums).hadWarningContaining(Message.VERIFY_ENUM_LABEL_WITHOUT_CONSTANT.format("Enums.who",
                        "user_status", List.of("SUSPENDED"), "Enums.Few", List.of("ACTIVE")))
                .inFile(ENUMS.file()).onLine(ENUMS.line("List<Who> who();"));
        // only bound (byStatuses): a label nothing sends harms nothing
        assertThat(enums).hadWarningCount(1);
    }

    @Test
    void staticErrorsDoNotStopVerificationOfTheOtherMethods() {
        Source source = source("Mixed",
                "@Repository",
                "public interface Mixed {",
                "    record Name(String email) {}",
                "    record Book(long id, String email) {}",
                "",
                "    @Query(\"SELECT id FROM users WHERE email = :name.emial\")",
                "    List<Long> byName(Name name);",
                "",
                "    @Query(\"SELECT id FROM userz\")",
                "    List<Long> unknownTable();",
                "",
                "    @Query(\"UPDATE users SET age = :age WHERE id = :id\")",
                "    int setAge(long id, String age);",
                "",
                "    @Query(\"SELECT id, emial FROM users\")",
                "    List<Book> misspelt();",
                "",
                "    @Query(\"SELEC id FROM users\")",
                "    List<Long> ids();",
                "}");

        Compilation compilation = compile(List.of(SCHEMA), source);

        assertThat(compilation).hadErrorContaining(Message.UNKNOWN_COMPONENT.format(":name.emial", "Mixed.byName", "Name",
                "emial", List.of("email"))).inFile(source.file()).onLine(source.line("@Query(\"SELECT id FROM users WHERE"));
        assertThat(compilation).hadErrorContaining(Message.VERIFY_SQL_REJECTED.format("Mixed.unknownTable",
                        " at line 1, column 16 of the SQL (near \"userz\")", "relation \"userz\" does not exist"))
                .inFile(source.file()).onLine(source.line("SELECT id FROM userz"));
        assertThat(compilation).hadErrorContaining(Message.VERIFY_PARAMETER_TYPE.format("Mixed.setAge", ":age", "String",
                "int4")).inFile(source.file()).onLine(source.line("SET age = :age"));
        // PostgreSQL's word on the misspelt column, not the component left without one
        assertThat(compilation).hadErrorContaining(Message.VERIFY_SQL_REJECTED.format("Mixed.misspelt",
                        " at line 1, column 12 of the SQL (near \"emial FROM users\")",
                        "column \"emial\" does not exist; hint: Perhaps you meant to reference the column \"users.email\""))
                .inFile(source.file()).onLine(source.line("SELECT id, emial FROM users"));
        assertThat(compilation).hadErrorContaining(Message.SQL_UNKNOWN_STATEMENT.format("Mixed.ids", "SELEC", 0,
                dev.quarry.processor.sql.SqlParser.FIRST_KEYWORDS_TEXT)).inFile(source.file())
                .onLine(source.line("SELEC id"));
        assertThat(compilation).hadErrorContaining(Message.VERIFY_SQL_REJECTED.format("Mixed.ids",
                        " at line 1, column 1 of the SQL (near \"SELEC id FROM users\")", "syntax error at or near \"SELEC\""))
                .inFile(source.file()).onLine(source.line("SELEC id"));
        assertThat(compilation).hadErrorCount(6);
    }

    @Test
    void missingResultColumnIsStillCheckedWhenVerificationOnlyWarns() {
        Source source = source("Warned",
                "@Repository",
                "public interface Warned {",
                "    record Book(long id, String email) {}",
                "",
                "    @Query(\"SELECT id, emial FROM users\")",
                "    List<Book> misspelt();",
                "}");

        Compilation compilation = compile(List.of(SCHEMA, VerifyOptions.MODE + "=warn"), source);

        assertThat(compilation).hadErrorContaining(Message.MISSING_RESULT_COLUMN.format("email", "Book", "email",
                "SELECT", List.of("id", "emial"), "; the SELECT list has emial, which matches no component", "email"))
                .inFile(source.file()).onLine(source.line("List<Book> misspelt();"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void verifyInternalError() {
        Source source = source("Broken",
                "@Repository",
                "public interface Broken {",
                "    @Query(\"SELECT id FROM users\")",
                "    List<Long> ids();",
                "",
                "    @Query(\"SELECT email FROM users\")",
                "    List<String> emails();",
                "}");
        IllegalStateException fault = new IllegalStateException("The column index is out of range: 2, number of columns: 1");

        Compilation compilation = com.google.testing.compile.Compiler.javac()
                .withProcessors(new FaultyVerificationProcessor(fault, "SELECT id FROM users"))
                .compile(source.file());

        assertThat(compilation).hadErrorContaining(Message.VERIFY_INTERNAL_ERROR.format("Broken.ids", fault))
                .inFile(source.file()).onLine(source.line("List<Long> ids();"));
        // the method after it was still verified (the stand-in database answers it with two columns)
        assertThat(compilation).hadErrorContaining(Message.VERIFY_SCALAR_COLUMN_COUNT.format("Broken.emails",
                        "List<String>", 2, List.of("email", "id")))
                .inFile(source.file()).onLine(source.line("List<String> emails();"));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void verifyUnavailable(@TempDir Path migrations) throws IOException {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("V2__orders.sql"),
                "CREATE TABLE orders (\n    id bigint PRIMARY KEY,\n    total numerc(12, 2)\n);\n");
        Source first = repository("First");
        Source second = repository("Second");

        Compilation compilation = compile(List.of(VerifyOptions.SCHEMA + "=" + migrations), first, second);

        assertThat(compilation).hadErrorContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.SCHEMA,
                        migrations, migrations.resolve("V2__orders.sql") + " fails at line 3: "
                                + "type \"numerc\" does not exist"))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void listAndJsonColumnsOfBulkWritesVerify(@TempDir Path migrations) throws IOException {
        Files.writeString(migrations.resolve("V1__docs.sql"), "CREATE TYPE tone AS ENUM ('SOFT', 'LOUD');\n"
                + "CREATE TABLE docs (id bigint PRIMARY KEY, tags text[], labels varchar(20)[], counts bigint[],\n"
                + "    tones tone[], amounts numeric[], body jsonb, meta json);\n");
        Source doc = source("Doc",
                "@Table(\"docs\")",
                "public record Doc(long id, List<String> tags, List<String> labels, List<Long> counts, List<Tone> tones,",
                "        List<java.math.BigDecimal> amounts, String body, String meta) {",
                "    public enum Tone { SOFT, LOUD }",
                "}");
        Source docs = source("Docs",
                "@Repository",
                "public interface Docs {",
                "    @Insert long auto(List<Doc> rows);",
                "    @Insert(strategy = InsertStrategy.COPY) long copy(List<Doc> rows);",
                "    @Insert(strategy = InsertStrategy.UNNEST) long unnest(List<Doc> rows);",
                "    @Insert(strategy = InsertStrategy.BATCH) long batch(List<Doc> rows);",
                "    @Insert(returning = \"id\") List<Long> ids(List<Doc> rows);",
                "    @Upsert(conflict = \"id\") long upsert(List<Doc> rows);",
                "}");

        Compilation compilation = compile(List.of(VerifyOptions.SCHEMA + "=" + migrations), doc, docs);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void missingSchemaInWarnModeIsOneWarning() {
        Path missing = VerifyCompiler.SCHEMA.resolve("no-such-directory");
        Source first = repository("First");

        Compilation compilation = compile(List.of(VerifyOptions.SCHEMA + "=" + missing, VerifyOptions.MODE + "=warn"),
                first, repository("Second"));

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.VERIFY_UNAVAILABLE.format(VerifyOptions.SCHEMA, missing,
                missing + " does not exist (relative paths resolve against " + Path.of("").toAbsolutePath() + ")"))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void verifyOptionInvalid() {
        Source first = repository("First");

        Compilation compilation = compile(List.of(SCHEMA, VerifyOptions.MODE + "=loud"), first, repository("Second"));

        assertThat(compilation).hadErrorContaining(Message.VERIFY_OPTION_INVALID.format(VerifyOptions.MODE, "loud",
                "use error (the default) or warn")).inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void urlAndSchemaTogetherAreInvalid() {
        Source first = repository("First");

        Compilation compilation = compile(List.of(SCHEMA, VerifyOptions.URL + "=jdbc:postgresql://localhost/app"),
                first);

        assertThat(compilation).hadErrorContaining(Message.VERIFY_OPTION_INVALID.format(VerifyOptions.SCHEMA,
                VerifyCompiler.SCHEMA, "-A" + VerifyOptions.URL + " is set too; verify against either a running "
                        + "database or migrations applied to a throw-away one, not both"))
                .inFile(first.file()).onLine(first.line("interface First"));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void processorDeclaresItsOptions() {
        assertThat(new dev.quarry.processor.QuarryProcessor().getSupportedOptions()).containsExactly(
                VerifyOptions.URL, VerifyOptions.USER, VerifyOptions.PASSWORD, VerifyOptions.SCHEMA, VerifyOptions.MODE,
                VerifyOptions.CACHE);
    }

    private static Source repository(String name) {
        return source(name,
                "@Repository",
                "public interface " + name + " {",
                "    @Query(\"SELECT id FROM users\")",
                "    List<Long> ids();",
                "}");
    }

    private static void assertError(String message, String lineFragment) {
        assertThat(mistakes).hadErrorContaining(message).inFile(MISTAKES.file()).onLine(MISTAKES.line(lineFragment));
        // the whole text, once: nothing is appended to it and nothing reported twice
        assertThat(mistakes.errors().stream().filter(d -> d.getMessage(null).equals(message)).count()).isEqualTo(1);
    }
}
