package dev.quarry.it.integrity;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A row of {@code note}, the one table of this package's tests. */
@Table("note")
public record Note(@Id int id, String body) {
    static final String DDL = "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)";
}
