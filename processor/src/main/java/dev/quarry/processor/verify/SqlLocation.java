package dev.quarry.processor.verify;

import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** A stretch of the text PostgreSQL parsed, and where it came from in the original SQL. */
    private record Segment(int nativeStart, int nativeEnd, int originalStart, boolean copied) {}

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
     * Empty when the offset falls in text the user did not write (a wrapper around it).
     */
    static OptionalInt toAnnotation(String annotationSql, ParsedSql parsed, List<Boolean> rewritten, String jdbcSql,
                                    int nativeOffset) {
        String sent = nativeSql(jdbcSql);
        List<Segment> segments = new ArrayList<>();
        String expected = expectedNative(parsed, rewritten, segments);
        if (sent == null || !sent.equals(expected)) {
            return OptionalInt.empty();
        }
        int original = -1;
        for (Segment segment : segments) {
            if (nativeOffset >= segment.nativeStart() && nativeOffset < segment.nativeEnd()) {
                original = segment.copied()
                        ? segment.originalStart() + nativeOffset - segment.nativeStart() : segment.originalStart();
                break;
            }
        }
        if (original < 0) {
            original = parsed.length() > 0 ? parsed.length() - 1 : 0;
        }
        return withinAnnotation(annotationSql, parsed.original(), original);
    }

    /**
     * The original text with each placeholder as PostgreSQL sees it ({@code $1}, {@code = ANY($2)}),
     * which is the native text when nothing else was rewritten; {@code segments} records the mapping.
     */
    private static String expectedNative(ParsedSql parsed, List<Boolean> rewritten, List<Segment> segments) {
        String original = parsed.original();
        StringBuilder out = new StringBuilder();
        int at = 0;
        List<Placeholder> placeholders = parsed.placeholders();
        for (int i = 0; i < placeholders.size(); i++) {
            Placeholder p = placeholders.get(i);
            boolean list = i < rewritten.size() && rewritten.get(i) && p.listForm() != Placeholder.ListForm.NONE;
            int from = list ? p.listStart() : p.start();
            copy(original, at, from, out, segments);
            String replacement = "$" + (i + 1);
            if (list) {
                replacement = (p.listForm() == Placeholder.ListForm.IN ? "= ANY(" : "<> ALL(") + replacement + ")";
            }
            segments.add(new Segment(out.length(), out.length() + replacement.length(), from, false));
            out.append(replacement);
            at = list ? p.listEnd() : p.end();
        }
        copy(original, at, parsed.length(), out, segments);
        return out.toString();
    }

    private static void copy(String original, int from, int to, StringBuilder out, List<Segment> segments) {
        if (to > from) {
            segments.add(new Segment(out.length(), out.length() + to - from, from, true));
            out.append(original, from, to);
        }
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
