package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.ForeignKeyViolationException;
import dev.quarry.runtime.NotNullViolationException;
import dev.quarry.runtime.QueryTimeoutException;
import dev.quarry.runtime.SerializationFailureException;
import dev.quarry.runtime.UniqueViolationException;
import java.sql.SQLException;

/** Maps a driver {@link SQLException} to the {@link DataException} subclass its SQLSTATE names. */
public final class SqlErrors {
    private SqlErrors() {}

    public static DataException translate(SQLException e, String method, String sql) {
        return translate(e, method, sql, e.getMessage());
    }

    /** As {@link #translate(SQLException, String, String)}, with {@code text} in place of the driver's message. */
    static DataException translate(SQLException e, String method, String sql, String text) {
        DataException failure = map(e, method, sql, text);
        // the first failure of a transaction aborts it; its commit, refused later, names this one
        Transaction.failed(failure);
        return failure;
    }

    private static DataException map(SQLException e, String method, String sql, String text) {
        String state = e.getSQLState();
        String message = (method == null ? "" : method + ": ")
                + text + causes(e)
                + (state == null ? "" : " [SQLSTATE " + state + "]")
                + (sql == null ? "" : "\n  SQL: " + sql);
        if (state == null) {
            return new DataException(message, null, sql, method, e);
        }
        switch (state) {
            case "23505":
                return new UniqueViolationException(message, state, sql, method, e);
            case "23503":
                return new ForeignKeyViolationException(message, state, sql, method, e);
            case "23502":
                return new NotNullViolationException(message, state, sql, method, e);
            case "57014":
                return new QueryTimeoutException(message, state, sql, method, e);
            case "40001":
            case "40P01":
                return new SerializationFailureException(message, state, sql, method, e);
            default:
                return new DataException(message, state, sql, method, e);
        }
    }

    /**
     * What the driver wrapped: "Unable to bind parameter values" says nothing of the bind message
     * being over PostgreSQL's 1 GB limit, which only its cause does. Wrapped SQLExceptions are the
     * same failure told again, and left out.
     */
    private static String causes(SQLException e) {
        StringBuilder text = new StringBuilder();
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 10; depth++, c = c.getCause()) {
            if (!(c instanceof SQLException) && c.getMessage() != null && !c.getMessage().isEmpty()) {
                text.append("\n  Cause: ").append(c.getMessage());
            }
        }
        return text.toString();
    }

    /** True for failures that running the whole transaction again may cure. */
    public static boolean isRetryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SerializationFailureException) {
                return true;
            }
            if (c instanceof SQLException) {
                String state = ((SQLException) c).getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
