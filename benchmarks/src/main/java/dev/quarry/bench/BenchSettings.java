package dev.quarry.bench;

/**
 * What the runner tells the JMH forks, as system properties: where the database is and how much
 * data it holds. The forks are separate JVMs, so nothing else is shared with them.
 */
public final class BenchSettings {
    static final String URL = "quarry.bench.url";
    static final String USER = "quarry.bench.user";
    /** Only for a test server's password (QUARRY_TEST_PASSWORD); QUARRY_BENCH_PASSWORD stays in the environment. */
    static final String PASSWORD = "quarry.bench.password";
    static final String SMOKE = "quarry.bench.smoke";

    /** Rows per W2 operation. */
    public static final int PAGE = 100;
    /** Children per parent and grandchildren per child in W3. */
    public static final int ORDERS_PER_CUSTOMER = 10;
    public static final int ITEMS_PER_ORDER = 5;

    private BenchSettings() {}

    static String url() {
        return required(URL);
    }

    static String user() {
        return System.getProperty(USER, "postgres");
    }

    /** QUARRY_BENCH_PASSWORD comes from the environment, which JMH's forks inherit, so it is never on a command line. */
    static String password() {
        String password = System.getenv("QUARRY_BENCH_PASSWORD");
        return password == null ? System.getProperty(PASSWORD, "") : password;
    }

    static boolean smoke() {
        return Boolean.getBoolean(SMOKE);
    }

    /** Rows of {@code bench_users}: W1 looks one up at random, W2 reads a page at a random key. */
    public static int users() {
        return smoke() ? 10_000 : 100_000;
    }

    /** W3's parents: all of {@code bench_customers} are loaded per operation. */
    public static int customers() {
        return smoke() ? 100 : 1_000;
    }

    /** W6's rows: all of {@code bench_readings} are streamed per operation. */
    public static int readings() {
        return smoke() ? 100_000 : 1_000_000;
    }

    /** W8's feed: {@code bench_posts}, paged 50 rows at a time. */
    public static int posts() {
        return smoke() ? 10_000 : 1_000_000;
    }

    /** W4 inserts and W5 upserts this many rows per operation. */
    public static int bulkRows() {
        return smoke() ? 10_000 : 100_000;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name
                    + " is not set; start the benchmarks through dev.quarry.bench.RunBenchmarks");
        }
        return value;
    }
}
