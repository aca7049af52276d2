package dev.quarry.processor.parse;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.TopPerGroup;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import javax.lang.model.element.ExecutableElement;

/**
 * The SQL of a {@code @Query} method, wrapped when it also has {@code @TopPerGroup}. The wrapping
 * happens before parsing, so a {@code :limit} parameter is checked and bound like any other.
 */
final class TopPerGroupSql {
    private TopPerGroupSql() {}

    static String wrap(ExecutableElement method, String label, Reporter reporter) {
        String sql = method.getAnnotation(Query.class).value();
        TopPerGroup top = method.getAnnotation(TopPerGroup.class);
        if (top == null) {
            return sql;
        }
        String limit = top.limit().trim();
        boolean number = limit.matches("[1-9][0-9]*");
        boolean parameter = limit.matches(":[A-Za-z_][A-Za-z0-9_]*");
        if (!number && !parameter) {
            reporter.report(Message.TOP_PER_GROUP_LIMIT, method, Annotations.mirror(method, TopPerGroup.class), label,
                    top.limit());
        }
        return around(sql, top);
    }

    /** {@code sql} (one statement) inside the ranking wrapper; filters go into it before it is wrapped. */
    static String around(String sql, TopPerGroup top) {
        String limit = top.limit().trim();
        boolean valid = limit.matches("[1-9][0-9]*") || limit.matches(":[A-Za-z_][A-Za-z0-9_]*");
        String inner = sql.strip();
        while (inner.endsWith(";")) {
            inner = inner.substring(0, inner.length() - 1).strip();
        }
        // row_number() is bigint; as int the rank reads into an int component as well as a long one
        // (a rank is at most the limit, and a group of 2^31 rows is not one a query ranks)
        return "SELECT * FROM (SELECT _q.*, (row_number() OVER (PARTITION BY " + top.partitionBy()
                + " ORDER BY " + top.orderBy() + "))::int AS " + top.rank() + " FROM (" + inner + ") _q) _top"
                + " WHERE " + top.rank() + " <= " + (valid ? limit : "0")
                + " ORDER BY " + top.partitionBy() + ", " + top.rank();
    }
}
