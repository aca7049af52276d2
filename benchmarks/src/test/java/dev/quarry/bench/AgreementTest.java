package dev.quarry.bench;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmarks working between full runs: loads the smoke-sized data and runs every
 * contender of every workload once, checking that each returns what hand-written pgjdbc returns
 * (the check the runner makes before it measures anything). Measuring is left to
 * {@link RunBenchmarks}; nothing here is timed.
 */
@PostgresTest
class AgreementTest {
    @BeforeAll
    static void load(TestDatabase database) throws Exception {
        System.setProperty(BenchSettings.SMOKE, "true");
        System.setProperty(BenchSettings.URL, database.url());
        System.setProperty(BenchSettings.USER, database.user());
        System.setProperty(BenchSettings.PASSWORD, database.password());
        System.setProperty("org.jboss.logging.provider", "slf4j");
        BenchData.load();
    }

    @AfterAll
    static void forget() {
        for (String property : new String[] {BenchSettings.SMOKE, BenchSettings.URL, BenchSettings.USER,
                BenchSettings.PASSWORD}) {
            System.clearProperty(property);
        }
    }

    @Test
    void everyContenderReturnsWhatHandWrittenPgjdbcReturns() throws Exception {
        Agreement.check();
    }
}
