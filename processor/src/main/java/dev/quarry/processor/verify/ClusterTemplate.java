package dev.quarry.processor.verify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An initialised, empty PostgreSQL cluster kept in the temp directory. initdb takes most of a
 * second; copying its result takes a fraction of that, so each compilation starts on a copy. The
 * template is built once per set of PostgreSQL binaries (its name says which), by whichever
 * compilation needs it first; concurrent builders each build their own and the first to rename
 * it into place wins.
 */
final class ClusterTemplate {
    /** Files of a stopped server that a new one must not find. */
    private static final Set<String> SKIPPED = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");
    private static final List<String> BINARIES = List.of("postgres-linux-x86_64.txz",
            "postgres-linux-x86_64-alpine.txz", "postgres-linux-arm_64.txz", "postgres-darwin-x86_64.txz",
            "postgres-darwin-arm_64.txz", "postgres-windows-x86_64.txz");

    private ClusterTemplate() {}

    /** A fresh copy of the template in a new directory, building the template first if there is none. */
    static Path copy() throws IOException {
        Path template = location();
        if (!Files.isRegularFile(template.resolve("PG_VERSION"))) {
            build(template);
        }
        Path data = Files.createTempDirectory(SchemaDatabase.ROOT, "data-");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = data.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!SKIPPED.contains(file.getFileName().toString())) {
                    // attributes include the owner-only permissions PostgreSQL insists on
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            SchemaDatabase.delete(data);
            throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        }
        return data;
    }

    /** Removes the template, for the next compilation to build anew. */
    static void discard() {
        SchemaDatabase.delete(location());
    }

    private static void build(Path template) throws IOException {
        Path building = Files.createTempDirectory(SchemaDatabase.ROOT, "template-build-");
        try {
            EmbeddedPostgres.builder()
                    .setDataDirectory(building)
                    .setCleanDataDirectory(false)
                    // 1 MB WAL segments instead of 16: most of what each compilation copies is the first segment
                    .setLocaleConfig("wal-segsize", "1")
                    .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                    .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .close();
            Files.move(building, template);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another compilation built it meanwhile
        } finally {
            SchemaDatabase.delete(building);
        }
    }

    /** {@code template-<hash of the binaries' locations and how initdb ran>}: other binaries, another template. */
    private static Path location() {
        List<String> found = new ArrayList<>();
        ClassLoader loader = EmbeddedPostgres.class.getClassLoader();
        for (String name : BINARIES) {
            try {
                for (URL url : Collections.list(loader.getResources(name))) {
                    found.add(url.toString());
                }
            } catch (IOException e) {
                found.add(name);
            }
        }
        found.add("wal-segsize=1");
        return SchemaDatabase.ROOT.resolve("template-" + Integer.toHexString(found.hashCode()));
    }
}
