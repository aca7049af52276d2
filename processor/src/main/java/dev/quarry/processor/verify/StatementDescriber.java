package dev.quarry.processor.verify;

import dev.quarry.processor.model.ScalarKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Asks PostgreSQL what it makes of a statement without executing it: pgjdbc's
 * {@code getMetaData()} and {@code getParameterMetaData()} on a prepared statement that never ran
 * send Parse and Describe only (no Bind, no Execute), so the server analyses the statement against
 * the schema and answers with its result columns and parameter types, or rejects it.
 *
 * <p>Everything runs on one connection in a read-only transaction that is rolled back after each
 * statement, so nothing is written and no lock outlives the statement.
 */
final class StatementDescriber {
    /**
     * One value bound to a {@code ?}, as the generated code binds it.
     *
     * @param kind the Java value's kind (the element's, for an array)
     * @param array whether a PostgreSQL array is bound
     * @param typed for an array of enums, whether it is sent as {@code text[]} (relation keys, UNNEST
     *     columns) rather than untyped, for PostgreSQL to read as whatever array it expects ({@code @Query} parameters)
     */
    record Bind(ScalarKind kind, boolean array, boolean typed) {
        static Bind value(ScalarKind kind) {
            return new Bind(kind, false, false);
        }

        static Bind array(ScalarKind kind) {
            return new Bind(kind, true, false);
        }

        static Bind typedArray(ScalarKind kind) {
            return new Bind(kind, true, true);
        }
    }

    /** A result column: its label, canonical type, whether that type (or its element) is an enum, and its JDBC nullability. */
    record Column(String label, String type, boolean isEnum, int nullable) {
        boolean canBeNull() {
            return nullable == ResultSetMetaData.columnNullable;
        }
    }

    /** A parameter's type as PostgreSQL inferred it; {@code isEnum} when it (or its element) is an enum. */
    record Parameter(String type, boolean isEnum) {}

    sealed interface Outcome {}

    record Described(List<Column> columns, List<Parameter> parameters) implements Outcome {}

    /**
     * PostgreSQL's refusal.
     *
     * @param message its message, with the hint when there is one
     * @param position the 1-based character position in the text it parsed, 0 when it gave none
     */
    record Rejected(String message, int position) implements Outcome {}

    /** The key columns of each unique, non-partial index of a table, in index order. */
    record UniqueKeys(List<List<String>> keys) implements Outcome {}

    /** A table's columns by name, in table order; their {@code nullable} is unknown. */
    record TableColumns(Map<String, Column> columns) implements Outcome {}

    private static final String ENUMS_SQL = "SELECT typname FROM pg_type WHERE typtype = 'e'";
    private static final String UNIQUE_KEYS_SQL = "SELECT array_agg(a.attname::text ORDER BY k.ord)"
            + " FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL"
            + " AND k.ord <= i.indnkeyatts GROUP BY i.indexrelid ORDER BY i.indexrelid";
    private static final String COLUMNS_SQL = "SELECT a.attname, coalesce(b.typname, t.typname),"
            + " coalesce(b.typtype, t.typtype) = 'e'"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private final Connection connection;
    private Set<String> enums;

    StatementDescriber(Connection connection) {
        this.connection = connection;
    }

    /**
     * Describes {@code sql} with {@code binds} bound as the generated code binds them, so PostgreSQL
     * resolves operators and casts against the types the runtime really sends; with {@code binds}
     * {@code null}, every parameter is left for PostgreSQL to infer.
     */
    Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (binds != null) {
                for (int i = 0; i < binds.size(); i++) {
                    bind(statement, i + 1, binds.get(i));
                }
            }
            List<Parameter> parameters = new ArrayList<>();
            ParameterMetaData parameterData = statement.getParameterMetaData();
            for (int i = 1; i <= parameterData.getParameterCount(); i++) {
                String type = TypeCompatibility.canonical(parameterData.getParameterTypeName(i));
                parameters.add(new Parameter(type, isEnum(element(type))));
            }
            List<Column> columns = new ArrayList<>();
            ResultSetMetaData resultData = statement.getMetaData();
            for (int i = 1; resultData != null && i <= resultData.getColumnCount(); i++) {
                String type = TypeCompatibility.canonical(resultData.getColumnTypeName(i));
                columns.add(new Column(resultData.getColumnLabel(i), type, isEnum(element(type)),
                        resultData.isNullable(i)));
            }
            return new Described(List.copyOf(columns), List.copyOf(parameters));
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    /** The unique keys of {@code table} (SQL text, as {@code ::regclass} reads it), or its rejection. */
    Outcome uniqueKeys(String table) throws VerificationUnavailable {
        try (PreparedStatement statement = connection.prepareStatement(UNIQUE_KEYS_SQL)) {
            statement.setString(1, table);
            List<List<String>> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(List.of((String[]) rows.getArray(1).getArray()));
                }
            }
            return new UniqueKeys(List.copyOf(keys));
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    /** The columns of {@code table} with their types (a domain as its base type), or its rejection. */
    Outcome tableColumns(String table) throws VerificationUnavailable {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
            statement.setString(1, table);
            Map<String, Column> columns = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            ResultSetMetaData.columnNullableUnknown));
                }
            }
            return new TableColumns(columns);
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    /** {@code int4} for {@code _int4}, the name itself for a type that is no array. */
    private static String element(String type) {
        return type.startsWith("_") ? type.substring(1) : type;
    }

    boolean isEnum(String canonicalType) throws VerificationUnavailable {
        if (enums == null) {
            Set<String> names = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(ENUMS_SQL);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new VerificationUnavailable("reading the enum types failed: " + e.getMessage(), e);
            } finally {
                rollback();
            }
            enums = names;
        }
        return enums.contains(canonicalType);
    }

    /** The same JDBC call the generated code makes (ColumnCode, Binders), with a placeholder value. */
    private void bind(PreparedStatement statement, int index, Bind bind) throws SQLException {
        ScalarKind kind = bind.kind();
        if (bind.array()) {
            if (kind == ScalarKind.ENUM && !bind.typed()) {
                statement.setObject(index, "{}", Types.OTHER);
            } else {
                statement.setArray(index, connection.createArrayOf(kind.arrayElementType(), new Object[0]));
            }
            return;
        }
        switch (kind) {
            case INT -> statement.setInt(index, 0);
            case LONG -> statement.setLong(index, 0L);
            case SHORT -> statement.setShort(index, (short) 0);
            case DOUBLE -> statement.setDouble(index, 0d);
            case FLOAT -> statement.setFloat(index, 0f);
            case BOOLEAN -> statement.setBoolean(index, false);
            case STRING -> statement.setString(index, "");
            case DECIMAL -> statement.setBigDecimal(index, BigDecimal.ZERO);
            case BYTES -> statement.setBytes(index, new byte[0]);
            case INSTANT, OFFSET_DATE_TIME -> statement.setObject(index, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0,
                    ZoneOffset.UTC));
            case LOCAL_DATE -> statement.setObject(index, LocalDate.of(2000, 1, 1));
            case LOCAL_DATE_TIME -> statement.setObject(index, LocalDateTime.of(2000, 1, 1, 0, 0));
            case UUID -> statement.setObject(index, new UUID(0, 0));
            case ENUM -> statement.setObject(index, "A", Types.OTHER);
            // an array of values is described by its elements' kind (Bind.array); nothing binds as ARRAY itself
            case ARRAY -> statement.setNull(index, Types.OTHER);
        }
    }

    /** A statement PostgreSQL refused; a broken connection is no statement's fault and stops verification. */
    private Rejected rejected(SQLException e) throws VerificationUnavailable {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        if (server == null || (state != null && state.startsWith("08"))) {
            throw new VerificationUnavailable(e.getMessage(), e);
        }
        String message = server.getMessage();
        if (server.getDetail() != null) {
            message += " (" + server.getDetail() + ")";
        }
        if (server.getHint() != null) {
            String hint = server.getHint();
            message += "; hint: " + (hint.endsWith(".") ? hint.substring(0, hint.length() - 1) : hint);
        }
        return new Rejected(message, server.getPosition());
    }

    private void rollback() throws VerificationUnavailable {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new VerificationUnavailable(e.getMessage(), e);
        }
    }
}
