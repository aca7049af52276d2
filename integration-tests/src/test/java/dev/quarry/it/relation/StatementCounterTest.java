package dev.quarry.it.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts the relation tests rely on: every execution through the wrapper, and nothing else. */
@PostgresTest
class StatementCounterTest {
    @Test
    void countsEachExecutionWithItsSqlAndBoundArrays(TestDatabase db) throws SQLException {
        StatementCounter counter = new StatementCounter(db.dataSource());
        String any = "SELECT count(*) FROM generate_series(1, 10) g WHERE g = ANY(?)";
        try (Connection conn = counter.dataSource().getConnection()) {
            try (PreparedStatement stmt = conn.prepareStatement(any)) {
                stmt.setArray(1, conn.createArrayOf("int8", new Object[] {1L, 2L, 3L}));
                try (ResultSet rs = stmt.executeQuery()) {
                    rs.next();
                    // the statement really ran on PostgreSQL
                    assertEquals(3, rs.getLong(1));
                }
                stmt.setArray(1, stmt.getConnection().createArrayOf("int8", new Object[] {4L}));
                stmt.executeQuery().close();
            }
            try (Statement stmt = conn.createStatement()) {
                stmt.execute("SELECT 1");
            }
        }
        assertEquals(List.of(new StatementCounter.Execution(any, List.of(3)),
                new StatementCounter.Execution(any, List.of(1)),
                new StatementCounter.Execution("SELECT 1", List.of())), counter.executions());
        assertEquals(1, counter.connections());
        counter.reset();
        assertEquals(0, counter.count());
    }
}
