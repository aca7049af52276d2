package dev.quarry.it.relation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} in front of a real one (pgjdbc, or a pool of pgjdbc connections) that
 * records every statement execution made through it. Each call still goes to the driver and runs
 * on PostgreSQL; the wrapper only watches, so a test counts what the generated code really sent
 * rather than what it logs.
 */
final class StatementCounter {
    /** One execution: its SQL and the length of every array bound since the previous execution, in binding order. */
    record Execution(String sql, List<Integer> arrayLengths) {}

    private final DataSource target;
    private final List<Execution> executions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    StatementCounter(DataSource target) {
        this.target = target;
    }

    /** The counting data source, to hand to {@code Database.of}. */
    DataSource dataSource() {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = forward(target, proxy, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    /** Forgets what was counted so far; call it right before the work to be counted. */
    void reset() {
        executions.clear();
        connections.set(0);
    }

    int count() {
        return executions.size();
    }

    List<Execution> executions() {
        return List.copyOf(executions);
    }

    /** Connections handed out since {@link #reset()}. */
    int connections() {
        return connections.get();
    }

    /** The statements, one a line, for assertion messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(executions.size() + " statements:");
        executions.forEach(e -> out.append("\n  ").append(e.sql()).append(" arrays=").append(e.arrayLengths()));
        return out.toString();
    }

    private Connection connection(Connection real) {
        connections.incrementAndGet();
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, (proxy, method, args) -> {
            Object result = forward(real, proxy, method, args);
            return switch (method.getName()) {
                case "prepareStatement" -> statement(PreparedStatement.class, (Statement) result, (String) args[0], self[0]);
                case "prepareCall" -> statement(CallableStatement.class, (Statement) result, (String) args[0], self[0]);
                case "createStatement" -> statement(Statement.class, (Statement) result, null, self[0]);
                default -> result;
            };
        });
        return self[0];
    }

    private <S extends Statement> S statement(Class<S> type, Statement real, String prepared, Connection connection) {
        List<Integer> arrays = new ArrayList<>();
        return proxy(type, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                // A Statement names its SQL in the call; a PreparedStatement ran the SQL it was prepared with.
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                executions.add(new Execution(sql, List.copyOf(arrays)));
                arrays.clear();
            } else if (name.equals("setArray") && args[1] instanceof Array array) {
                arrays.add(java.lang.reflect.Array.getLength(array.getArray()));
            } else if (name.equals("getConnection")) {
                return connection;
            }
            return forward(real, proxy, method, args);
        });
    }

    /** Calls {@code method} on {@code target}; identity stays the proxy's, so pools and maps see one object. */
    private static Object forward(Object target, Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                if (method.getParameterCount() == 1) {
                    return proxy == args[0];
                }
                break;
            case "hashCode":
                if (method.getParameterCount() == 0) {
                    return System.identityHashCode(proxy);
                }
                break;
            default:
                break;
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
