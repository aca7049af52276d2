package dev.quarry.processor.verify;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.verify.VerifyCompiler.compile;
import static dev.quarry.processor.verify.VerifyCompiler.source;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.verify.VerifyCompiler.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements {@code @Find}, {@code @Update} and {@code @Delete} write, described by PostgreSQL (schema {@code verify-schema}). */
public class VerifyWritesTest {
    private static final String SCHEMA = VerifyOptions.SCHEMA + "=" + VerifyCompiler.SCHEMA;

    @Test
    void theWrittenStatementsFitTheSchema() {
        Source users = source("Users",
                "@Repository",
                "public interface Users {",
                "    enum Status { ACTIVE, SUSPENDED }",
                "    @Table(\"users\") record User(@Id long id, String email, String displayName, Status status) {}",
                "    @Find Optional<User> findById(long id);",
                "    @Find List<User> findByStatus(Status status);",
                "    @Update void update(User user);",
                "    @Update(columns = \"status\") long suspend(List<User> users);",
                "    @Delete boolean delete(User user);",
                "    @Delete long deleteByIds(List<Long> ids);",
                "}");
        assertThat(compile(List.of(SCHEMA), users)).succeededWithoutWarnings();
    }

    @Test
    void aComponentTheTableLacksIsReportedOnTheMethod() {
        Source users = source("Users",
                "@Repository",
                "public interface Users {",
                "    @Table(\"users\") record User(@Id long id, String email, String nickname) {}",
                "    @Update void update(User user);",
                "}");
        Compilation compilation = compile(List.of(SCHEMA), users);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Users.update: PostgreSQL rejects the @Update statement")
                .inFile(users.file()).onLine(users.line("void update("));
        assertThat(compilation).hadErrorContaining("column \"nickname\" of relation \"users\" does not exist");
    }
}
