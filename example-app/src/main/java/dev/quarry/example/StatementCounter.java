package dev.quarry.example;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the statements that reach the database through a {@link DataSource}: every {@code execute…} call
 * on a statement of one of its connections, as the driver sees it. Everything else is passed through.
 *
 * <pre>{@code
 * StatementCounter counter = new StatementCounter(db.dataSource());
 * try (Database counted = Database.of(counter.dataSource())) {
 *     counted.repository(OrderHistoryRepository.class).pageSelectIn(3, 20, 0);
 *     int statements = counter.takeCount();
 * }
 * }</pre>
 */
final class StatementCounter {
    private final DataSource target;
    private final AtomicInteger executed = new AtomicInteger();

    StatementCounter(DataSource target) {
        this.target = target;
    }

    /** The data source to run the counted work on. */
    DataSource dataSource() {
        return wrap(DataSource.class, target);
    }

    /** The statements executed since the previous call; counting starts again from zero. */
    int takeCount() {
        return executed.getAndSet(0);
    }

    /** A proxy of {@code real} that wraps the connections and statements it hands out in turn. */
    private <T> T wrap(Class<T> type, T real) {
        boolean statement = Statement.class.isAssignableFrom(type);
        InvocationHandler handler = (proxy, method, args) -> {
            if (statement && method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> returned = method.getReturnType();
            if (result != null && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
                return wrapAs(returned, result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @SuppressWarnings("unchecked")
    private <T> T wrapAs(Class<?> type, Object real) {
        return wrap((Class<T>) type, (T) real);
    }
}
