package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order {@code quarry.verify.schema} applies migrations in: Flyway's. */
class MigrationsTest {
    @Test
    void versionsCompareAsNumbersThenRepeatablesThenOtherFiles(@TempDir Path dir) throws IOException {
        for (String name : List.of("V10__c.sql", "V2__b.sql", "seed.sql", "R__views.sql", "V1_1__d.sql", "V1__a.sql",
                "V1.2__e.sql", "nested/V3__f.sql", "notes.txt")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }

        List<String> names = Migrations.ordered(List.of(dir)).stream().map(p -> dir.relativize(p).toString()).toList();

        assertThat(names).containsExactly("V1__a.sql", "V1_1__d.sql", "V1.2__e.sql", "V2__b.sql", "nested/V3__f.sql",
                "V10__c.sql", "R__views.sql", "seed.sql").inOrder();
    }

    @Test
    void filesAndDirectoriesFromSeveralPathsAreOrderedTogether(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/V2__two.sql"), "");
        Files.writeString(dir.resolve("V1__one.sql"), "");

        List<Path> ordered = Migrations.ordered(List.of(dir.resolve("a"), dir.resolve("V1__one.sql")));

        assertThat(ordered).containsExactly(dir.resolve("V1__one.sql"), dir.resolve("a/V2__two.sql")).inOrder();
    }

    @Test
    void twoFilesWithOneVersionAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__a.sql"), "");
        Files.writeString(dir.resolve("V1.0__b.sql"), "");

        IOException e = assertThrows(IOException.class, () -> Migrations.ordered(List.of(dir)));

        assertThat(e).hasMessageThat().endsWith(" have the same version");
    }

    @Test
    void optionsSplitOnCommasAndThePathSeparator() {
        VerifyOptions options = VerifyOptions.from(java.util.Map.of(VerifyOptions.SCHEMA,
                "db/one, db/two" + java.io.File.pathSeparator + "db/three.sql"));

        assertThat(options.schema()).containsExactly(Path.of("db/one"), Path.of("db/two"), Path.of("db/three.sql"))
                .inOrder();
        assertThat(options.warnOnly()).isFalse();
        assertThat(options.invalid()).isEmpty();
    }
}
