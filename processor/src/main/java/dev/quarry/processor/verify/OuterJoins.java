package dev.quarry.processor.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which result columns come from the side of an outer join that may have no row. JDBC metadata
 * cannot tell (pgjdbc reports a {@code NOT NULL} table column as never null, wherever it is joined),
 * so this reads the statement's plan, as sqlx does: {@code EXPLAIN (VERBOSE, GENERIC_PLAN)} plans
 * without executing and without parameter values (PostgreSQL 16 and later), and names each
 * node's output expressions. A top-level output produced as is on the nullable side of a
 * {@code Left}, {@code Right} or {@code Full} join can be NULL; an expression over it (say
 * {@code coalesce}) is left alone. Anything unexpected means "not known", never a finding.
 */
final class OuterJoins {
    private OuterJoins() {}

    /** Whether the statement may hold an outer join at all, so the plan is worth asking for. */
    static boolean mayHave(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("left") || lower.contains("right") || lower.contains("full");
    }

    /**
     * The positions (0-based) of result columns that may be NULL because of an outer join, asked on
     * {@code simple}, a connection in simple query mode: the text holds {@code $n} placeholders
     * that are planned without values, which the extended protocol would want bound.
     */
    static Set<Integer> nullable(Connection simple, String nativeSql, int columns) throws SQLException {
        String plan;
        try (Statement statement = simple.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (VERBOSE, GENERIC_PLAN, FORMAT JSON) " + nativeSql)) {
            if (!rows.next()) {
                return Set.of();
            }
            plan = rows.getString(1);
        }
        Object parsed = new Json(plan).value();
        if (!(parsed instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> wrapper)
                || !(wrapper.get("Plan") instanceof Map<?, ?> top)) {
            return Set.of();
        }
        Set<String> nullable = new HashSet<>();
        collect(top, false, nullable);
        Set<Integer> positions = new HashSet<>();
        List<?> outputs = top.get("Output") instanceof List<?> o ? o : List.of();
        for (int i = 0; i < Math.min(columns, outputs.size()); i++) {
            if (nullable.contains(String.valueOf(outputs.get(i)))) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Adds the outputs of every node on a nullable side of an outer join under {@code node}. */
    private static void collect(Map<?, ?> node, boolean nullableSide, Set<String> nullable) {
        if (nullableSide && node.get("Output") instanceof List<?> outputs) {
            outputs.forEach(o -> nullable.add(String.valueOf(o)));
        }
        Object join = node.get("Join Type");
        if (!(node.get("Plans") instanceof List<?> children)) {
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            boolean side = nullableSide || "Full".equals(join) || ("Left".equals(join) && i == 1)
                    || ("Right".equals(join) && i == 0);
            if (children.get(i) instanceof Map<?, ?> child) {
                collect(child, side, nullable);
            }
        }
    }

    /** Just enough JSON for a plan: objects, arrays, strings, and numbers, booleans and null as text. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                while (!next('}')) {
                    String key = string();
                    skipSpace();
                    at++; // ':'
                    object.put(key, value());
                    next(',');
                }
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                while (!next(']')) {
                    array.add(value());
                    next(',');
                }
                return array;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        /** Consumes {@code c} after any space, if it is next. */
        private boolean next(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private String string() {
            skipSpace();
            StringBuilder out = new StringBuilder();
            at++; // opening quote
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at++; // closing quote
            return out.toString();
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
