package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * How a method's result is produced.
 *
 * @param shape the cardinality and container
 * @param row what each row is read into, or {@code null} for shapes that read no rows
 * @param type the declared return type
 * @param fetchSize rows per cursor fetch for the stream shapes, 0 otherwise
 */
public record ReturnModel(Shape shape, RowType row, TypeName type, int fetchSize) {
    /** Rows per fetch when a streaming method does not say. */
    public static final int DEFAULT_FETCH_SIZE = 1000;

    public enum Shape {
        /** Nothing; the statement is executed. */
        VOID,
        /** Affected rows as {@code int}. */
        UPDATE_COUNT_INT,
        /** Affected rows as {@code long}. */
        UPDATE_COUNT_LONG,
        /** Exactly one row. */
        ONE,
        /** Zero or one row. */
        OPTIONAL,
        /** Any number of rows, in order. */
        LIST,
        /** Any number of rows, in order, without duplicates. */
        SET,
        /** Rows read lazily from a server-side cursor. */
        STREAM,
        /** Rows read lazily from a server-side cursor, in lists of the fetch size. */
        STREAM_PARTITIONS,
        /** One page of rows by number, with the total ({@code Page<R>}). */
        PAGE,
        /** One page of rows after a cursor ({@code CursoredPage<R>}). */
        CURSORED_PAGE;

        public boolean streams() {
            return this == STREAM || this == STREAM_PARTITIONS;
        }
    }

    public boolean readsRows() {
        return row != null;
    }
}
