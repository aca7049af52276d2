package dev.quarry.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.internal.Core;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * The entry point: a connection pool (or any {@link DataSource}), the repositories generated for
 * it, and transactions.
 *
 * <pre>{@code
 * try (Database db = Database.builder()
 *         .url("jdbc:postgresql://localhost:5432/shop")
 *         .user("shop").password("secret")
 *         .maximumPoolSize(10)
 *         .build()) {
 *     UserRepository users = db.repository(UserRepository.class);
 *     db.transaction(Isolation.SERIALIZABLE, 3, () -> users.rename(id, "new@example.com"));
 * }
 * }</pre>
 *
 * <p>Repository calls made inside {@code transaction(...)} on the same thread use the
 * transaction's connection; every other call borrows a pooled connection for one statement.
 */
public final class Database implements AutoCloseable {
    static {
        Core.grantAccess(db -> db.core);
    }

    /** Threads for CompletableFuture methods over a caller's data source, when there are no virtual threads. */
    private static final int DEFAULT_ASYNC_THREADS = 10;

    private final Core core;
    private final HikariDataSource ownedPool;
    private final ConcurrentMap<Class<?>, Object> repositories = new ConcurrentHashMap<>();

    private Database(DataSource dataSource, HikariDataSource ownedPool, int asyncThreads) {
        this.core = new Core(dataSource, asyncThreads);
        this.ownedPool = ownedPool;
    }

    /** A database over a data source the caller owns; {@link #close()} leaves it open. */
    public static Database of(DataSource dataSource) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null, DEFAULT_ASYNC_THREADS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data source statements run on. */
    public DataSource dataSource() {
        return core.dataSource();
    }

    /**
     * The generated implementation of a {@code @Repository} type ({@code <Name>_Impl}), created
     * once per database and shared: generated repositories hold no state of their own.
     */
    public <T> T repository(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return type.cast(repositories.computeIfAbsent(type, this::instantiate));
    }

    private Object instantiate(Class<?> type) {
        String name = implementationName(type);
        try {
            Class<?> impl = Class.forName(name, true, type.getClassLoader());
            if (!type.isAssignableFrom(impl)) {
                throw new DataException(name + " does not implement " + type.getName()
                        + "; rebuild so that quarry-processor generates it again");
            }
            Constructor<?> constructor = impl.getConstructor(Database.class);
            return constructor.newInstance(this);
        } catch (ClassNotFoundException e) {
            throw new DataException("no generated implementation " + name + " for " + type.getName()
                    + ": is it annotated @Repository, and is quarry-processor on the annotation processor path?", e);
        } catch (InvocationTargetException e) {
            throw new DataException("creating " + name + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new DataException("cannot create " + name + ": " + e, e);
        }
    }

    static String implementationName(Class<?> type) {
        String packageName = type.getPackageName();
        String binary = type.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1);
        return (packageName.isEmpty() ? "" : packageName + ".") + binary.replace('$', '_') + "_Impl";
    }

    /** Runs {@code work} in a transaction at the session's default isolation level. */
    public <T> T transaction(TransactionCallback<T> work) {
        return core.transaction(Isolation.DEFAULT, 0, work);
    }

    public <T> T transaction(Isolation isolation, TransactionCallback<T> work) {
        return core.transaction(isolation, 0, work);
    }

    public void transaction(Isolation isolation, TransactionRunnable work) {
        Objects.requireNonNull(work, "work");
        core.transaction(isolation, 0, asCallback(work));
    }

    /**
     * Runs {@code work} in a transaction and runs it again, up to {@code retries} times, when it
     * fails with a serialization failure (40001) or a deadlock (40P01). The work must be safe to
     * repeat: everything it wrote was rolled back before the next attempt.
     */
    public <T> T transaction(Isolation isolation, int retries, TransactionCallback<T> work) {
        return core.transaction(isolation, retries, work);
    }

    public void transaction(Isolation isolation, int retries, TransactionRunnable work) {
        Objects.requireNonNull(work, "work");
        core.transaction(isolation, retries, asCallback(work));
    }

    private static TransactionCallback<Void> asCallback(TransactionRunnable work) {
        return () -> {
            work.run();
            return null;
        };
    }

    /**
     * Stops the executor of {@code CompletableFuture} methods and closes the pool this database
     * built; a data source passed to {@link #of} stays open.
     */
    @Override
    public void close() {
        core.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** Settings of the HikariCP pool {@link #build()} creates; each is checked when set. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private int maximumPoolSize = 10;
        private Integer minimumIdle;
        private Duration connectionTimeout = Duration.ofSeconds(30);

        private Builder() {}

        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was " + url);
            }
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder maximumPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + size);
            }
            this.maximumPoolSize = size;
            return this;
        }

        public Builder minimumIdle(int idle) {
            if (idle < 0) {
                throw new IllegalArgumentException("minimumIdle must be at least 0, was " + idle);
            }
            this.minimumIdle = idle;
            return this;
        }

        public Builder connectionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "connectionTimeout");
            if (timeout.compareTo(Duration.ofDays(1)) > 0 || timeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be between 250 ms and 1 day, was " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        public Database build() {
            if (url == null) {
                throw new IllegalStateException("url is required");
            }
            if (minimumIdle != null && minimumIdle > maximumPoolSize) {
                throw new IllegalStateException("minimumIdle (" + minimumIdle + ") must not exceed maximumPoolSize ("
                        + maximumPoolSize + ")");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setMinimumIdle(minimumIdle == null ? maximumPoolSize : minimumIdle);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setPoolName("quarry");
            HikariDataSource pool = new HikariDataSource(config);
            return new Database(pool, pool, maximumPoolSize);
        }
    }
}
