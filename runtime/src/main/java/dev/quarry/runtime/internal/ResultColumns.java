package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the result columns a record reads to their positions, once per result set, so that
 * rows are read by index. A column in the expected position is found without a search.
 */
public final class ResultColumns {
    private ResultColumns() {}

    public static int[] resolve(ResultSet rs, String method, String... labels) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        int[] positions = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positions[i] = find(meta, count, labels[i], i + 1);
            if (positions[i] == 0) {
                throw missing(meta, count, method, labels[i]);
            }
        }
        return positions;
    }

    private static int find(ResultSetMetaData meta, int count, String label, int expected) throws SQLException {
        if (expected <= count && label.equals(meta.getColumnLabel(expected))) {
            return expected;
        }
        for (int c = 1; c <= count; c++) {
            if (label.equals(meta.getColumnLabel(c))) {
                return c;
            }
        }
        for (int c = 1; c <= count; c++) {
            if (label.equalsIgnoreCase(meta.getColumnLabel(c))) {
                return c;
            }
        }
        return 0;
    }

    private static DataException missing(ResultSetMetaData meta, int count, String method, String label)
            throws SQLException {
        List<String> present = new ArrayList<>();
        for (int c = 1; c <= count; c++) {
            present.add(meta.getColumnLabel(c));
        }
        return new DataException(method + ": the result has no column \"" + label
                + "\" for the record component that reads it; its columns are " + present,
                null, null, method, null);
    }
}
