package dev.quarry.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The table and columns a bulk method writes, with the PostgreSQL type each column's Java
 * component is encoded as ({@code int4} for {@code int}, {@code text} for {@code String}, …).
 * Generated once per bulk method as a constant.
 *
 * <p>COPY's binary format carries no type coercion: an {@code int} sent to a {@code bigint}
 * column is rejected mid-load. {@link #copyMismatch} asks the catalog once per database whether
 * every column takes the type its component writes, so that COPY can refuse up front and AUTO
 * can choose UNNEST (which lets PostgreSQL cast) instead.
 */
public final class BulkTable {
    private static final String CATALOG_SQL = "SELECT a.attname, coalesce(b.typname, t.typname), coalesce(b.typtype, t.typtype)"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

    /** Column types whose binary input is plain UTF-8 text, like {@code text}'s. */
    private static final Set<String> TEXT_LIKE = Set.of("text", "varchar", "bpchar", "citext", "json");

    private final String name;
    private final String[] columns;
    private final String[] types;
    /** Per database, the mismatch message or "" when COPY can write every column. */
    private final Map<Core, String> checked = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param name the table as the SQL names it (quoted where it must be)
     * @param columns the column names, in statement order
     * @param types the type each column's component is encoded as, in the same order
     */
    public BulkTable(String name, String[] columns, String[] types) {
        if (columns.length != types.length || columns.length == 0) {
            throw new IllegalArgumentException("one type per column, and at least one column");
        }
        this.name = name;
        this.columns = columns.clone();
        this.types = types.clone();
    }

    public String name() {
        return name;
    }

    public int columnCount() {
        return columns.length;
    }

    /**
     * Why binary COPY cannot write this table as the components are typed, or {@code null} when
     * it can. Asks the catalog on {@code connection} the first time per database.
     */
    String copyMismatch(Core core, Connection connection) throws SQLException {
        String known = checked.get(core);
        if (known == null) {
            known = describeMismatch(connection);
            checked.put(core, known);
        }
        return known.isEmpty() ? null : known;
    }

    private String describeMismatch(Connection connection) throws SQLException {
        Map<String, String[]> actual = new HashMap<>();
        try (PreparedStatement stmt = connection.prepareStatement(CATALOG_SQL)) {
            stmt.setString(1, name);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            String[] type = actual.get(columns[i]);
            // A missing column is left for the COPY itself to report.
            if (type != null && !accepts(types[i], type[0], type[1])) {
                problems.append(problems.length() == 0 ? "" : ", ")
                        .append('"').append(columns[i]).append("\" is ").append(type[0])
                        .append(" but its component is written as ").append(types[i]);
            }
        }
        return problems.toString();
    }

    private static boolean accepts(String written, String columnType, String typeKind) {
        if (written.equals(columnType)) {
            return true;
        }
        // Text and enum constants go out as UTF-8, which every text type and enum type reads back.
        return written.equals("text") && (TEXT_LIKE.contains(columnType) || "e".equals(typeKind));
    }
}
