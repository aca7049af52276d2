package dev.quarry.processor.sql;

import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.KeyedWriteModel;
import dev.quarry.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements of bulk writes, written once at compile time from a table and its columns.
 * Names are quoted only where PostgreSQL needs it (upper case, odd characters, reserved words),
 * so the SQL in logs reads as a person would write it.
 */
public final class BulkSql {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's reserved key words (Appendix C), which cannot be column or table names unquoted. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only",
            "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
            "with");

    private BulkSql() {}

    /** A column name as SQL text: {@code total}, {@code "order"}, {@code "Total"}. */
    public static String identifier(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A {@code @Table} name as SQL text; {@code billing.invoices} names a schema. Already quoted text is kept. */
    public static String table(String table) {
        if (table.indexOf('"') >= 0) {
            return table;
        }
        List<String> parts = new ArrayList<>();
        for (String part : table.split("\\.", -1)) {
            parts.add(identifier(part));
        }
        return String.join(".", parts);
    }

    /** {@code COPY t (a, b) FROM STDIN (FORMAT binary)}. */
    public static String copy(String table, List<ComponentModel> columns) {
        return "COPY " + table(table) + " (" + names(columns) + ") FROM STDIN (FORMAT binary)";
    }

    /** {@code INSERT INTO t (a, b) VALUES }: what every row template follows. */
    public static String valuesPrefix(String table, List<ComponentModel> columns) {
        return "INSERT INTO " + table(table) + " (" + names(columns) + ") VALUES ";
    }

    /** {@code (?, ?)}: one row's parameters. */
    public static String valuesRow(int columns) {
        return "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
    }

    /**
     * {@code INSERT INTO t (a, b) SELECT * FROM unnest(?::int8[], ?::text[])}; with
     * {@code returning}, the unnested rows are numbered and inserted in that order, so the
     * RETURNING rows come back in input order.
     */
    public static String unnestInsert(String table, List<ComponentModel> columns, List<String> returning) {
        return "INSERT INTO " + table(table) + " (" + names(columns) + ") "
                + unnestSelect(columns, !returning.isEmpty()) + returningClause(returning);
    }

    /**
     * The UNNEST insert with {@code ON CONFLICT (conflict) DO UPDATE SET c = EXCLUDED.c, …,
     * t = now()}, or {@code DO NOTHING} when there is nothing to update. Touch columns take
     * {@code now()} on insert as well.
     *
     * <p>The statement keeps one row per key itself ({@code SELECT DISTINCT ON (u.email) … ORDER
     * BY u.email, u._ord DESC}: the last one sent), since keys that differ in Java can be one key
     * once PostgreSQL stores them ({@code 1.001} and {@code 1.004} in a {@code numeric(10,2)}), and
     * proposing a key twice fails with SQLSTATE 21000. Its rows come out in PostgreSQL's key order,
     * the order in which concurrent upserts take their row locks. A key with a NULL never conflicts,
     * so such rows are kept apart by their row number. The runtime casts the key expressions
     * ({@link #upsertKeys}) to the column types where they differ from what is sent.
     */
    public static String upsert(String table, List<ComponentModel> columns, List<ComponentModel> conflict,
                                List<ComponentModel> update, List<ComponentModel> touch, boolean doNothing,
                                List<String> returning) {
        List<ComponentModel> sent = columns.stream().filter(c -> !touch.contains(c)).toList();
        String ordinality = "u." + identifier(ordinalityName(columns));
        List<String> keys = new ArrayList<>(upsertKeys(conflict));
        List<String> nullTests = conflict.stream().filter(c -> !c.type().primitive())
                .map(c -> "u." + identifier(c.column()) + " IS NULL").toList();
        if (!nullTests.isEmpty()) {
            keys.add("CASE WHEN " + String.join(" OR ", nullTests) + " THEN " + ordinality + " END");
        }
        List<String> select = new ArrayList<>();
        for (ComponentModel c : columns) {
            select.add(touch.contains(c) ? "now()" : "u." + identifier(c.column()) + listCast(c));
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table(table)).append(" (").append(names(columns))
                .append(") SELECT DISTINCT ON (").append(String.join(", ", keys)).append(") ")
                .append(String.join(", ", select)).append(" FROM ").append(unnestArrays(sent, Map.of()))
                .append(" WITH ORDINALITY AS u(").append(names(sent)).append(", ").append(ordinalityName(columns))
                .append(") ORDER BY ").append(String.join(", ", keys)).append(", ").append(ordinality).append(" DESC")
                .append(" ON CONFLICT (").append(names(conflict)).append(")");
        List<String> sets = new ArrayList<>();
        if (!doNothing) {
            for (ComponentModel c : update) {
                sets.add(identifier(c.column()) + " = EXCLUDED." + identifier(c.column()));
            }
            for (ComponentModel c : touch) {
                sets.add(identifier(c.column()) + " = now()");
            }
        }
        sql.append(sets.isEmpty() ? " DO NOTHING" : " DO UPDATE SET " + String.join(", ", sets));
        return sql.append(returningClause(returning)).toString();
    }

    /**
     * {@code UPDATE t AS t SET a = u.a, …, version = t.version + 1 FROM unnest(…) AS u(a, …, id, version)
     * WHERE t.id = u.id AND t.version = u.version}: what it wrote is told by its count, against the
     * rows the {@linkplain #keyLock lock} found.
     */
    public static String keyedUpdate(String table, List<ComponentModel> sent, List<ComponentModel> set,
                                     ComponentModel id, ComponentModel version) {
        return keyedUpdate(table, sent, set, id, version, List.of());
    }

    /** {@link #keyedUpdate}, returning the id and then the columns of {@code returned}, as updated, when there are any. */
    public static String keyedUpdate(String table, List<ComponentModel> sent, List<ComponentModel> set,
                                     ComponentModel id, ComponentModel version, List<ComponentModel> returned) {
        List<String> sets = new ArrayList<>();
        for (ComponentModel c : set) {
            sets.add(identifier(c.column()) + " = u." + identifier(c.column()) + listCast(c));
        }
        if (version != null) {
            sets.add(identifier(version.column()) + " = t." + identifier(version.column()) + " + 1");
        }
        return "UPDATE " + table(table) + " AS t SET " + String.join(", ", sets) + " FROM " + unnestArrays(sent, Map.of())
                + " AS u(" + names(sent) + ") WHERE " + keyMatch(id, version)
                + (returned.isEmpty() ? "" : " RETURNING " + returnedId(id)
                        + returned.stream().map(c -> ", t." + identifier(c.column())).collect(Collectors.joining()));
    }

    /** {@code DELETE FROM t AS t USING unnest(…) AS u(id, version) WHERE t.id = u.id AND t.version = u.version}. */
    public static String keyedDelete(String table, List<ComponentModel> sent, ComponentModel id, ComponentModel version) {
        return "DELETE FROM " + table(table) + " AS t USING " + unnestArrays(sent, Map.of()) + " AS u(" + names(sent)
                + ") WHERE " + keyMatch(id, version);
    }

    /** The UPDATE or DELETE of an {@code @Update}/{@code @Delete} method, returning the rows as updated when it returns them. */
    public static String keyed(KeyedWriteModel method) {
        String table = method.record().table();
        return method.kind() == KeyedWriteModel.Kind.UPDATE
                ? keyedUpdate(table, method.sent(), method.set(), method.id(), method.version(),
                        method.result() == KeyedWriteModel.Result.LIST ? method.record().components() : List.of())
                : keyedDelete(table, method.sent(), method.id(), method.version());
    }

    /**
     * {@code SELECT id::int8, version::int8 FROM t WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE}: a
     * chunk's rows locked in key order, with the version each has, so the ids without a row and the
     * stale ones are known before the write. An update takes the lock its own {@code UPDATE} would
     * (rows referencing these stay insertable meanwhile); a delete takes {@code FOR UPDATE}, as
     * {@code DELETE} does.
     */
    public static String keyLock(KeyedWriteModel method) {
        String table = method.record().table();
        String column = identifier(method.id().column());
        return "SELECT " + column + "::" + writtenAs(method.id())
                + (method.version() == null ? "" : ", " + identifier(method.version().column()) + "::int8")
                + " FROM " + table(table) + " WHERE " + column + " = ANY(?) ORDER BY " + column
                + (method.kind() == KeyedWriteModel.Kind.UPDATE ? " FOR NO KEY UPDATE" : " FOR UPDATE");
    }

    /** {@code SELECT id::int8 FROM t WHERE id = ANY(?)}: which of the ids not written have a row. */
    public static String keyExisting(String table, ComponentModel id) {
        String column = identifier(id.column());
        return "SELECT " + column + "::" + writtenAs(id) + " FROM " + table(table) + " WHERE " + column + " = ANY(?)";
    }

    private static String keyMatch(ComponentModel id, ComponentModel version) {
        String match = "t." + identifier(id.column()) + " = u." + identifier(id.column());
        return version == null ? match
                : match + " AND t." + identifier(version.column()) + " = u." + identifier(version.column());
    }

    private static String returnedId(ComponentModel id) {
        return "t." + identifier(id.column()) + "::" + writtenAs(id);
    }

    /** {@code u.email}: the key expressions an upsert's DISTINCT ON and ORDER BY start with, one per conflict column. */
    public static List<String> upsertKeys(List<ComponentModel> conflict) {
        return conflict.stream().map(c -> "u." + identifier(c.column())).toList();
    }

    /**
     * {@code SELECT * FROM unnest(…)} when every column comes from its array as is; otherwise the
     * select list names them, casting list literals back to arrays, with input order kept by
     * ordinality when rows are returned.
     */
    private static String unnestSelect(List<ComponentModel> columns, boolean ordered) {
        String unnest = unnestArrays(columns, Map.of());
        boolean lists = columns.stream().anyMatch(c -> c.type().kind() == ScalarKind.ARRAY);
        if (!ordered && !lists) {
            return "SELECT * FROM " + unnest;
        }
        List<String> select = columns.stream().map(c -> "u." + identifier(c.column()) + listCast(c)).toList();
        String sql = "SELECT " + String.join(", ", select) + " FROM " + unnest;
        if (ordered) {
            String ordinality = ordinalityName(columns);
            return sql + " WITH ORDINALITY AS u(" + names(columns) + ", " + ordinality + ") ORDER BY u." + ordinality;
        }
        return sql + " AS u(" + names(columns) + ")";
    }

    /**
     * {@code unnest(?::int8[], ?::text[])}: one array parameter per column, typed as its component
     * is written (a list column's array holds each row's array literal as text); a column named in {@code enumCasts} has its text array cast on to that enum type's
     * array ({@code ?::text[]::mood[]}), which the runtime does once it has seen the catalog.
     */
    public static String unnestArrays(List<ComponentModel> columns, Map<String, String> enumCasts) {
        return columns.stream()
                .map(c -> c.type().kind() == ScalarKind.ARRAY ? "?::text[]" : "?::" + writtenAs(c) + "[]"
                        + (enumCasts.containsKey(c.column()) ? "::" + enumCasts.get(c.column()) + "[]" : ""))
                .collect(Collectors.joining(", ", "unnest(", ")"));
    }

    /**
     * The type a column's value is sent as: its kind's ({@code int8}, {@code text}), or for a
     * {@code List} its element's array ({@code int8[]}), which UNNEST sends as one literal per row.
     */
    public static String writtenAs(ComponentModel c) {
        return c.type().kind() == ScalarKind.ARRAY ? c.type().element().kind().arrayElementType() + "[]"
                : c.type().kind().arrayElementType();
    }

    /**
     * A list arrives as its array literal's text (see {@link #unnestArrays}); {@code ::int8[]} reads
     * it back into an array, one per row.
     */
    private static String listCast(ComponentModel c) {
        return c.type().kind() == ScalarKind.ARRAY ? "::" + writtenAs(c) : "";
    }

    /** A name for the row number that no column already has. */
    private static String ordinalityName(List<ComponentModel> columns) {
        String name = "_ord";
        while (true) {
            String candidate = name;
            if (columns.stream().noneMatch(c -> c.column().equals(candidate))) {
                return candidate;
            }
            name = "_" + name;
        }
    }

    private static String returningClause(List<String> returning) {
        if (returning.isEmpty()) {
            return "";
        }
        return " RETURNING " + returning.stream().map(BulkSql::identifier).collect(Collectors.joining(", "));
    }

    private static String names(List<ComponentModel> columns) {
        return columns.stream().map(c -> identifier(c.column())).collect(Collectors.joining(", "));
    }
}
