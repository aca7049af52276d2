package dev.quarry.it.pages;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.Database;
import dev.quarry.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A {@link Database} whose every statement execution, and every connection it borrows, is recorded
 * on the way to a real pool of pgjdbc connections: what a call ran, as PostgreSQL received it, not
 * what it logged.
 */
final class Statements implements AutoCloseable {
    private final HikariDataSource pool;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final AtomicInteger borrowed = new AtomicInteger();
    final Database db;

    Statements(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        pool = new HikariDataSource(config);
        DataSource counting = proxy(DataSource.class, (proxy, method, args) -> {
            Object result = forward(pool, proxy, method, args);
            if (result instanceof Connection connection) {
                borrowed.incrementAndGet();
                return connection(connection);
            }
            return result;
        });
        db = Database.of(counting);
    }

    /** Forgets what was recorded; call it right before the call to be watched. */
    void reset() {
        executed.clear();
        borrowed.set(0);
    }

    /** The SQL executed since {@link #reset()}, in order. */
    List<String> executed() {
        return List.copyOf(executed);
    }

    /** What {@link #executed()} ran but the setting of a transaction's characteristics. */
    List<String> queries() {
        return executed.stream().filter(sql -> !sql.regionMatches(true, 0, "SET ", 0, 4)).toList();
    }

    int count() {
        return executed.size();
    }

    /** Connections borrowed since {@link #reset()}. */
    int borrowed() {
        return borrowed.get();
    }

    private Connection connection(Connection real) {
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, (proxy, method, args) -> {
            Object result = forward(real, proxy, method, args);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(PreparedStatement.class, (Statement) result, (String) args[0], self[0]);
                case "createStatement" -> statement(Statement.class, (Statement) result, null, self[0]);
                default -> result;
            };
        });
        return self[0];
    }

    private <S extends Statement> S statement(Class<S> type, Statement real, String prepared, Connection connection) {
        return proxy(type, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                executed.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            } else if (name.equals("getConnection")) {
                return connection;
            }
            return forward(real, proxy, method, args);
        });
    }

    private static Object forward(Object target, Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public void close() {
        db.close();
        pool.close();
    }
}
