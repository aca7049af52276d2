package dev.quarry.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The table and columns a bulk method writes, with the PostgreSQL type each column's Java
 * component is encoded as ({@code int4} for {@code int}, {@code text} for {@code String}, …).
 * Generated once per bulk method as a constant.
 *
 * <p>COPY's binary format carries no type coercion: an {@code int} sent to a {@code bigint}
 * column is rejected mid-load. {@link #copyMismatch} asks the catalog once per database whether
 * every column takes the type its component writes, so that COPY can refuse up front and AUTO
 * can choose UNNEST (which lets PostgreSQL cast) instead. The same lookup tells
 * {@link #unnestSql} which text arrays must be cast to an enum type.
 */
public final class BulkTable {
    private static final String CATALOG_SQL = "SELECT a.attname, coalesce(b.typname, t.typname), coalesce(b.typtype, t.typtype),"
            + " format_type(a.atttypid, NULL), format_type(a.atttypid, a.atttypmod), e.typname, e.typtype, e.oid,"
            + " t.typname, a.atttypmod,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(cn.nspname) || '.' || quote_ident(c.collname) END"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype"
            + " LEFT JOIN pg_type e ON coalesce(b.typcategory, t.typcategory) = 'A'"
            + " AND e.oid = coalesce(b.typelem, t.typelem)"
            + " LEFT JOIN pg_collation c ON c.oid = a.attcollation"
            + " LEFT JOIN pg_namespace cn ON cn.oid = c.collnamespace"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped";

    /**
     * Types whose length limit an explicit cast enforces by cutting the value short, where storing
     * it refuses the value: an upsert key is cast to these without the limit.
     */
    private static final Set<String> CUT_BY_CAST = Set.of("bpchar", "varchar", "bit", "varbit");

    /** Column types whose binary input is plain UTF-8 text, like {@code text}'s. */
    private static final Set<String> TEXT_LIKE = Set.of("text", "varchar", "bpchar", "citext", "json");
    /** Column types text does not convert to implicitly, which UNNEST casts its text arrays to. */
    private static final Set<String> JSON = Set.of("json", "jsonb");

    private final String name;
    private final String[] columns;
    private final String[] types;
    /** Per database, what its catalog says about the columns. */
    private final Map<Core, Catalog> catalogs = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * What one database's catalog says about the columns.
     *
     * @param copyMismatch the columns COPY cannot write as their components are typed, or "" when it can
     * @param enumTypes per column, the enum, json or jsonb type (or domain over one) a text-written
     *     column has, which UNNEST casts its text array to and VALUES leaves PostgreSQL to infer; else {@code null}
     * @param declaredTypes per column, its type as PostgreSQL's messages spell it ({@code character varying(5)})
     * @param baseTypes per column, its type's name (a domain's base type's), {@code jsonb}, {@code _int8}
     * @param arrayCasts per column, for a list written as text into an array of enums, json or jsonb,
     *     that array type ({@code mood[]}), which the UNNEST select list casts the row's literal to; else {@code null}
     * @param elementOids per column, the element type OID of an array column, else 0
     * @param keyCasts per column, what an upsert key expression on it is followed by so that it
     *        compares as the column does ({@code ::numeric(10,2)}, {@code ::bpchar},
     *        {@code  COLLATE public.ci}), or {@code null} when it already does
     */
    private record Catalog(String copyMismatch, String[] enumTypes, String[] declaredTypes, String[] baseTypes,
                           String[] arrayCasts, int[] elementOids, String[] keyCasts) {}

    /** The type in the messages of values PostgreSQL refuses for a column without naming the column. */
    private static final Pattern TOO_LONG = Pattern.compile("value too long for type (.+)");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("(smallint|integer|bigint) out of range");
    private static final Pattern PRECISION = Pattern.compile("A field with precision (\\d+), scale (\\d+)");
    private static final Pattern PARAMETER = Pattern.compile("portal parameter \\$(\\d+)");
    private static final Pattern ENUM_LABEL = Pattern.compile("invalid input value for enum (.+?): ");

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

    /** The name of column {@code i}, in statement order. */
    String column(int i) {
        return columns[i];
    }

    public int columnCount() {
        return columns.length;
    }

    /**
     * Why binary COPY cannot write this table as the components are typed, or {@code null} when
     * it can. Asks the catalog on {@code connection} the first time per database.
     */
    String copyMismatch(Core core, Connection connection) throws SQLException {
        String known = catalog(core, connection).copyMismatch();
        return known.isEmpty() ? null : known;
    }

    /**
     * The UNNEST statement {@code sql} as this database needs it. Text arrays do not convert to an
     * enum column implicitly, so a text-written column that is an enum gets its array cast to the
     * enum's ({@code ?::text[]::mood[]}); every other statement is returned as is.
     */
    String unnestSql(Core core, Connection connection, String sql, int[] unsent) throws SQLException {
        Catalog catalog = catalog(core, connection);
        String[] enumTypes = catalog.enumTypes();
        String[] arrayCasts = catalog.arrayCasts();
        if (Arrays.stream(enumTypes).allMatch(Objects::isNull) && Arrays.stream(arrayCasts).allMatch(Objects::isNull)) {
            return sql;
        }
        String arrays = unnestArrays(null, unsent);
        int at = sql.indexOf(arrays);
        if (at < 0) {
            throw new IllegalStateException("not an UNNEST statement of " + name + ": " + sql);
        }
        String cast = sql.substring(0, at) + unnestArrays(enumTypes, unsent) + sql.substring(at + arrays.length());
        for (int i = 0; i < columns.length; i++) {
            if (arrayCasts[i] != null) {
                cast = castSelected(cast, columns[i], arrayCasts[i]);
            }
        }
        return cast;
    }

    /**
     * The select list's {@code u.tags::text[]} made {@code u.tags::text[]::mood[]}: text converts
     * to an enum or json type only when cast explicitly. The column is found as written plain or quoted.
     */
    private static String castSelected(String sql, String column, String arrayType) {
        for (String selected : List.of("u." + column + "::text[]", "u.\"" + column.replace("\"", "\"\"") + "\"::text[]")) {
            int at = sql.indexOf(selected);
            if (at >= 0) {
                int end = at + selected.length();
                return sql.substring(0, end) + "::" + arrayType + sql.substring(end);
            }
        }
        return sql;
    }

    /**
     * Per column, whether text, or a list's array literal, is sent untyped for PostgreSQL to read
     * as the column's own type (enum, json, jsonb, or an array of them).
     */
    boolean[] untypedText(Core core, Connection connection) throws SQLException {
        Catalog catalog = catalog(core, connection);
        boolean[] untyped = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            untyped[i] = catalog.enumTypes()[i] != null || catalog.arrayCasts()[i] != null;
        }
        return untyped;
    }

    /** Per column, whether COPY sends its text in jsonb's binary format. */
    boolean[] jsonb(Core core, Connection connection) throws SQLException {
        String[] baseTypes = catalog(core, connection).baseTypes();
        boolean[] jsonb = new boolean[baseTypes.length];
        for (int i = 0; i < baseTypes.length; i++) {
            jsonb[i] = types[i].equals("text") && "jsonb".equals(baseTypes[i]);
        }
        return jsonb;
    }

    /** Per column, the element type OID of an array column (COPY's arrays must carry it), else 0. */
    int[] elementOids(Core core, Connection connection) throws SQLException {
        return catalog(core, connection).elementOids().clone();
    }

    /**
     * The upsert statement {@code sql} as this database needs it: {@link #unnestSql}'s, with each
     * key expression cast to its column's type where the two compare differently. Keys that differ
     * as sent can be one once stored ({@code 1.001} and {@code 1.004} in a {@code numeric(10,2)},
     * {@code "ab"} and {@code "ab "} in a {@code char(5)}, {@code "A"} and {@code "a"} in a
     * {@code citext}); the statement must see them as one to keep only the last.
     */
    String upsertSql(Core core, Connection connection, String sql, int[] unsent, UpsertKey key) throws SQLException {
        String statement = unnestSql(core, connection, sql, unsent);
        String[] keyCasts = catalog(core, connection).keyCasts();
        StringJoiner plain = new StringJoiner(", ");
        StringJoiner cast = new StringJoiner(", ");
        boolean any = false;
        for (int i = 0; i < key.size(); i++) {
            String suffix = keyCasts[key.column(i)];
            plain.add(key.expression(i));
            cast.add(suffix == null ? key.expression(i) : key.expression(i) + suffix);
            any |= suffix != null;
        }
        if (!any) {
            return statement;
        }
        String distinct = "SELECT DISTINCT ON (" + plain;
        int at = statement.indexOf(distinct);
        int order = at < 0 ? -1 : statement.indexOf(") ORDER BY " + plain, at + distinct.length());
        if (order < 0) {
            throw new IllegalStateException("not an upsert statement of " + name + " on " + plain + ": " + sql);
        }
        order += ") ORDER BY ".length();
        return statement.substring(0, at) + "SELECT DISTINCT ON (" + cast
                + statement.substring(at + distinct.length(), order) + cast
                + statement.substring(order + plain.length());
    }

    /**
     * {@code unnest(?::int8[], ?::text[])}, with {@code ::enum[]} after the arrays {@code casts}
     * names, and no array for the columns in {@code unsent} ({@code null}: none).
     */
    private String unnestArrays(String[] casts, int[] unsent) {
        boolean[] sent = UnnestColumns.sent(types.length, unsent);
        StringJoiner arrays = new StringJoiner(", ", "unnest(", ")");
        for (int i = 0; i < types.length; i++) {
            if (!sent[i]) {
                continue;
            }
            if (types[i].endsWith("[]")) {
                // one array literal per row, cast in the select list
                arrays.add("?::text[]");
                continue;
            }
            arrays.add("?::" + types[i] + "[]" + (casts != null && casts[i] != null ? "::" + casts[i] + "[]" : ""));
        }
        return arrays.toString();
    }

    private Catalog catalog(Core core, Connection connection) throws SQLException {
        Catalog known = catalogs.get(core);
        if (known == null) {
            known = read(connection);
            catalogs.put(core, known);
        }
        return known;
    }

    private Catalog read(Connection connection) throws SQLException {
        Map<String, String[]> actual = new HashMap<>();
        // Quarry's own lookup, not the caller's work: straight to the driver, so that db.explain(...)
        // reports only the statements the work ran
        try (PreparedStatement stmt = connection.unwrap(BaseConnection.class).prepareStatement(CATALOG_SQL)) {
            stmt.setString(1, name);
            try (ResultSet rs = stmt.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11)});
                }
            }
        }
        StringBuilder problems = new StringBuilder();
        String[] enumTypes = new String[columns.length];
        String[] declaredTypes = new String[columns.length];
        String[] baseTypes = new String[columns.length];
        String[] arrayCasts = new String[columns.length];
        int[] elementOids = new int[columns.length];
        String[] keyCasts = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            String[] type = actual.get(columns[i]);
            // A missing column is left for the statement itself to report.
            if (type == null) {
                continue;
            }
            declaredTypes[i] = type[3];
            baseTypes[i] = type[0];
            elementOids[i] = type[6] == null ? 0 : (int) Long.parseLong(type[6]);
            if (!accepts(types[i], type[0], type[1], type[4], type[5])) {
                problems.append(problems.length() == 0 ? "" : ", ")
                        .append('"').append(columns[i]).append("\" is ").append(type[0])
                        .append(" but its component is written as ").append(types[i]);
            }
            if (types[i].equals("text") && ("e".equals(type[1]) || JSON.contains(type[0]))) {
                enumTypes[i] = type[2];
            }
            if (types[i].equals("text[]") && ("e".equals(type[5]) || JSON.contains(type[4]))) {
                arrayCasts[i] = type[2];
            }
            keyCasts[i] = keyCast(types[i], enumTypes[i] != null, type);
        }
        return new Catalog(problems.toString(), enumTypes, declaredTypes, baseTypes, arrayCasts, elementOids, keyCasts);
    }

    /**
     * Loads what the catalog says about the columns, if this database has not been asked yet, so
     * that {@link #failedColumns} can name a column when a statement fails.
     */
    void describe(Core core, Connection connection) throws SQLException {
        catalog(core, connection);
    }

    /**
     * The driver's message for {@code e}, followed by the columns of the value's type when
     * PostgreSQL refused a value for its type without saying which column it was for (too long,
     * out of range, an unknown enum label): {@code Column: "code" (character varying(5))}.
     */
    String failedColumns(Core core, SQLException e) {
        return failedColumns(core, e, false);
    }

    /**
     * As {@link #failedColumns(Core, SQLException)}; with {@code rowParameters} (a multi-row VALUES,
     * one parameter per column and row), a refused parameter PostgreSQL numbers
     * ({@code unnamed portal parameter $27}) names its one column.
     */
    String failedColumns(Core core, SQLException e, boolean rowParameters) {
        Catalog catalog = catalogs.get(core);
        String type = catalog == null ? null : refusedType(e);
        if (type == null) {
            return e.getMessage();
        }
        Matcher parameter = rowParameters && e.getMessage() != null ? PARAMETER.matcher(e.getMessage()) : null;
        if (parameter != null && parameter.find()) {
            int column = (Integer.parseInt(parameter.group(1)) - 1) % columns.length;
            return e.getMessage() + "\n  Column: \"" + columns[column] + "\" (" + catalog.declaredTypes()[column] + ")";
        }
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            // json and jsonb alike report bad input as "invalid input syntax for type json"
            boolean json = type.equals("json") && catalog.baseTypes()[i] != null
                    && JSON.contains(catalog.baseTypes()[i].replace("_", ""));
            if (json || type.equals(catalog.declaredTypes()[i]) || type.equals(catalog.enumTypes()[i])) {
                matching.add('"' + columns[i] + '"');
            }
        }
        if (matching.isEmpty()) {
            return e.getMessage();
        }
        return e.getMessage() + "\n  " + (matching.size() == 1 ? "Column: " : "Columns of that type: ")
                + String.join(", ", matching) + " (" + type + ")";
    }

    private static String refusedType(SQLException e) {
        if (!(e instanceof PSQLException psql) || psql.getServerErrorMessage() == null || e.getSQLState() == null) {
            return null;
        }
        ServerErrorMessage server = psql.getServerErrorMessage();
        String text = server.getMessage() == null ? "" : server.getMessage();
        Matcher m;
        switch (e.getSQLState()) {
            case "22001":
                m = TOO_LONG.matcher(text);
                return m.matches() ? m.group(1) : null;
            case "22003":
                m = OUT_OF_RANGE.matcher(text);
                if (m.matches()) {
                    return m.group(1);
                }
                m = PRECISION.matcher(server.getDetail() == null ? "" : server.getDetail());
                return m.find() ? "numeric(" + m.group(1) + "," + m.group(2) + ")" : null;
            case "22P02":
                if (text.startsWith("invalid input syntax for type json")) {
                    return "json";
                }
                m = ENUM_LABEL.matcher(text);
                return m.find() ? m.group(1) : null;
            default:
                return null;
        }
    }

    /**
     * What makes a key sent as {@code written} compare as its column does: a cast to the column's
     * type (with its modifier, which rounds numerics and times as storing does; without it for
     * text and bit strings, whose explicit cast would cut a value that storing refuses) and its
     * collation when not the type's own; {@code null} when sent and stored values compare alike.
     * An enum column's array is already cast to the enum.
     *
     * @param column base type name, base type kind, type name without modifier, declared type,
     *        array element type name, kind and OID, own type name, type modifier, collation when
     *        not the type's
     */
    private static String keyCast(String written, boolean enumCast, String[] column) {
        String base = column[0];
        String own = column[7];
        boolean modified = !"-1".equals(column[8]);
        String suffix = "";
        if (!enumCast && !(own.equals(written) && !modified)) {
            if (CUT_BY_CAST.contains(own)) {
                // text and varchar compare alike
                suffix = own.equals("varchar") && written.equals("text") ? "" : "::" + unlimited(own);
            } else if (CUT_BY_CAST.contains(base)) {
                // a domain over a length-limited type: its base type, unlimited
                suffix = "::" + unlimited(base);
            } else {
                suffix = "::" + column[3];
            }
        }
        if (column[9] != null) {
            suffix += " COLLATE " + column[9];
        }
        return suffix.isEmpty() ? null : suffix;
    }

    /** The type without a length: {@code bpchar} and {@code bit} without one would mean a length of 1. */
    private static String unlimited(String type) {
        return type.equals("bit") ? "varbit" : type;
    }

    private static boolean accepts(String written, String columnType, String typeKind, String elementType,
                                   String elementKind) {
        if (written.endsWith("[]")) {
            // an array is sent with its column's element type, whose binary input must read the elements
            String element = written.substring(0, written.length() - 2);
            return elementType != null && (element.equals(elementType) || element.equals("text")
                    && (TEXT_LIKE.contains(elementType) || "e".equals(elementKind)));
        }
        if (written.equals(columnType)) {
            return true;
        }
        // Text and enum constants go out as UTF-8, which every text type and enum type reads back;
        // jsonb's binary input is the same text after a version byte, which COPY writes for it.
        return written.equals("text") && (TEXT_LIKE.contains(columnType) || "e".equals(typeKind)
                || columnType.equals("jsonb"));
    }
}
