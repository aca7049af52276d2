package dev.quarry.spring.app;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A Spring service that knows Quarry only as injected repositories. */
@Service
public class NoteService {
    private final Notes notes;
    private final NoteCounts counts;

    public NoteService(Notes notes, NoteCounts counts) {
        this.notes = notes;
        this.counts = counts;
    }

    /** Through the package-private repository. */
    public long count() {
        return counts.count();
    }

    public Notes notes() {
        return notes;
    }

    /** A write, a bulk insert and an upsert in one Spring transaction; then fails when asked to. */
    @Transactional
    public void writeThree(long id, boolean fail) {
        notes.add(id, "single");
        notes.addAll(List.of(new Note(id + 1, "bulk"), new Note(id + 2, "bulk")));
        notes.save(List.of(new Note(id, "upserted"), new Note(id + 3, "upserted")));
        if (fail) {
            throw new IllegalStateException("the service fails after its writes");
        }
    }

    /** The transaction this Spring-managed method runs in, as PostgreSQL numbers it. */
    @Transactional
    public long transactionId(long id) {
        notes.add(id, "in a Spring transaction");
        return notes.transactionId();
    }
}
