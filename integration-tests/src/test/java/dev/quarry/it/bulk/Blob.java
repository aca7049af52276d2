package dev.quarry.it.bulk;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A row whose text is large, to show chunks bounded by bytes as well as rows. */
@Table("blobs")
public record Blob(@Id long id, String body) {
    static final String DDL = "CREATE TABLE blobs (id bigint PRIMARY KEY, body text NOT NULL)";
}
