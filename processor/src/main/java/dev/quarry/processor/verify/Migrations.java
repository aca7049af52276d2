package dev.quarry.processor.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code .sql} files of {@code quarry.verify.schema} in the order they are applied, as Flyway
 * orders them: versioned {@code V<version>__<name>.sql} by version (compared number by number, so
 * {@code V10} follows {@code V9} and {@code V1_1} follows {@code V1}), then repeatable
 * {@code R__<name>.sql}, then any other {@code .sql} file, each of those groups by file name.
 * Directories are searched recursively and every path's files are ordered together.
 */
final class Migrations {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private Migrations() {}

    /** @throws IOException naming the path that cannot be read, or two files with the same version */
    static List<Path> ordered(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(path + " does not exist (relative paths resolve against "
                        + Path.of("").toAbsolutePath() + ")");
            }
        }
        Map<List<BigInteger>, Path> versions = new HashMap<>();
        for (Path file : files) {
            List<BigInteger> version = version(file);
            Path other = version == null ? null : versions.putIfAbsent(version, file);
            if (other != null && !other.equals(file)) {
                throw new IOException(other + " and " + file + " have the same version");
            }
        }
        files.sort(Comparator.comparingInt(Migrations::group)
                .thenComparing(Migrations::version, Migrations::compareVersions)
                .thenComparing(p -> p.getFileName().toString())
                .thenComparing(Path::toString));
        return files.stream().distinct().toList();
    }

    /** 0 for versioned, 1 for repeatable, 2 for any other file. */
    private static int group(Path file) {
        String name = file.getFileName().toString();
        return version(file) != null ? 0 : name.startsWith("R__") ? 1 : 2;
    }

    /** The version's numbers, or {@code null} when the name is not {@code V<version>__…}. */
    private static List<BigInteger> version(Path file) {
        Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : matcher.group(1).split("[._]")) {
            numbers.add(new BigInteger(part));
        }
        // V1 and V1.0 are the same version to Flyway
        while (numbers.size() > 1 && numbers.get(numbers.size() - 1).signum() == 0) {
            numbers.remove(numbers.size() - 1);
        }
        return List.copyOf(numbers);
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        if (a == null || b == null) {
            return 0;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
