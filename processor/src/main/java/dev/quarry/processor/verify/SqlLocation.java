package dev.quarry.processor.verify;

import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Where an error PostgreSQL reports falls in the SQL the user wrote. The server counts in the text
 * pgjdbc sent it, where every {@code ?} became {@code $n} (and {@code ??} a single {@code ?}), and
 * that text came from the annotation's SQL with each {@code :name} replaced; this walks back both
 * steps.
 */
final class SqlLocation {
    private static final int NEAR_LENGTH = 24;

    private SqlLocation() {}

    /** The native text pgjdbc sends for {@code jdbcSql}, or {@code null} when it cannot say. */
    static String nativeSql(String jdbcSql) {
        try {
            List<NativeQuery> queries = Parser.parseJdbcSql(jdbcSql, true, true, true, false, false);
            return queries.size() == 1 ? queries.get(0).nativeSql : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The 0-based offset in {@code annotationSql} of the 0-based {@code nativeOffset} PostgreSQL
     * reported for the statement pgjdbc made of {@code jdbcSql}, which {@code parsed} turned into
     * JDBC text with the placeholders flagged in {@code rewritten} written as {@code = ANY(?)}.
     * Empty when the offset falls in text the user did not write (a wrapper around it), or when
     * the texts do not line up as expected.
     */
    static OptionalInt toAnnotation(String annotationSql, ParsedSql parsed, List<Boolean> rewritten, String jdbcSql,
                                    int nativeOffset) {
        String sent = nativeSql(jdbcSql);
        if (sent == null) {
            return OptionalInt.empty();
        }
        String original = parsed.original();
        List<Placeholder> placeholders = parsed.placeholders();
        int i = 0;
        int j = 0;
        int k = 0;
        while (j < sent.length() && j < nativeOffset) {
            Placeholder p = k < placeholders.size() ? placeholders.get(k) : null;
            boolean list = p != null && k < rewritten.size() && rewritten.get(k)
                    && p.listForm() != Placeholder.ListForm.NONE;
            if (p != null && i == (list ? p.listStart() : p.start())) {
                // each placeholder went out as $n, or as = ANY($n) in place of IN (:name)
                String replacement = "$" + (k + 1);
                if (list) {
                    replacement = (p.listForm() == Placeholder.ListForm.IN ? "= ANY(" : "<> ALL(") + replacement + ")";
                }
                if (!sent.startsWith(replacement, j)) {
                    return OptionalInt.empty();
                }
                if (nativeOffset < j + replacement.length()) {
                    break;
                }
                j += replacement.length();
                i = list ? p.listEnd() : p.end();
                k++;
            } else if (original.startsWith("??", i) && !sent.startsWith("??", j) && sent.charAt(j) == '?') {
                // a jsonb ? is written ?? for pgjdbc, which sends it single
                i += 2;
                j++;
            } else if (i < original.length() && original.charAt(i) == sent.charAt(j)) {
                i++;
                j++;
            } else {
                return OptionalInt.empty();
            }
        }
        return withinAnnotation(annotationSql, original, Math.min(i, Math.max(0, original.length() - 1)));
    }

    /** A wrapper such as {@code @TopPerGroup}'s holds the annotation's SQL; offsets outside it are not the user's. */
    private static OptionalInt withinAnnotation(String annotationSql, String original, int offset) {
        if (annotationSql.equals(original)) {
            return OptionalInt.of(offset);
        }
        String inner = annotationSql.strip();
        while (inner.endsWith(";")) {
            inner = inner.substring(0, inner.length() - 1).strip();
        }
        int start = original.indexOf(inner);
        if (inner.isEmpty() || start < 0 || offset < start || offset >= start + inner.length()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(offset - start + annotationSql.indexOf(inner));
    }

    /** The 1-based line of {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of {@code offset} within its line. */
    static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
        return offset - lineStart + 1;
    }

    /** The text from {@code offset} to the end of its line, cut short, to show where the problem is. */
    static String near(String text, int offset) {
        int start = Math.max(0, Math.min(offset, text.length()));
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        String fragment = text.substring(start, Math.min(end, start + NEAR_LENGTH)).strip();
        return end > start + NEAR_LENGTH ? fragment + "..." : fragment;
    }
}
