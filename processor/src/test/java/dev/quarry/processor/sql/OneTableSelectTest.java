package dev.quarry.processor.sql;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneTableSelectTest {
    private static OneTableSelect of(String sql) {
        Optional<OneTableSelect> select = OneTableSelect.of(sql, "users", List.of("id"), "_p");
        assertThat(select).isPresent();
        return select.get();
    }

    @Test
    void anOrderThatOnlySortsLeavesTheSubqueryAndIsSaidOfItsColumns() {
        OneTableSelect select = of("SELECT id, email FROM users WHERE id > ? ORDER BY email DESC, id");
        assertThat(select.inner()).isEqualTo("SELECT id, email FROM users WHERE id > ?");
        assertThat(select.order()).containsExactly("_p.email DESC", "_p.id").inOrder();
    }

    @Test
    void noOrderIsNoOrder() {
        OneTableSelect select = of("SELECT id, email FROM users u WHERE u.id = ?");
        assertThat(select.inner()).isEqualTo("SELECT id, email FROM users u WHERE u.id = ?");
        assertThat(select.order()).isEmpty();
    }

    @Test
    void limitOffsetFetchAndDistinctOnKeepTheirOrder() {
        for (String sql : List.of("SELECT id, email FROM users ORDER BY email LIMIT 10 OFFSET 5",
                "SELECT id, email FROM users ORDER BY email OFFSET 5",
                "SELECT id, email FROM users ORDER BY email FETCH FIRST 3 ROWS ONLY",
                "SELECT DISTINCT ON (email) id, email FROM users ORDER BY email")) {
            OneTableSelect select = of(sql);
            assertThat(select.inner()).isEqualTo(sql);
            assertThat(select.order()).containsExactly("_p.email");
        }
    }

    @Test
    void aLockingClauseStaysInTheSubquery() {
        OneTableSelect select = of("SELECT id FROM users ORDER BY id FOR UPDATE");
        assertThat(select.inner()).isEqualTo("SELECT id FROM users FOR UPDATE");
        assertThat(select.order()).containsExactly("_p.id");
    }

    @Test
    void outputNamesComeBeforeTableColumns() {
        // "name" is an output column (the e-mail), "u.id" the table's column, output first as "key"
        OneTableSelect select = of("SELECT u.id AS key, u.email AS name, u.id FROM users u ORDER BY name, u.id, id");
        assertThat(select.order()).containsExactly("_p.name", "_p.key", "_p.id").inOrder();
        OneTableSelect renamed = of("SELECT id, email AS mail FROM users ORDER BY email NULLS LAST, users.email ASC");
        assertThat(renamed.order()).containsExactly("_p.mail NULLS LAST", "_p.mail ASC").inOrder();
    }

    @Test
    void quotedNamesStayQuotedAndPositionsStayPositions() {
        OneTableSelect select = of("SELECT id, email AS \"Mail\" FROM users ORDER BY \"Mail\" desc nulls first, 1");
        assertThat(select.order()).containsExactly("_p.\"Mail\" DESC NULLS FIRST", "1").inOrder();
    }

    @Test
    void everyColumnOfAStarIsItsOwnOutput() {
        OneTableSelect select = of("SELECT * FROM users ORDER BY email");
        assertThat(select.inner()).isEqualTo("SELECT * FROM users");
        assertThat(select.order()).containsExactly("_p.email");
        assertThat(of("SELECT u.* FROM users AS u ORDER BY u.email").order()).containsExactly("_p.email");
    }

    @Test
    void aCastColumnIsOrderedByItsOutput() {
        assertThat(of("SELECT id, email::varchar FROM users ORDER BY email").order()).containsExactly("_p.email");
        // an expression without a function call cannot multiply rows
        assertThat(of("SELECT id, id * 2 AS twice, (SELECT count(*) FROM users) AS n FROM users ORDER BY twice")
                .order()).containsExactly("_p.twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT u.id, u.email FROM users u JOIN orders o ON o.user_id = u.id ORDER BY u.id",
        "SELECT u.id, u.email FROM users u, orders o WHERE o.user_id = u.id",
        "SELECT id, email FROM users UNION ALL SELECT id, email FROM users",
        "SELECT id, email FROM users WHERE id > 3 UNION ALL SELECT id, email FROM users",
        "SELECT id, email FROM accounts ORDER BY id",
        "SELECT id, email FROM public.users ORDER BY id",
        "SELECT id, email FROM ONLY users",
        "WITH u AS (SELECT * FROM users) SELECT id, email FROM users",
        "SELECT id, unnest(tags) AS tag FROM users",
        "SELECT id, max(email) AS email FROM users GROUP BY id",
        "SELECT id, email FROM users ORDER BY lower(email)",
        "SELECT id, email FROM users ORDER BY created_at",
        "SELECT id, email FROM users u ORDER BY u.created_at",
        "SELECT id, email FROM users ORDER BY email COLLATE \"C\"",
        "SELECT id, email FROM users ORDER BY email USING >",
        "SELECT id, email AS id FROM users ORDER BY id",
        "SELECT id, email FROM users TABLESAMPLE SYSTEM (10)",
        "SELECT id, email FROM users ORDER",
        "SELECT DISTINCT ON id, email FROM users",
        "SELECT email FROM users ORDER BY email",
        "SELECT id + 0 AS id, email FROM users",
        "SELECT id::text AS id, email FROM users",
        "SELECT u.email AS id FROM users u",
        "SELECT id AS key, email FROM users",
        "(SELECT id, email FROM users ORDER BY id)",
        "UPDATE users SET email = '' RETURNING id, email",
    })
    void anythingElseIsNotOneTableRead(String sql) {
        assertThat(OneTableSelect.of(sql, "users", List.of("id"), "_p")).isEmpty();
    }

    @Test
    void aQuotedTableNameMustBeTheSame() {
        assertThat(OneTableSelect.of("SELECT id FROM \"Users\"", "\"Users\"", List.of("id"), "_p")).isPresent();
        assertThat(OneTableSelect.of("SELECT id FROM users", "\"Users\"", List.of("id"), "_p")).isEmpty();
        assertThat(OneTableSelect.of("SELECT id FROM USERS", "users", List.of("id"), "_p")).isPresent();
    }
}
