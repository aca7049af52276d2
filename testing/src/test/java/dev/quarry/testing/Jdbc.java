package dev.quarry.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Plain JDBC for assertions that TestDatabase itself does not offer (string results). */
final class Jdbc {

    private Jdbc() {
    }

    static String queryString(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no rows: " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** Counts pg_database rows; pg_database is a shared catalog, so any database on the server can see it. */
    static long databasesNamed(TestDatabase seenFrom, String name) {
        return seenFrom.queryLong("select count(*) from pg_database where datname = '" + name.replace("'", "''") + "'");
    }
}
