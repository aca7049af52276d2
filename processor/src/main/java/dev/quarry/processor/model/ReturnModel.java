package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * How a method's result is produced.
 *
 * @param shape the cardinality and container
 * @param row what each row is read into, or {@code null} for shapes that read no rows
 * @param type the declared return type
 */
public record ReturnModel(Shape shape, RowType row, TypeName type) {
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
        SET
    }

    public boolean readsRows() {
        return row != null;
    }
}
