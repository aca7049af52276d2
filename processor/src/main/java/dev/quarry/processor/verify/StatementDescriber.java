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
import java.util.Properties;
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
final class StatementDescriber implements Describer {
    private static final String ENUMS_SQL = "SELECT typname FROM pg_type WHERE typtype = 'e'";
    private static final String UNIQUE_KEYS_SQL = "SELECT array_agg(a.attname::text ORDER BY k.ord)"
            + " FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = ?::regclass AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL"
            + " AND k.ord <= i.indnkeyatts GROUP BY i.indexrelid ORDER BY i.indexrelid";
    private static final String ENUM_LABELS_SQL =
            "SELECT enumlabel FROM pg_enum WHERE enumtypid = ?::regtype ORDER BY enumsortorder";
    private static final String COLUMNS_SQL = "SELECT a.attname, coalesce(b.typname, t.typname),"
            + " coalesce(b.typtype, t.typtype) = 'e' OR coalesce(e.typtype, '') = 'e'"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype"
            // an array's element, so that an array of enums is known as one (Column.isEnum)
            + " LEFT JOIN pg_type e ON coalesce(b.typcategory, t.typcategory) = 'A' AND e.oid = coalesce(b.typelem, t.typelem)"
            + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    /** Opens a connection like the first, with extra properties. */
    interface Connector {
        Connection open(Properties extra) throws SQLException;
    }

    private final Connection connection;
    private final Connector connector;
    /** A second connection, in simple query mode, for plans; opened when first needed. */
    private Connection simple;
    private Set<String> enums;

    StatementDescriber(Connection connection, Connector connector) {
        this.connection = connection;
        this.connector = connector;
    }

    @Override
    public Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable {
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
            int count = resultData == null ? 0 : resultData.getColumnCount();
            Set<Integer> outerJoined = count > 0 && OuterJoins.mayHave(sql) ? outerJoined(sql, count) : Set.of();
            for (int i = 1; i <= count; i++) {
                String type = TypeCompatibility.canonical(resultData.getColumnTypeName(i));
                columns.add(new Column(resultData.getColumnLabel(i), type, isEnum(element(type)),
                        resultData.isNullable(i), outerJoined.contains(i - 1)));
            }
            return new Described(List.copyOf(columns), List.copyOf(parameters));
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    @Override
    public Outcome uniqueKeys(String table) throws VerificationUnavailable {
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

    @Override
    public Outcome enumLabels(String type) throws VerificationUnavailable {
        try (PreparedStatement statement = connection.prepareStatement(ENUM_LABELS_SQL)) {
            statement.setString(1, type);
            List<String> labels = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    labels.add(rows.getString(1));
                }
            }
            return new EnumLabels(List.copyOf(labels));
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    @Override
    public Outcome tableColumns(String table) throws VerificationUnavailable {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
            statement.setString(1, table);
            Map<String, Column> columns = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), new Column(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                            ResultSetMetaData.columnNullableUnknown, false));
                }
            }
            return new TableColumns(columns);
        } catch (SQLException e) {
            return rejected(e);
        } finally {
            rollback();
        }
    }

    /**
     * The result columns an outer join may leave NULL, from the statement's plan; none when the
     * plan cannot be had (a server before PostgreSQL 16, a parameter whose type only a value tells).
     */
    private Set<Integer> outerJoined(String sql, int count) {
        String sent = SqlLocation.nativeSql(sql);
        if (sent == null) {
            return Set.of();
        }
        try {
            if (simple == null) {
                Properties properties = new Properties();
                properties.setProperty("preferQueryMode", "simple");
                simple = connector.open(properties);
                simple.setAutoCommit(false);
                simple.setReadOnly(true);
            }
            try {
                return OuterJoins.nullable(simple, sent, count);
            } finally {
                simple.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            return Set.of();
        }
    }

    /** Closes the connection for plans, if one was opened; the caller owns the other. */
    void close() {
        try {
            if (simple != null) {
                simple.close();
            }
        } catch (SQLException e) {
            // the server drops it when it stops, or when the JVM exits
        }
    }

    /** {@code int4} for {@code _int4}, the name itself for a type that is no array. */
    private static String element(String type) {
        return type.startsWith("_") ? type.substring(1) : type;
    }

    private boolean isEnum(String canonicalType) throws VerificationUnavailable {
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
            case DURATION -> statement.setObject(index, new org.postgresql.util.PGInterval());
            case ENUM -> statement.setObject(index, "A", Types.OTHER);
            // an array of values is described by its elements' kind (Bind.array); nothing binds as ARRAY itself
            case ARRAY -> statement.setNull(index, Types.OTHER);
        }
    }

    /**
     * A statement PostgreSQL refused; a broken connection is no statement's fault and stops
     * verification.
     */
    private Rejected rejected(SQLException e) throws VerificationUnavailable {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        if ((server == null && state == null) || (state != null && state.startsWith("08"))) {
            throw new VerificationUnavailable(e.getMessage(), e);
        }
        if (server == null) {
            // pgjdbc refused before the server saw it (a parameter it did not expect): the statement
            // Quarry sent is at fault, which is reported on its method
            throw new IllegalStateException(e.getMessage(), e);
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
