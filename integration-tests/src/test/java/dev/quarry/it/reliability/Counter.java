package dev.quarry.it.reliability;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A row many threads upsert at once: the soak's contended keys. */
@Table("counters")
public record Counter(@Id int key, int owner, long version) {}
