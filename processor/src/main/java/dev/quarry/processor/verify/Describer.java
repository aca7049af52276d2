package dev.quarry.processor.verify;

import dev.quarry.processor.model.ScalarKind;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL makes of a statement, asked of a live database ({@link StatementDescriber}) or
 * of a snapshot of earlier answers ({@link CachedDescriber}).
 */
interface Describer {
    /**
     * Describes {@code sql} with {@code binds} bound as the generated code binds them, so PostgreSQL
     * resolves operators and casts against the types the runtime really sends; with {@code binds}
     * {@code null}, every parameter is left for PostgreSQL to infer.
     */
    Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable;

    /** The unique keys of {@code table} (SQL text, as {@code ::regclass} reads it), or its rejection. */
    Outcome uniqueKeys(String table) throws VerificationUnavailable;

    /** The columns of {@code table} with their types (a domain as its base type), or its rejection. */
    Outcome tableColumns(String table) throws VerificationUnavailable;

    /** The labels of enum type {@code type} (canonical, as a column or parameter shows it), in order, or its rejection. */
    Outcome enumLabels(String type) throws VerificationUnavailable;

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

    /**
     * A result column.
     *
     * @param label its label
     * @param type its canonical type
     * @param isEnum whether that type (or its element) is an enum
     * @param nullable its JDBC nullability: that of the table column it is, unknown for an expression
     * @param outerJoined whether it comes from the side of an outer join that may have no row
     */
    record Column(String label, String type, boolean isEnum, int nullable, boolean outerJoined) {
        /** Whether the table column it reads is nullable. */
        boolean canBeNull() {
            return nullable == ResultSetMetaData.columnNullable;
        }
    }

    /** A parameter's type as PostgreSQL inferred it; {@code isEnum} when it (or its element) is an enum. */
    record Parameter(String type, boolean isEnum) {}

    /** An answer. */
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

    /** An enum type's labels, in their sort order. */
    record EnumLabels(List<String> labels) implements Outcome {}

    /** A snapshot without an answer for the question: it was taken before the statement changed. */
    record NotInSnapshot() implements Outcome {}
}
