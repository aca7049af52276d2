package dev.quarry.processor.verify;

import dev.quarry.processor.verify.Describer.Bind;
import dev.quarry.processor.verify.Describer.Column;
import dev.quarry.processor.verify.Describer.Described;
import dev.quarry.processor.verify.Describer.EnumLabels;
import dev.quarry.processor.verify.Describer.Outcome;
import dev.quarry.processor.verify.Describer.Parameter;
import dev.quarry.processor.verify.Describer.Rejected;
import dev.quarry.processor.verify.Describer.TableColumns;
import dev.quarry.processor.verify.Describer.UniqueKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of {@code quarry.verify.cache}: one small text file per question asked of the
 * database (a statement with its parameter types, a table's unique keys or columns), named by the
 * SHA-256 of the question, so a build without a database can ask the snapshot instead. A file is
 * written whole and renamed into place, and it is readable: the statement is in its comment.
 */
final class Snapshot {
    private static final String HEADER = "# quarry.verify snapshot 1";

    private final Path directory;

    Snapshot(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    static String describeKey(String sql, List<Bind> binds) {
        return "describe\n" + sql + "\n" + (binds == null ? "untyped" : binds.toString());
    }

    static String uniqueKeysKey(String table) {
        return "unique-keys\n" + table;
    }

    static String enumLabelsKey(String type) {
        return "enum-labels\n" + type;
    }

    static String tableColumnsKey(String table) {
        return "table-columns\n" + table;
    }

    /** The answer recorded for {@code key}, or empty when there is none (or one in another format). */
    Optional<Outcome> read(String key) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        List<String[]> fields = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                fields.add(Arrays.stream(line.split("\t", -1)).map(Snapshot::unescape).toArray(String[]::new));
            }
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER) || fields.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> rows = fields.subList(1, fields.size());
        return Optional.of(switch (fields.get(0)[0]) {
            case "rejected" -> new Rejected(fields.get(0)[2], Integer.parseInt(fields.get(0)[1]));
            case "described" -> {
                List<Column> columns = new ArrayList<>();
                List<Parameter> parameters = new ArrayList<>();
                for (String[] row : rows) {
                    if (row[0].equals("column")) {
                        columns.add(new Column(row[1], row[2], Boolean.parseBoolean(row[3]), Integer.parseInt(row[4]),
                                Boolean.parseBoolean(row[5])));
                    } else {
                        parameters.add(new Parameter(row[1], Boolean.parseBoolean(row[2])));
                    }
                }
                yield new Described(List.copyOf(columns), List.copyOf(parameters));
            }
            case "unique-keys" -> new UniqueKeys(rows.stream()
                    .map(row -> List.of(Arrays.copyOfRange(row, 1, row.length))).toList());
            case "enum-labels" -> new EnumLabels(rows.stream().map(row -> row[1]).toList());
            case "table-columns" -> {
                Map<String, Column> columns = new LinkedHashMap<>();
                for (String[] row : rows) {
                    columns.put(row[1], new Column(row[1], row[2], Boolean.parseBoolean(row[3]),
                            Integer.parseInt(row[4]), Boolean.parseBoolean(row[5])));
                }
                yield new TableColumns(columns);
            }
            default -> throw new IOException("unknown snapshot entry " + fields.get(0)[0] + " in " + file(key));
        });
    }

    /** Records {@code outcome} as the answer for {@code key}, replacing an earlier one. */
    void write(String key, Outcome outcome) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String line : key.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        if (outcome instanceof Rejected rejected) {
            line(text, "rejected", String.valueOf(rejected.position()), rejected.message());
        } else if (outcome instanceof Described described) {
            line(text, "described");
            for (Column c : described.columns()) {
                line(text, "column", c.label(), c.type(), String.valueOf(c.isEnum()), String.valueOf(c.nullable()),
                        String.valueOf(c.outerJoined()));
            }
            for (Parameter p : described.parameters()) {
                line(text, "parameter", p.type(), String.valueOf(p.isEnum()));
            }
        } else if (outcome instanceof UniqueKeys keys) {
            line(text, "unique-keys");
            for (List<String> columns : keys.keys()) {
                List<String> fields = new ArrayList<>(List.of("key"));
                fields.addAll(columns);
                line(text, fields.toArray(String[]::new));
            }
        } else if (outcome instanceof EnumLabels labels) {
            line(text, "enum-labels");
            for (String label : labels.labels()) {
                line(text, "label", label);
            }
        } else if (outcome instanceof TableColumns table) {
            line(text, "table-columns");
            for (Column c : table.columns().values()) {
                line(text, "column", c.label(), c.type(), String.valueOf(c.isEnum()), String.valueOf(c.nullable()),
                        String.valueOf(c.outerJoined()));
            }
        } else {
            return;
        }
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "entry-", ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void line(StringBuilder text, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            text.append(i == 0 ? "" : "\t").append(escape(fields[i]));
        }
        text.append('\n');
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
