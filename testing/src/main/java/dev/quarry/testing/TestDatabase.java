package dev.quarry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One database on a {@link PostgresServer}, usually a fresh one per test class.
 *
 * <pre>{@code
 * @PostgresTest
 * class UserRepositoryTest {
 *     static Database db;
 *
 *     @BeforeAll
 *     static void open(TestDatabase database) {
 *         database.executeResource("schema.sql");
 *         db = Database.of(database.dataSource());
 *     }
 *
 *     @Test
 *     void findsByName(TestDatabase database) {
 *         database.execute("insert into users (name) values ('ann')");
 *         UserRepository users = db.repository(UserRepository.class);
 *         assertEquals("ann", users.findByName("ann").orElseThrow().name());
 *     }
 * }
 * }</pre>
 */
public final class TestDatabase {

    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** The database name, e.g. {@code userrepositorytest_3_k2x9}. */
    public String name() {
        return name;
    }

    /** JDBC URL of this database, without credentials. */
    public String url() {
        return server.jdbcUrl(name);
    }

    /** User name to connect with. */
    public String user() {
        return server.user();
    }

    /** Password to connect with. */
    public String password() {
        return server.password();
    }

    /**
     * A plain, non-pooled pgjdbc {@code PGSimpleDataSource} for this database: every {@code getConnection()}
     * opens a new connection. A new instance per call, so callers may configure it freely.
     */
    public DataSource dataSource() {
        return server.dataSource(name);
    }

    /**
     * Runs {@code sql} on one connection in auto-commit mode. It may hold several statements separated by
     * {@code ;}, so whole schema scripts work.
     *
     * @throws IllegalStateException if PostgreSQL rejects the SQL; the message includes the SQL
     */
    public void execute(String sql) {
        try (Connection connection = server.connect(name); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Loads a {@code .sql} file from the class path (thread context class loader) and {@link #execute}s it.
     *
     * @param classpathResource e.g. {@code "db/schema.sql"}; a leading {@code /} is ignored
     * @throws IllegalArgumentException if the resource does not exist
     */
    public void executeResource(String classpathResource) {
        String path = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = TestDatabase.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL resource not found on the class path: " + classpathResource);
            }
            execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read SQL resource " + classpathResource, e);
        }
    }

    /**
     * The first column of the first row as a {@code long}, e.g. {@code queryLong("select count(*) from users")}.
     *
     * @throws IllegalStateException if the query fails, returns no row, or the value is SQL {@code NULL}
     */
    public long queryLong(String sql) {
        try (Connection connection = server.connect(name);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("Query returned no rows: " + sql);
            }
            long value = rows.getLong(1);
            if (rows.wasNull()) {
                // Reporting NULL as 0 would let an assertion on a count or sum pass for the wrong reason.
                throw new IllegalStateException("Query returned NULL: " + sql);
            }
            return value;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("SQL failed on database " + name + ": " + e.getMessage() + "\nSQL: " + sql, e);
    }

    @Override
    public String toString() {
        return name;
    }
}
