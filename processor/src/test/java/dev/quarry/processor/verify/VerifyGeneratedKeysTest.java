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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification of what is new in the shapes it checks. A generated key returned as a scalar is a column the record does not write: only the schema
 * knows whether it exists and what type it has, so verification checks both.
 */
class VerifyGeneratedKeysTest {
    private static final Source NEW_USER = source("NewUser",
            "@Table(\"users\")",
            "public record NewUser(String email) {}");
    private static final Source SIGNUPS = source("Signups",
            "@Repository",
            "public interface Signups {",
            "    @Insert(returning = \"id\")",
            "    List<Long> add(List<NewUser> users);",
            "",
            "    @Insert(returning = \"id\")",
            "    long addOne(NewUser user);",
            "",
            "    @Insert(returning = \"id\")",
            "    List<UUID> addWithWrongType(List<NewUser> users);",
            "",
            "    @Insert(returning = \"created_at\")",
            "    LocalDate addOneWithWrongType(NewUser user);",
            "",
            "    @Insert(returning = \"uid\")",
            "    long addOneUnknown(NewUser user);",
            "}");

    /** Duration ↔ interval: verification knows the pairing both ways. */
    private static final Source AGES = source("Ages",
            "@Repository",
            "public interface Ages {",
            "    @Query(\"SELECT now() - created_at FROM users WHERE created_at > now() - :window\")",
            "    List<java.time.Duration> ages(java.time.Duration window);",
            "",
            "    @Query(\"SELECT age FROM users\")",
            "    List<java.time.Duration> notAnInterval();",
            "}");

    private static Compilation compilation;

    @BeforeAll
    static void compileOnce() {
        compilation = compile(List.of(VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA), NEW_USER, SIGNUPS, AGES);
    }

    @Test
    void generatedKeysOfTheRightTypeVerify() {
        assertThat(compilation).hadErrorCount(4);
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            if (d.getSource() != null && d.getSource().getName().endsWith("Signups.java")) {
                assertThat(d.getLineNumber()).isNotIn(List.of(SIGNUPS.line("add(List"), SIGNUPS.line("addOne(NewUser")));
            }
        }
    }

    @Test
    void aScalarOfAnotherTypeThanTheGeneratedColumnIsAnError() {
        assertThat(compilation).hadErrorContaining(Message.VERIFY_COLUMN_TYPE.format("Signups.addWithWrongType", "id",
                        "int8", "the return type", "UUID", "cast the column to uuid in the SQL, or change the Java type"))
                .inFile(SIGNUPS.file()).onLine(SIGNUPS.line("addWithWrongType("));
        assertThat(compilation).hadErrorContaining(Message.VERIFY_COLUMN_TYPE.format("Signups.addOneWithWrongType",
                        "created_at", "timestamptz", "the return type", "LocalDate",
                        "cast the column to date in the SQL, or change the Java type"))
                .inFile(SIGNUPS.file()).onLine(SIGNUPS.line("addOneWithWrongType("));
    }

    @Test
    void aDurationReadsAnIntervalAndNothingElse() {
        assertThat(compilation).hadErrorContaining(Message.VERIFY_COLUMN_TYPE.format("Ages.notAnInterval", "age",
                        "int4", "the return type", "Duration", "cast the column to interval in the SQL, or change the Java type"))
                .inFile(AGES.file()).onLine(AGES.line("notAnInterval()"));
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            assertThat(d.getLineNumber() == AGES.line("ages(java.time.Duration window)")
                    && d.getSource() != null && d.getSource().getName().endsWith("Ages.java")).isFalse();
        }
    }

    @Test
    void aColumnTheTableDoesNotHaveIsAnError() {
        assertThat(compilation).hadErrorContaining(Message.VERIFY_GENERATED_SQL_REJECTED.format("Signups.addOneUnknown",
                        "@Insert statement", " near \"uid\"", "column \"uid\" does not exist; hint: Perhaps you meant to"
                                + " reference the column \"users.id\"", "INSERT INTO users (email) SELECT u.email FROM"
                                + " unnest(?::text[]) WITH ORDINALITY AS u(email, _ord) ORDER BY u._ord RETURNING uid"))
                .inFile(SIGNUPS.file()).onLine(SIGNUPS.line("returning = \"uid\""));
    }
}
