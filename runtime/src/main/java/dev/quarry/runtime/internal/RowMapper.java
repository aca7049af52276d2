package dev.quarry.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result set; generated for streaming methods. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
