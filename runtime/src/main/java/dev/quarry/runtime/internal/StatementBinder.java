package dev.quarry.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one element's values to a statement of a {@code @Batch} method; generated. */
@FunctionalInterface
public interface StatementBinder<T> {
    void bind(PreparedStatement stmt, T row) throws SQLException;
}
