package dev.quarry.runtime.internal;

import dev.quarry.runtime.Plan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection {@code db.explain(work)} hands to the work: before each statement executes, it
 * runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)} of the same SQL with the same binds inside a
 * savepoint that is rolled back, then the statement itself, so the work gets its real results.
 *
 * <p>Proxies are fine here: this is a debugging path, never the one generated code normally runs on.
 * A batch is explained once, with its first set of binds; statements EXPLAIN does not accept (DDL,
 * {@code SET}) and COPY, which goes around JDBC statements, run without a plan.
 */
final class PlanRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRecorder.class);
    private static final String EXPLAIN = "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ";
    private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9]+(?:\\.[0-9]+)?) ms");

    private final Connection real;
    private final Connection connection;
    private final List<Plan> plans = new ArrayList<>();

    PlanRecorder(Connection real) {
        this.real = real;
        this.connection = proxy(Connection.class, this::onConnection);
    }

    /** The connection to bind to the work's thread. */
    Connection connection() {
        return connection;
    }

    List<Plan> plans() {
        return List.copyOf(plans);
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("prepareStatement")) {
            PreparedStatement statement = (PreparedStatement) call(real, method, args);
            return proxy(PreparedStatement.class, new Recording(statement, (String) args[0])::on);
        }
        if (name.equals("createStatement")) {
            Statement statement = (Statement) call(real, method, args);
            return proxy(Statement.class, new Recording(statement, null)::on);
        }
        return call(real, method, args);
    }

    /** One statement of the work and the binds set on it so far. */
    private final class Recording {
        private final Statement statement;
        private final String sql;
        private final List<Bind> binds = new ArrayList<>();
        private final List<List<Bind>> batch = new ArrayList<>();
        private final List<String> batchSql = new ArrayList<>();

        Recording(Statement statement, String sql) {
            this.statement = statement;
            this.sql = sql;
        }

        Object on(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            Class<?>[] types = method.getParameterTypes();
            if (name.startsWith("set") && types.length >= 2 && types[0] == int.class) {
                binds.add(new Bind(method, args.clone()));
            } else if (name.equals("clearParameters")) {
                binds.clear();
            } else if (name.equals("addBatch")) {
                if (types.length == 0) {
                    batch.add(List.copyOf(binds));
                } else {
                    batchSql.add((String) args[0]);
                }
            } else if (name.equals("clearBatch")) {
                batch.clear();
                batchSql.clear();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                if (!batch.isEmpty()) {
                    explain(sql, batch.get(0));
                } else if (!batchSql.isEmpty()) {
                    explain(batchSql.get(0), List.of());
                }
                batch.clear();
                batchSql.clear();
            } else if (name.startsWith("execute")) {
                if (types.length > 0 && types[0] == String.class) {
                    explain((String) args[0], List.of());
                } else {
                    explain(sql, binds);
                }
            } else if (name.equals("getConnection")) {
                return connection;
            }
            return call(statement, method, args);
        }
    }

    private void explain(String sql, List<Bind> binds) throws SQLException {
        Savepoint savepoint = real.setSavepoint();
        try (PreparedStatement explain = real.prepareStatement(EXPLAIN + sql)) {
            for (Bind bind : binds) {
                call(explain, bind.setter(), bind.args());
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    text.append(text.length() == 0 ? "" : "\n").append(rows.getString(1));
                }
            }
            plans.add(new Plan(sql, text.toString(), executionTime(text)));
        } catch (SQLException e) {
            // the statement itself runs next and fails or succeeds on its own; only the plan is missing
            LOG.debug("no plan for {}: {}", sql, e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new SQLException("explaining " + sql + " failed", e);
        } finally {
            real.rollback(savepoint);
            real.releaseSavepoint(savepoint);
        }
    }

    private static Duration executionTime(CharSequence plan) {
        Matcher time = EXECUTION_TIME.matcher(plan);
        if (!time.find()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(Double.parseDouble(time.group(1)) * 1_000_000));
    }

    private record Bind(Method setter, Object[] args) {}

    @FunctionalInterface
    private interface Handler {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        Object proxy = Proxy.newProxyInstance(PlanRecorder.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    // identity methods answer for the proxy, so it works as a map key and in ==-checks
                    switch (method.getName()) {
                        case "equals":
                            if (method.getParameterCount() == 1) {
                                return self == args[0];
                            }
                            break;
                        case "hashCode":
                            if (method.getParameterCount() == 0) {
                                return System.identityHashCode(self);
                            }
                            break;
                        case "toString":
                            if (method.getParameterCount() == 0) {
                                return "explaining " + type.getSimpleName() + "@"
                                        + Integer.toHexString(System.identityHashCode(self));
                            }
                            break;
                        default:
                            break;
                    }
                    return handler.on(method, args == null ? new Object[0] : args);
                });
        return type.cast(proxy);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
