package dev.quarry.runtime.internal;

import java.sql.SQLException;

/**
 * Writes every column of one record to a {@link ColumnSink}, in the order of the bulk statement's
 * column list. Generated once per bulk method as a constant:
 *
 * <pre>{@code
 * private static final RowWriter<Order> INSERT_ORDERS_ROW = (_row, _out) -> {
 *     _out.writeLong(_row.id());
 *     _out.writeDecimal(_row.total());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface RowWriter<T> {
    void write(T row, ColumnSink out) throws SQLException;
}
