package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diagnostics of {@code @Find}, {@code @Update}, {@code @Delete} and {@code @Version}. A test per {@link Message}. */
class KeyedWriteErrorsTest {
    private static final TestSource BOOK = source("Book",
            "@Table(\"books\")",
            "public record Book(@Id long id, String title, @Version int version) {}");
    private static final TestSource PLAIN = source("Plain", "public record Plain(long id, String title) {}");

    @Test
    void everyKindCompilesWithoutWarnings() {
        TestSource repo = repository("Repo",
                "    @Find Optional<Book> findById(long id);",
                "    @Find List<Book> findByTitle(List<String> title);",
                "    @Update void update(Book book);",
                "    @Update(columns = \"title\") long retitle(Stream<Book> books);",
                "    @Delete boolean delete(Book book);",
                "    @Delete int deleteByIds(Set<Long> ids);");
        assertThat(Compilations.compile(BOOK, repo)).succeededWithoutWarnings();
    }

    @Test
    void findNotTable() {
        TestSource repo = repository("Repo", "    @Find Optional<Plain> findById(long id);");
        assertOnlyError(Message.FIND_NOT_TABLE.format("Repo.findById", "test.Plain"), repo, repo.line("findById"),
                PLAIN, repo);
    }

    @Test
    void findUnknownColumn() {
        TestSource repo = repository("Repo", "    @Find List<Book> byName(String name);");
        assertOnlyError(Message.FIND_UNKNOWN_COLUMN.format("name", "Repo.byName", "name", "books",
                List.of("id", "title", "version")), repo, repo.line("byName"), BOOK, repo);
    }

    @Test
    void keyedReturn() {
        TestSource repo = repository("Repo", "    @Update String update(Book book);");
        assertOnlyError(Message.KEYED_RETURN.format("Repo.update", "java.lang.String", "Update",
                "updated (or a List of the record it takes, the rows as updated)"), repo,
                repo.line("update("), BOOK, repo);
    }

    @Test
    void keyedId() {
        TestSource noId = source("NoId", "@Table(\"t\")", "public record NoId(long id, String title) {}");
        TestSource repo = repository("Repo", "    @Update void update(NoId row);");
        assertOnlyError(Message.KEYED_ID.format("Update", "Repo.update", "NoId", "none"), repo, repo.line("update("),
                noId, repo);
    }

    @Test
    void keyedIdType() {
        TestSource byDate = source("ByDate", "@Table(\"t\")", "public record ByDate(@Id LocalDate day, String title) {}");
        TestSource repo = repository("Repo", "    @Update void update(ByDate row);");
        assertOnlyError(Message.KEYED_ID_TYPE.format("Update", "Repo.update", "day", "ByDate", "java.time.LocalDate"),
                repo, repo.line("update("), byDate, repo);
    }

    @Test
    void keyedVersionType() {
        TestSource textual = source("Textual", "@Table(\"t\")",
                "public record Textual(@Id long id, String title, @Version String version) {}");
        TestSource repo = repository("Repo", "    @Update void update(Textual row);");
        assertOnlyError(Message.KEYED_VERSION_TYPE.format("version", "Textual", "java.lang.String", "Repo.update"), repo,
                repo.line("update("), textual, repo);
    }

    @Test
    void updateUnknownColumn() {
        TestSource repo = repository("Repo", "    @Update(columns = \"titel\") void update(Book book);");
        assertOnlyError(Message.UPDATE_UNKNOWN_COLUMN.format("Repo.update", "titel", "Book",
                List.of("id", "title", "version")), repo, repo.line("update("), BOOK, repo);
    }

    @Test
    void updateKeyColumn() {
        TestSource repo = repository("Repo", "    @Update(columns = {\"title\", \"version\"}) void update(Book book);");
        assertOnlyError(Message.UPDATE_KEY_COLUMN.format("Repo.update", "version", "@Version"), repo,
                repo.line("update("), BOOK, repo);
    }

    @Test
    void updateNothingToSet() {
        TestSource bare = source("Bare", "@Table(\"t\")", "public record Bare(@Id long id, @Version long version) {}");
        TestSource repo = repository("Repo", "    @Update void update(Bare row);");
        assertOnlyError(Message.UPDATE_NOTHING_TO_SET.format("Repo.update", "Bare"), repo, repo.line("update("), bare,
                repo);
    }

    @Test
    void deleteNoTable() {
        TestSource repo = repository("Repo", "    @Delete long deleteByIds(List<Long> ids);");
        assertOnlyError(Message.DELETE_NO_TABLE.format("Repo.deleteByIds", "java.util.List<java.lang.Long>",
                "no @Table record"), repo, repo.line("deleteByIds"), BOOK, repo);
    }

    @Test
    void aDeleteByIdsNamesItsTable() {
        TestSource other = source("Other", "@Table(\"others\")", "public record Other(@Id long id) {}");
        TestSource repo = repository("Repo",
                "    @Find Optional<Book> findById(long id);",
                "    @Delete(Other.class) long deleteOthers(List<Long> ids);",
                "    @Delete long deleteBooks(List<Long> ids);");
        assertThat(Compilations.compile(BOOK, other, repo)).succeededWithoutWarnings();
    }

    @Test
    void deleteIdType() {
        TestSource repo = repository("Repo", "    @Delete(Book.class) long deleteByIds(List<String> ids);");
        assertOnlyError(Message.DELETE_ID_TYPE.format("Repo.deleteByIds", "java.util.List<java.lang.String>", "Book",
                "long"), repo, repo.line("deleteByIds"), BOOK, repo);
    }
}
