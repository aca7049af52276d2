package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;

/** A record of a table that does not exist: any SQL a call runs fails, so a call that succeeds ran none. */
@Table("no_such_table")
public record Ghost(long id) {}
