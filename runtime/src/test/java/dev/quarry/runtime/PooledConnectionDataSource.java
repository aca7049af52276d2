package dev.quarry.runtime;

import dev.quarry.testing.TestDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A pool of exactly one pgjdbc {@link PooledConnection}: every {@link #getConnection()} is a new
 * handle on the same server session. pgjdbc resets autocommit between handles but, like many
 * pools, nothing else, so session state one borrower leaves behind is what the next one sees.
 */
final class PooledConnectionDataSource implements DataSource, AutoCloseable {
    private final PooledConnection pooled;

    PooledConnectionDataSource(TestDatabase test) throws SQLException {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(test.url());
        source.setUser(test.user());
        source.setPassword(test.password());
        this.pooled = source.getPooledConnection();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pooled.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("one session, opened with the test database's credentials");
    }

    @Override
    public void close() throws SQLException {
        pooled.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
