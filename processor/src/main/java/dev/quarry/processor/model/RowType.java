package dev.quarry.processor.model;

/** What one result row is read into: a single column's scalar, or a record of columns. */
public sealed interface RowType {
    record Scalar(ScalarType type) implements RowType {}

    record Record(RecordModel model) implements RowType {}
}
