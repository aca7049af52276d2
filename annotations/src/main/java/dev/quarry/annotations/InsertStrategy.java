package dev.quarry.annotations;

/**
 * How {@link Insert} sends rows to PostgreSQL. Every strategy writes in chunks of
 * {@code chunkSize} rows, runs all chunks of one call in one transaction, and produces the same
 * rows; they differ in speed and in what they support.
 *
 * <pre>{@code
 * @Insert(strategy = InsertStrategy.COPY, chunkSize = 50_000)
 * long load(Stream<Order> orders);
 * }</pre>
 */
public enum InsertStrategy {
    /**
     * {@link #COPY} when the call returns no rows and the input is a {@code Stream} or a
     * {@code Collection} of at least 1 000 rows (and every component's Java type matches its
     * column's type, which COPY's binary format needs); {@link #UNNEST} otherwise.
     */
    AUTO,
    /**
     * Multi-row {@code INSERT … VALUES (?, …), (?, …)} statements of at most
     * {@code min(chunkSize, 65535 / columns)} rows each, whatever the connection's
     * {@code reWriteBatchedInserts} setting.
     */
    BATCH,
    /**
     * {@code INSERT … SELECT * FROM unnest(?::int8[], ?::text[], …)}: one array parameter per
     * column per chunk. Supports {@code returning}.
     */
    UNNEST,
    /**
     * {@code COPY table (columns) FROM STDIN (FORMAT binary)}, streamed: the fastest way to load
     * many rows. Each component's Java type must match its column's type ({@code int} ↔
     * {@code integer}, {@code long} ↔ {@code bigint}, {@code String} or an enum ↔ {@code text},
     * {@code varchar} or a PostgreSQL enum, …); a mismatch fails before any row is sent. No
     * {@code returning}.
     */
    COPY
}
