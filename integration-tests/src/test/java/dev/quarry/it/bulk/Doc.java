package dev.quarry.it.bulk;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** List components in array columns, and JSON text in jsonb and json columns. */
@Table("docs")
public record Doc(
        @Id long id,
        List<String> tags,
        List<String> labels,
        List<Long> counts,
        List<Integer> ranks,
        List<Short> small,
        List<Double> ratios,
        List<Float> floats,
        List<Boolean> flags,
        List<BigDecimal> amounts,
        List<UUID> keys,
        List<Tone> tones,
        String body,
        String meta) {

    /** Stored in a PostgreSQL enum array. */
    public enum Tone { SOFT, LOUD }

    static final String DDL = """
            CREATE TYPE tone AS ENUM ('SOFT', 'LOUD');
            CREATE TABLE docs (
                id bigint PRIMARY KEY,
                tags text[],
                labels varchar(20)[],
                counts bigint[],
                ranks integer[],
                small smallint[],
                ratios double precision[],
                floats real[],
                flags boolean[],
                amounts numeric[],
                keys uuid[],
                tones tone[],
                body jsonb,
                meta json
            );
            """;
}
