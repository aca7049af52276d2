package dev.quarry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@PostgresTest
class TestDatabaseTest {

    @Test
    void executeAndQueryLong(TestDatabase db) {
        db.execute("create table numbers (n bigint)");
        db.execute("insert into numbers values (40), (2)");
        assertEquals(42, db.queryLong("select sum(n) from numbers"));
        assertEquals(5_000_000_000L, db.queryLong("select 5000000000"));
    }

    @Test
    void scriptWithTwoStatementsRunsBoth(TestDatabase db) {
        db.execute("create table pair (id int primary key); insert into pair values (1), (2), (3);");
        assertEquals(3, db.queryLong("select count(*) from pair"));
    }

    @Test
    void executeResourceRunsClasspathScript(TestDatabase db) {
        db.executeResource("dev/quarry/testing/two-tables.sql");
        assertEquals(2, db.queryLong("select count(*) from books b join authors a on a.id = b.author_id"));
    }

    @Test
    void missingResourceIsReported(TestDatabase db) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.executeResource("/no/such.sql"));
        assertTrue(e.getMessage().contains("/no/such.sql"), e.getMessage());
    }

    @Test
    void failingSqlBecomesIllegalStateWithTheSql(TestDatabase db) {
        String sql = "insert into no_such_table values (1)";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.execute(sql));
        assertTrue(e.getMessage().contains(sql), e.getMessage());
        assertEquals("42P01", ((SQLException) e.getCause()).getSQLState()); // undefined_table
    }

    @Test
    void queryLongRejectsNullAndEmptyResults(TestDatabase db) {
        assertThrows(IllegalStateException.class, () -> db.queryLong("select null::bigint"));
        assertThrows(IllegalStateException.class, () -> db.queryLong("select 1 where false"));
    }

    @Test
    void dataSourceIsPlainPgjdbcForThisDatabase(TestDatabase db) throws SQLException {
        PGSimpleDataSource dataSource = assertInstanceOf(PGSimpleDataSource.class, db.dataSource());
        assertEquals(db.name(), dataSource.getDatabaseName());
        assertTrue(dataSource.getURL().startsWith(db.url()), dataSource.getURL());
        assertEquals(db.name(), Jdbc.queryString(dataSource, "select current_database()"));
        assertEquals(db.user(), Jdbc.queryString(dataSource, "select current_user"));
        try (var connection = dataSource.getConnection()) {
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void serverIsPostgres17(TestDatabase db) {
        assertEquals(17, db.queryLong("select current_setting('server_version_num')::int / 10000"));
        if (System.getenv("QUARRY_TEST_URL") == null) {
            assertEquals(300, db.queryLong("select current_setting('max_connections')::int"));
            assertEquals(0, db.queryLong("select (current_setting('fsync') = 'on')::int"));
        }
    }
}
