package dev.quarry.processor.verify;

import java.io.IOException;
import java.util.List;

/**
 * Answers from a {@link Snapshot} and, when it has a live describer, asks that one and records its
 * answers; without one, a question the snapshot cannot answer is {@link Describer.NotInSnapshot}.
 */
final class CachedDescriber implements Describer {
    private final Snapshot snapshot;
    /** The database to ask, or {@code null} to answer from the snapshot alone. */
    private final Describer live;

    CachedDescriber(Snapshot snapshot, Describer live) {
        this.snapshot = snapshot;
        this.live = live;
    }

    @Override
    public Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable {
        String key = Snapshot.describeKey(sql, binds);
        return live == null ? read(key) : write(key, live.describe(sql, binds));
    }

    @Override
    public Outcome uniqueKeys(String table) throws VerificationUnavailable {
        String key = Snapshot.uniqueKeysKey(table);
        return live == null ? read(key) : write(key, live.uniqueKeys(table));
    }

    @Override
    public Outcome enumLabels(String type) throws VerificationUnavailable {
        String key = Snapshot.enumLabelsKey(type);
        return live == null ? read(key) : write(key, live.enumLabels(type));
    }

    @Override
    public Outcome tableColumns(String table) throws VerificationUnavailable {
        String key = Snapshot.tableColumnsKey(table);
        return live == null ? read(key) : write(key, live.tableColumns(table));
    }

    private Outcome read(String key) throws VerificationUnavailable {
        try {
            return snapshot.read(key).orElse(new NotInSnapshot());
        } catch (IOException | RuntimeException e) {
            throw new VerificationUnavailable(VerifyOptions.CACHE, "cannot read the snapshot: " + e.getMessage(), e);
        }
    }

    private Outcome write(String key, Outcome outcome) throws VerificationUnavailable {
        try {
            snapshot.write(key, outcome);
            return outcome;
        } catch (IOException | RuntimeException e) {
            throw new VerificationUnavailable(VerifyOptions.CACHE, "cannot write the snapshot: " + e.getMessage(), e);
        }
    }
}
