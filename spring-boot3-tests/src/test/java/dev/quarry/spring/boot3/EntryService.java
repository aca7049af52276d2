package dev.quarry.spring.boot3;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring's own transactions around Quarry's writes. */
@Service
public class EntryService {
    private final Entries entries;

    public EntryService(Entries entries) {
        this.entries = entries;
    }

    public Entries entries() {
        return entries;
    }

    /** A write and a bulk insert in one Spring transaction; then fails when asked to. */
    @Transactional
    public void write(long id, boolean fail) {
        entries.add(id, "single");
        entries.addAll(List.of(new Entry(id + 1, "bulk"), new Entry(id + 2, "bulk")));
        if (fail) {
            throw new IllegalStateException("the service fails after its writes");
        }
    }
}
