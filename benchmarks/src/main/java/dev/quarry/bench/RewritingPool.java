package dev.quarry.bench;

import com.zaxxer.hikari.HikariConfig;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A pool like {@link Pool} whose connections rewrite an {@code executeBatch} of single-row INSERTs
 * into multi-row ones ({@code reWriteBatchedInserts=true}): the driver's own answer to slow batches,
 * measured beside the plain batch it replaces.
 */
@State(Scope.Benchmark)
public class RewritingPool extends Pool {
    @Override
    void configure(HikariConfig config) {
        config.setPoolName("bench-rewrite");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
}
