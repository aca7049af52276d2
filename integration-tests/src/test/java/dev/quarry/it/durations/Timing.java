package dev.quarry.it.durations;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.time.Duration;

/** How long something took (nullable) and its budget, both {@code interval} columns. */
@Table("timings")
public record Timing(@Id int id, Duration took, Duration budget) {
    static final String DDL = """
            CREATE TABLE timings (
                id int PRIMARY KEY,
                took interval,
                budget interval NOT NULL
            )
            """;
}
