package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What a bulk method returns.
 *
 * @param shape the kind of result
 * @param type the declared return type
 * @param returning the returned columns in RETURNING order, empty unless {@code shape} is LIST or ONE
 * @param row what each returned row is read into, {@code null} unless {@code shape} is LIST or ONE
 */
public record BulkResult(Shape shape, TypeName type, List<String> returning, RowType row) {
    public enum Shape {
        VOID,
        /** Rows written (or affected) as {@code int}. */
        INT,
        /** Rows written (or affected) as {@code long}. */
        LONG,
        /** The RETURNING rows, in input order. */
        LIST,
        /** The one RETURNING row of a single-record insert, as a scalar or a record. */
        ONE;

        /** Whether the statement has a RETURNING clause whose rows are read. */
        public boolean returnsRows() {
            return this == LIST || this == ONE;
        }
    }
}
