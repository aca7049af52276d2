package dev.quarry.it.reliability;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A plain row that fault and soak tests write and count. */
@Table("entries")
public record Entry(@Id long id, String label, int amount) {
    static final String DDL = """
            CREATE TABLE entries (
                id bigint PRIMARY KEY,
                label text NOT NULL,
                amount integer NOT NULL
            );
            """;

    static Entry of(long n) {
        return new Entry(n, "entry-" + n, (int) (n % 1000));
    }
}
