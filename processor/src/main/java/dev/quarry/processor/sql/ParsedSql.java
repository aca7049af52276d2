package dev.quarry.processor.sql;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A statement as the processor understands it, parsed once.
 *
 * @param original the text as written in the annotation
 * @param placeholders the named parameters in order of appearance; each becomes one {@code ?}
 * @param kind the main statement's leading keyword, lower case ({@code select}, {@code update}, …)
 * @param returnsRows whether executing it yields a result set (a query, or DML with {@code RETURNING})
 * @param onlyReads whether it does nothing but read rows (a plain query), so running it without
 *     reading them is pointless
 * @param resultLabels the result column labels when the select or returning list spells them out
 *     (no {@code *}, every item's label certain), empty otherwise
 * @param problems what makes the text unusable, each with its offset
 */
public record ParsedSql(String original, List<Placeholder> placeholders, String kind, boolean returnsRows,
                        boolean onlyReads,
                        Optional<List<String>> resultLabels, List<Problem> problems,
                        List<Integer> doubledQuestionMarks, int length) {

    /** Something the parser rejects, at an offset of the original text. */
    public record Problem(Kind kind, int offset) {
        public enum Kind { EMPTY, MULTIPLE_STATEMENTS, POSITIONAL_PARAMETER, UNKNOWN_STATEMENT }
    }

    /**
     * The JDBC text: every placeholder becomes {@code ?}; a placeholder alone in {@code IN (…)}
     * whose parameter binds as an array becomes {@code = ANY(?)} ({@code NOT IN} becomes
     * {@code <> ALL(?)}); a {@code ?} starting a jsonb operator is doubled, as pgjdbc expects.
     */
    public String jdbcSql(Predicate<Placeholder> bindsArray) {
        StringBuilder out = new StringBuilder(length);
        int at = 0;
        int q = 0;
        for (Placeholder p : placeholders) {
            boolean rewrite = p.listForm() != Placeholder.ListForm.NONE && bindsArray.test(p);
            int from = rewrite ? p.listStart() : p.start();
            int to = rewrite ? p.listEnd() : p.end();
            at = copy(out, at, from, q);
            q = skipMarks(q, from);
            if (rewrite) {
                out.append(p.listForm() == Placeholder.ListForm.IN ? "= ANY(?)" : "<> ALL(?)");
            } else {
                out.append('?');
            }
            at = to;
        }
        copy(out, at, length, q);
        return out.toString();
    }

    private int copy(StringBuilder out, int from, int to, int firstMark) {
        int at = from;
        for (int i = firstMark; i < doubledQuestionMarks.size(); i++) {
            int mark = doubledQuestionMarks.get(i);
            if (mark >= from && mark < to) {
                out.append(original, at, mark).append('?');
                at = mark;
            }
        }
        out.append(original, at, to);
        return to;
    }

    private int skipMarks(int q, int upTo) {
        while (q < doubledQuestionMarks.size() && doubledQuestionMarks.get(q) < upTo) {
            q++;
        }
        return q;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
