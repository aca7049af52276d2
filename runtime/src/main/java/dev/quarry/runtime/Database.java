package dev.quarry.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.quarry.annotations.Isolation;
import dev.quarry.runtime.internal.Core;
import dev.quarry.runtime.internal.Instruments;
import dev.quarry.runtime.internal.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * With a {@linkplain Builder#replica(String, String, String) replica}, read-only transactions and
 * streams outside a transaction run on the replica's pool.
 */
public final class Database implements AutoCloseable {
    static {
        Core.grantAccess(db -> db.core);
    }

    /** Threads for CompletableFuture methods over a caller's data source, when there are no virtual threads. */
    private static final int DEFAULT_ASYNC_THREADS = 10;

    private final Core core;
    private final List<HikariDataSource> ownedPools;
    private final ConcurrentMap<Class<?>, Object> repositories = new ConcurrentHashMap<>();
    /** Types whose implementation this thread is constructing: a constructor that looks one up again is a cycle. */
    private final ThreadLocal<Set<Class<?>>> creating = ThreadLocal.withInitial(HashSet::new);

    private Database(DataSource dataSource, DataSource replica, List<HikariDataSource> ownedPools,
                     boolean transactionPooling, ExternalTransactions external, int asyncThreads,
                     Instruments instruments) {
        this.core = new Core(dataSource, replica, transactionPooling, external, asyncThreads, instruments);
        this.ownedPools = ownedPools;
    }

    /** A database over a data source the caller owns; {@link #close()} leaves it open. */
    public static Database of(DataSource dataSource) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null, List.of(), false, null,
                DEFAULT_ASYNC_THREADS, null);
    }


    /**
     * A database over a data source whose transactions a framework owns (Spring's, through
     * {@code quarry-spring}): calls inside the framework's transaction run on its connection, and
     * {@code transaction(...)} runs in one of the framework's transactions.
     */
    public static Database of(DataSource dataSource, ExternalTransactions transactions) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null, List.of(), false,
                Objects.requireNonNull(transactions, "transactions"), DEFAULT_ASYNC_THREADS, null);
    }

    /**
     * A database over a data source the caller owns that observes every repository call on
     * {@code registry} (see {@link Builder#observationRegistry}), with a framework's transactions
     * when {@code transactions} is not {@code null} ({@code quarry-spring} passes Spring's).
     *
     * <pre>{@code
     * Database db = Database.of(dataSource, null, observationRegistry);
     * }</pre>
     *
     * <p>Not {@code of(dataSource, registry)}: next to {@link #of(DataSource, ExternalTransactions)},
     * javac would need Micrometer to compile every call of that one.
     */
    public static Database of(DataSource dataSource, ExternalTransactions transactions,
                              io.micrometer.observation.ObservationRegistry registry) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null, List.of(), false,
                transactions, DEFAULT_ASYNC_THREADS, Instruments.of(Objects.requireNonNull(registry, "registry"), null));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data source statements run on (the primary, when there is a replica). */
    public DataSource dataSource() {
        return core.dataSource();
    }

    /** The replica's data source, when the database was built with one. */
    public Optional<DataSource> replicaDataSource() {
        return Optional.ofNullable(core.replicaDataSource());
    }

    /**
     * The generated implementation of a {@code @Repository} type ({@code <Name>_Impl}), created
     * once per database and shared: generated repositories hold no state of their own.
     */
    public <T> T repository(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Object found = repositories.get(type);
        if (found == null) {
            // created outside the map: an abstract repository's constructor may look up others, and
            // computeIfAbsent forbids updating the map from inside its function
            Object created = create(type);
            found = repositories.putIfAbsent(type, created);
            if (found == null) {
                found = created;
            }
        }
        return type.cast(found);
    }

    private Object create(Class<?> type) {
        Set<Class<?>> inProgress = creating.get();
        if (!inProgress.add(type)) {
            throw new DataException("creating " + implementationName(type) + " needs " + type.getName()
                    + " itself: repository constructors call db.repository(…) in a cycle; look one of them up"
                    + " when a method needs it instead of in the constructor");
        }
        try {
            return instantiate(type);
        } finally {
            inProgress.remove(type);
        }
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

    /**
     * Runs {@code work} in a transaction at the session's default isolation level: it commits when
     * the work returns and rolls back when it throws.
     *
     * <p>A statement that fails inside the transaction aborts it in PostgreSQL, even when the work
     * catches the exception and carries on: then nothing can be committed, so the transaction is
     * rolled back and a {@link DataException} (SQLSTATE 25P02) says so, with the first failure as
     * its cause. A bulk call that fails takes back only its own rows (it runs in a savepoint) and
     * leaves the transaction usable.
     *
     * <p>A {@code Stream} a repository returns inside the transaction reads on its connection: it
     * must be consumed (and closed) inside the work, and must not be the input of a {@code COPY}
     * ({@code @Insert(strategy = COPY)}) there; {@code AUTO} writes such an input with UNNEST.
     */
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
     * repeat: everything it wrote was rolled back before the next attempt. When the last attempt
     * fails too, the {@link SerializationFailureException} thrown says how many attempts ran; its
     * cause is the last attempt's failure and the earlier ones are suppressed exceptions.
     */
    public <T> T transaction(Isolation isolation, int retries, TransactionCallback<T> work) {
        return core.transaction(isolation, retries, work);
    }

    public void transaction(Isolation isolation, int retries, TransactionRunnable work) {
        Objects.requireNonNull(work, "work");
        core.transaction(isolation, retries, asCallback(work));
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back and returns the plan of every
     * statement it ran on this thread, in order, from {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)}.
     *
     * <pre>{@code
     * List<Plan> plans = db.explain(() -> orders.place(userId, items));
     * plans.forEach(p -> log.info("{} took {}\n{}", p.sql(), p.executionTime(), p.plan()));
     * }</pre>
     *
     * <p>Each statement is explained with its bound values inside a savepoint that is rolled back,
     * then run for real, so the work sees its usual results; everything it wrote is rolled back at the
     * end. Side effects outside the transaction stay: a sequence advances twice per {@code nextval}.
     * Transactions the work opens join this one, whatever isolation they ask for. A batch is explained
     * once, with its first row; COPY and statements EXPLAIN does not take (DDL, {@code SET}) run
     * without a plan. It is a debugging aid: every statement runs twice.
     *
     * @throws DataException when called inside a transaction, whose earlier writes the rollback would undo
     */
    public List<Plan> explain(Runnable work) {
        return core.explain(work);
    }

    private static TransactionCallback<Void> asCallback(TransactionRunnable work) {
        return () -> {
            work.run();
            return null;
        };
    }

    /**
     * Stops the executor of {@code CompletableFuture} methods and closes the pools this database
     * built; a data source passed to {@link #of} or {@link Builder#replica(DataSource)} stays open.
     * A {@code CompletableFuture} method called afterwards throws a {@link DataException} naming it.
     */
    @Override
    public void close() {
        core.close();
        for (HikariDataSource pool : ownedPools) {
            pool.close();
        }
    }

    /**
     * Settings of the HikariCP pool {@link #build()} creates; each is checked when set, and
     * combinations when building, with a message naming the setting.
     *
     * <pre>{@code
     * Database db = Database.builder()
     *         .url("jdbc:postgresql://db:5432/shop").user("shop").password(secret)
     *         .maximumPoolSize(20).minimumIdle(5)
     *         .connectionTimeout(Duration.ofSeconds(5))    // then PoolTimeoutException
     *         .idleTimeout(Duration.ofMinutes(5))
     *         .maxLifetime(Duration.ofMinutes(30))
     *         .leakDetectionThreshold(Duration.ofSeconds(60))
     *         .statementTimeout(Duration.ofSeconds(30))    // server-side statement_timeout
     *         .applicationName("shop-api")
     *         .replica("jdbc:postgresql://replica:5432/shop", "shop", secret)
     *         .build();
     * }</pre>
     *
     * <p><b>PgBouncer in transaction mode.</b> {@link #pgbouncerTransactionMode(boolean)
     * pgbouncerTransactionMode(true)} keeps every call correct when each transaction, or each
     * statement outside one, may run on a different server session:
     * <ul>
     *   <li>pgjdbc's {@code prepareThreshold=0}: no named server-side prepared statements, which
     *       would exist only on the session that prepared them;</li>
     *   <li>isolation levels are set with {@code SET TRANSACTION} inside the transaction, never as a
     *       session characteristic; read-only transactions begin with {@code BEGIN READ ONLY};</li>
     *   <li>streams already read their cursor inside a transaction of their own;</li>
     *   <li>{@link #statementTimeout(Duration)} is refused, since it is a session setting: set
     *       {@code statement_timeout} for the role ({@code ALTER ROLE … SET statement_timeout = …}).</li>
     * </ul>
     * PgBouncer must accept pgjdbc's startup packet: {@code ignore_startup_parameters = extra_float_digits}.
     */
    public static final class Builder {
        /** The longest idle timeout, lifetime or leak threshold accepted: longer ones are surely mistakes. */
        private static final Duration LONGEST = Duration.ofDays(30);

        private String url;
        private String user;
        private String password;
        private int maximumPoolSize = 10;
        private Integer minimumIdle;
        private Duration connectionTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout;
        private Duration maxLifetime;
        private Duration leakDetectionThreshold;
        private Duration statementTimeout;
        private String applicationName;
        private boolean pgbouncerTransactionMode;
        private String replicaUrl;
        private String replicaUser;
        private String replicaPassword;
        private DataSource replicaDataSource;
        // Micrometer's types only in the setters' signatures: held as Object, nothing loads them without Micrometer
        private Object observationRegistry;
        private Object meterRegistry;
        private Duration slowQueryThreshold;

        private Builder() {}

        /**
         * Observes every repository call as a Micrometer {@code Observation} named {@code quarry.query}
         * (low-cardinality {@code repository}, {@code method}, {@code outcome}; high-cardinality {@code sql},
         * {@code rows}) and every transaction as {@code quarry.transaction} (with {@code attempts}); a
         * stream's ends when it is closed. Metrics handlers then time each method, tracing handlers make spans.
         */
        public Builder observationRegistry(io.micrometer.observation.ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "observationRegistry");
            return this;
        }

        /** Hands the pools this builder makes HikariCP's own Micrometer metrics ({@code hikaricp.connections…}). */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /**
         * Logs each statement that runs longer than {@code threshold} at WARN on logger
         * {@code dev.quarry.sql.slow}, with its method, SQL, rows and time, never its bound values.
         * A stream counts from its start to its close.
         */
        public Builder slowQueryThreshold(Duration threshold) {
            Objects.requireNonNull(threshold, "slowQueryThreshold");
            if (threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException("slowQueryThreshold must be positive, was " + threshold);
            }
            this.slowQueryThreshold = threshold;
            return this;
        }

        /**
         * The primary's JDBC URL; {@link #build()} refuses one that sets {@code preferQueryMode=simple}.
         * For failover, name every server and let pgjdbc connect to whichever is the primary:
         * {@code jdbc:postgresql://db1:5432,db2:5432/shop?targetServerType=primary&hostRecheckSeconds=2}
         * ({@code hostRecheckSeconds}: pgjdbc otherwise keeps taking a just-promoted server for a
         * standby for 10 s). A call in flight when the primary goes fails naming its method; later
         * calls wait up to {@code connectionTimeout} for a connection to the new primary. HikariCP
         * pauses up to 5 s between attempts to connect, so keep {@code connectionTimeout} above that
         * (the default 30 s is).
         */
        public Builder url(String url) {
            this.url = checkUrl("url", url);
            return this;
        }

        private static String checkUrl(String setting, String url) {
            Objects.requireNonNull(url, setting);
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(setting + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
                        + Secrets.maskUrl(url));
            }
            return url;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Connections the pool holds at most (default 10); also the threads of {@code CompletableFuture} methods before Java 21. */
        public Builder maximumPoolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + size);
            }
            this.maximumPoolSize = size;
            return this;
        }

        /** Idle connections the pool keeps ready (default: as many as {@code maximumPoolSize}). */
        public Builder minimumIdle(int idle) {
            if (idle < 0) {
                throw new IllegalArgumentException("minimumIdle must be at least 0, was " + idle);
            }
            this.minimumIdle = idle;
            return this;
        }

        /** How long a call waits for a free connection before a {@link PoolTimeoutException} (default 30 s). */
        public Builder connectionTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "connectionTimeout");
            if (timeout.compareTo(Duration.ofDays(1)) > 0 || timeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be between 250 ms and 1 day, was " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * How long a connection above {@code minimumIdle} may sit idle before it is closed
         * (default 10 minutes); zero keeps idle connections.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = zeroOrBetween("idleTimeout", timeout, Duration.ofSeconds(10), "keep idle connections");
            return this;
        }

        /**
         * How long a connection lives before the pool replaces it (default 30 minutes); set it a
         * little below any connection time limit of the server or the network. Zero means no limit.
         */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = zeroOrBetween("maxLifetime", lifetime, Duration.ofSeconds(30), "no limit");
            return this;
        }

        /**
         * How long a connection may stay borrowed before the pool logs a warning with the stack
         * trace of the call that borrowed it: an unclosed stream, a stuck transaction. Zero (the
         * default) turns it off.
         */
        public Builder leakDetectionThreshold(Duration threshold) {
            this.leakDetectionThreshold = zeroOrBetween("leakDetectionThreshold", threshold, Duration.ofSeconds(2), "off");
            return this;
        }

        /**
         * PostgreSQL's {@code statement_timeout} for every connection of the pool: the server cancels
         * a statement running longer, which surfaces as a {@link QueryTimeoutException}. Zero (the
         * default) leaves the server's setting.
         */
        public Builder statementTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "statementTimeout");
            if (!timeout.isZero() && (timeout.compareTo(Duration.ofMillis(1)) < 0
                    || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0)) {
                throw new IllegalArgumentException("statementTimeout must be zero (the server's setting) or between 1 ms and "
                        + Integer.MAX_VALUE + " ms, was " + timeout);
            }
            this.statementTimeout = timeout;
            return this;
        }

        /** The {@code application_name} the connections report, as seen in {@code pg_stat_activity} and server logs. */
        public Builder applicationName(String name) {
            Objects.requireNonNull(name, "applicationName");
            if (name.isEmpty() || name.length() > 63 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("applicationName must be 1 to 63 printable ASCII characters "
                        + "(PostgreSQL cuts longer names and replaces other characters with '?'), was \"" + name + "\"");
            }
            this.applicationName = name;
            return this;
        }

        /** Connections go through PgBouncer in transaction pooling mode; see the class comment for what changes. */
        public Builder pgbouncerTransactionMode(boolean enabled) {
            this.pgbouncerTransactionMode = enabled;
            return this;
        }

        /**
         * A read replica (a hot standby) for {@code @Transactional(readOnly = true)} methods and for
         * streams outside a transaction; its pool gets the same settings as the primary's. Everything
         * else, including every call inside a read-write transaction, runs on the primary.
         * <ul>
         *   <li>Lag: the replica shows a commit only once it has replayed it. A read that must see a
         *       write just made runs on the primary: inside {@code db.transaction(...)}, which read-only
         *       methods join, or through a method that is not read-only.</li>
         *   <li>Recovery conflicts: the replica cancels a read whose snapshot still needs rows that
         *       VACUUM on the primary removed, once {@code max_standby_streaming_delay} has passed: a
         *       {@link SerializationFailureException} (40001, "conflict with recovery") naming the
         *       method. {@code @Transactional(readOnly = true, retries = n)} runs the method again on a
         *       fresh snapshot; a stream is not retried, the caller opens it again.
         *       {@code hot_standby_feedback = on} on the replica prevents most conflicts, at the cost of
         *       dead rows kept longer on the primary.</li>
         *   <li>Outage: calls routed to a replica that cannot be reached fail within
         *       {@code connectionTimeout} with a {@link DataException} naming the method and the refused
         *       connection; they do not move to the primary, which would hide the outage and could
         *       overload the primary.</li>
         * </ul>
         */
        public Builder replica(String url, String user, String password) {
            this.replicaUrl = checkUrl("replica url", url);
            this.replicaUser = Objects.requireNonNull(user, "replica user");
            this.replicaPassword = password;
            this.replicaDataSource = null;
            return this;
        }

        /** As {@link #replica(String, String, String)}, over a data source the caller owns and closes. */
        public Builder replica(DataSource replica) {
            this.replicaDataSource = Objects.requireNonNull(replica, "replica");
            this.replicaUrl = null;
            return this;
        }

        private static Duration zeroOrBetween(String setting, Duration value, Duration least, String zeroMeans) {
            Objects.requireNonNull(value, setting);
            if (!value.isZero() && (value.compareTo(least) < 0 || value.compareTo(LONGEST) > 0)) {
                throw new IllegalArgumentException(setting + " must be zero (" + zeroMeans + ") or between "
                        + least.toSeconds() + " s and " + LONGEST.toDays() + " days, was " + value);
            }
            return value;
        }

        public Database build() {
            if (url == null) {
                throw new IllegalStateException("url is required");
            }
            if (minimumIdle != null && minimumIdle > maximumPoolSize) {
                throw new IllegalStateException("minimumIdle (" + minimumIdle + ") must not exceed maximumPoolSize ("
                        + maximumPoolSize + ")");
            }
            checkCombinations();
            List<HikariDataSource> pools = new ArrayList<>(2);
            try {
                HikariDataSource primary = open(config("quarry", url, user, password));
                pools.add(primary);
                DataSource replica = replicaDataSource;
                if (replicaUrl != null) {
                    HikariDataSource replicaPool = open(config("quarry-replica", replicaUrl, replicaUser,
                            replicaPassword));
                    pools.add(replicaPool);
                    replica = replicaPool;
                }
                return new Database(primary, replica, List.copyOf(pools), pgbouncerTransactionMode, null,
                        maximumPoolSize, Instruments.of(observationRegistry, slowQueryThreshold));
            } catch (RuntimeException e) {
                pools.forEach(HikariDataSource::close);
                throw e;
            }
        }

        /**
         * The pool, which opens its first connection now: a server that cannot be reached fails the build.
         * The failure names the URL with its password masked, and carries no message that repeats a password.
         */
        private static HikariDataSource open(HikariConfig config) {
            String url = config.getJdbcUrl();
            String password = config.getPassword();
            try {
                return new HikariDataSource(config);
            } catch (RuntimeException e) {
                Throwable failure = e instanceof HikariPool.PoolInitializationException && e.getCause() != null
                        ? e.getCause() : e;
                throw new DataException("cannot open pool '" + config.getPoolName() + "' on " + Secrets.maskUrl(url)
                        + ": " + Secrets.mask(String.valueOf(failure.getMessage()), url, password),
                        failure instanceof SQLException sql ? sql.getSQLState() : null,
                        null, null, Secrets.masked(e, url, password));
            }
        }

        /** HikariCP quietly ignores some combinations; these are refused instead. */
        private void checkCombinations() {
            // HikariCP's own defaults, which apply when a setting is left alone
            Duration lifetime = maxLifetime != null ? maxLifetime : Duration.ofMinutes(30);
            if (idleTimeout != null && !idleTimeout.isZero() && !lifetime.isZero()
                    && idleTimeout.plusSeconds(1).compareTo(lifetime) > 0) {
                throw new IllegalStateException("idleTimeout (" + idleTimeout + ") must be at least 1 s shorter than "
                        + "maxLifetime (" + lifetime + ")");
            }
            if (leakDetectionThreshold != null && !lifetime.isZero() && leakDetectionThreshold.compareTo(lifetime) > 0) {
                throw new IllegalStateException("leakDetectionThreshold (" + leakDetectionThreshold + ") must not exceed "
                        + "maxLifetime (" + lifetime + "): the pool retires a connection before it could report it");
            }
            if (pgbouncerTransactionMode && statementTimeout != null && !statementTimeout.isZero()) {
                throw new IllegalStateException("statementTimeout cannot be used with pgbouncerTransactionMode: it is a "
                        + "session setting and PgBouncer runs each transaction on whichever server session is free; "
                        + "set it for the role instead (ALTER ROLE ... SET statement_timeout = ...)");
            }
            if (simpleQueryMode(url)) {
                throw new IllegalStateException("url sets preferQueryMode=simple, which Quarry cannot run on: in that "
                        + "mode pgjdbc writes parameters into the SQL text and has none for the binary arrays that "
                        + "UNNEST writes and upserts send; remove preferQueryMode=simple from the url");
            }
            if (pgbouncerTransactionMode && (url.contains("prepareThreshold=")
                    || (replicaUrl != null && replicaUrl.contains("prepareThreshold=")))) {
                throw new IllegalStateException("pgbouncerTransactionMode sets prepareThreshold=0 itself; remove "
                        + "prepareThreshold from the url, where it would take precedence");
            }
        }

        /** Whether the url's parameters ask pgjdbc for its simple query mode (names and values as pgjdbc reads them). */
        private static boolean simpleQueryMode(String url) {
            int query = url.indexOf('?');
            if (query < 0) {
                return false;
            }
            for (String parameter : url.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && parameter.substring(0, equals).equals("preferQueryMode")
                        && URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8).equals("simple")) {
                    return true;
                }
            }
            return false;
        }

        private HikariConfig config(String poolName, String jdbcUrl, String user, String password) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize);
            config.setMinimumIdle(minimumIdle == null ? maximumPoolSize : minimumIdle);
            config.setConnectionTimeout(connectionTimeout.toMillis());
            if (idleTimeout != null) {
                config.setIdleTimeout(idleTimeout.toMillis());
            }
            if (maxLifetime != null) {
                config.setMaxLifetime(maxLifetime.toMillis());
            }
            if (leakDetectionThreshold != null) {
                config.setLeakDetectionThreshold(leakDetectionThreshold.toMillis());
            }
            if (statementTimeout != null && !statementTimeout.isZero()) {
                // once per new connection, in the session: every statement on it inherits the limit
                config.setConnectionInitSql("SET statement_timeout = " + statementTimeout.toMillis());
            }
            if (applicationName != null) {
                config.addDataSourceProperty("ApplicationName", applicationName);
            }
            if (pgbouncerTransactionMode) {
                config.addDataSourceProperty("prepareThreshold", "0");
            }
            config.setPoolName(poolName);
            if (meterRegistry != null) {
                dev.quarry.runtime.internal.micrometer.PoolMetrics.bind(config, meterRegistry);
            }
            return config;
        }
    }
}
