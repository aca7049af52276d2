package dev.quarry.it.bulk;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.util.List;

/** Lists whose columns COPY's binary format cannot take as written: a narrower element, and jsonb elements. */
@Table("mixed")
public record Mixed(@Id long id, List<Long> ranks, List<String> docs) {
    static final String DDL = "CREATE TABLE mixed (id bigint PRIMARY KEY, ranks integer[], docs jsonb[])";
}
