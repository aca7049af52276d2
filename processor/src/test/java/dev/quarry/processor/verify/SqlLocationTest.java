package dev.quarry.processor.verify;

import static com.google.common.truth.Truth.assertThat;

import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.SqlParser;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Positions PostgreSQL reports in the text pgjdbc sent, walked back into the SQL as written. */
class SqlLocationTest {
    @Test
    void offsetsAfterRewrittenPlaceholdersMapBack() {
        String sql = "SELECT email FROM users\nWHERE id IN (:ids) AND status = :status\n  AND emial ?? 'x'";
        ParsedSql parsed = SqlParser.parse(sql);
        String jdbc = parsed.jdbcSql(p -> p.name().equals("ids"));
        String sent = SqlLocation.nativeSql(jdbc);
        assertThat(sent).isEqualTo("SELECT email FROM users\nWHERE id = ANY($1) AND status = $2\n  AND emial ? 'x'");

        OptionalInt offset = SqlLocation.toAnnotation(sql, parsed, List.of(true, false), jdbc, sent.indexOf("emial"));

        assertThat(offset).hasValue(sql.indexOf("emial"));
        assertThat(SqlLocation.lineOf(sql, offset.getAsInt())).isEqualTo(3);
        assertThat(SqlLocation.columnOf(sql, offset.getAsInt())).isEqualTo(7);
        assertThat(SqlLocation.near(sql, offset.getAsInt())).isEqualTo("emial ?? 'x'");
    }

    @Test
    void anOffsetInsideAPlaceholderPointsAtThePlaceholder() {
        String sql = "SELECT 1 FROM users WHERE id IN (:ids)";
        ParsedSql parsed = SqlParser.parse(sql);
        String jdbc = parsed.jdbcSql(p -> true);

        OptionalInt offset = SqlLocation.toAnnotation(sql, parsed, List.of(true), jdbc,
                SqlLocation.nativeSql(jdbc).indexOf("$1"));

        assertThat(offset).hasValue(sql.indexOf("IN (:ids)"));
    }

    @Test
    void anOffsetInAWrapperIsNotTheUsers() {
        String written = "SELECT user_id, total FROM orders";
        String wrapped = "SELECT * FROM (SELECT _q.*, row_number() OVER (PARTITION BY user_id ORDER BY totl) AS rank"
                + " FROM (" + written + ") _q) _top WHERE rank <= 3";
        ParsedSql parsed = SqlParser.parse(wrapped);
        String jdbc = parsed.jdbcSql(p -> false);

        assertThat(SqlLocation.toAnnotation(written, parsed, List.of(), jdbc, wrapped.indexOf("totl"))).isEmpty();
        assertThat(SqlLocation.toAnnotation(written, parsed, List.of(), jdbc, wrapped.indexOf("orders")))
                .hasValue(written.indexOf("orders"));
    }
}
