package dev.quarry.processor.sql;

import static com.google.common.truth.Truth.assertThat;

import dev.quarry.processor.sql.ParsedSql.Problem;
import dev.quarry.processor.sql.ParsedSql.Problem.Kind;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlParserTest {
    private static final Predicate<Placeholder> ARRAYS = p -> true;
    private static final Predicate<Placeholder> SCALARS = p -> false;

    private static List<String> names(String sql) {
        return SqlParser.parse(sql).placeholders().stream().map(Placeholder::display).toList();
    }

    private static List<String> labels(String sql) {
        ParsedSql parsed = SqlParser.parse(sql);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.resultLabels()).isPresent();
        return parsed.resultLabels().get();
    }

    private static void assertNoLabels(String sql) {
        ParsedSql parsed = SqlParser.parse(sql);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.resultLabels()).isEmpty();
    }

    @Nested
    class NamedParameters {
        @Test
        void becomePositionalInOrderOfAppearance() {
            String sql = "SELECT * FROM users WHERE id = :id AND tenant_id = :tenantId";
            ParsedSql parsed = SqlParser.parse(sql);

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT * FROM users WHERE id = ? AND tenant_id = ?");
            Placeholder id = parsed.placeholders().get(0);
            assertThat(id.name()).isEqualTo("id");
            assertThat(id.component()).isNull();
            assertThat(id.start()).isEqualTo(sql.indexOf(":id"));
            assertThat(id.end()).isEqualTo(sql.indexOf(":id") + ":id".length());
            assertThat(parsed.placeholders().get(1).name()).isEqualTo("tenantId");
        }

        @Test
        void nameARecordComponentAfterADot() {
            ParsedSql parsed = SqlParser.parse("UPDATE users SET email = :user.email WHERE id = :user.id");

            assertThat(parsed.placeholders()).hasSize(2);
            Placeholder email = parsed.placeholders().get(0);
            assertThat(email.name()).isEqualTo("user");
            assertThat(email.component()).isEqualTo("email");
            assertThat(email.display()).isEqualTo(":user.email");
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("UPDATE users SET email = ? WHERE id = ?");
        }

        @Test
        void repeatedNameBindsOncePerOccurrence() {
            assertThat(names("SELECT * FROM t WHERE a = :x OR b = :x")).containsExactly(":x", ":x").inOrder();
        }

        @Test
        void castIsNotAParameter() {
            ParsedSql parsed = SqlParser.parse("SELECT created_at::date, :day::date AS d FROM t");

            assertThat(names(parsed.original())).containsExactly(":day");
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT created_at::date, ?::date AS d FROM t");
        }

        @Test
        void colonBeforeNonIdentifierIsLeftAlone() {
            ParsedSql parsed = SqlParser.parse("SELECT arr[1:2], :a FROM t");

            assertThat(names(parsed.original())).containsExactly(":a");
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT arr[1:2], ? FROM t");
        }
    }

    @Nested
    class TextThatIsNeverLookedInto {
        @Test
        void standardStringLiteral() {
            String sql = "SELECT ':no', 'it''s :no' FROM t WHERE a = :yes";
            assertThat(names(sql)).containsExactly(":yes");
            assertThat(SqlParser.parse(sql).jdbcSql(SCALARS)).isEqualTo("SELECT ':no', 'it''s :no' FROM t WHERE a = ?");
        }

        @Test
        void escapeStringWithBackslashQuote() {
            String sql = "SELECT E'it\\'s :no', e'\\\\', :yes";
            assertThat(names(sql)).containsExactly(":yes");
            assertThat(SqlParser.parse(sql).jdbcSql(SCALARS)).isEqualTo("SELECT E'it\\'s :no', e'\\\\', ?");
        }

        @Test
        void backslashInStandardStringIsNotAnEscape() {
            // standard_conforming_strings: 'C:\' ends at the second quote, so :yes is outside it
            assertThat(names("SELECT 'C:\\', :yes")).containsExactly(":yes");
        }

        @Test
        void identifierEndingInEIsNotAnEscapeStringPrefix() {
            // "type'…'" would only be an E-string if the E stood alone
            assertThat(names("SELECT some_type'\\', :yes")).containsExactly(":yes");
        }

        @Test
        void dollarQuotedStrings() {
            String sql = "SELECT $$ :no ' $$, $fn$ it's :no $$ still :no $fn$, :yes";
            assertThat(names(sql)).containsExactly(":yes");
        }

        @Test
        void positionalDollarParameterIsNotADollarQuote() {
            assertThat(names("SELECT $1, :yes, $2")).containsExactly(":yes");
        }

        @Test
        void quotedIdentifiers() {
            assertThat(names("SELECT \"odd:name\", \"with \"\"quotes\"\" :no\" FROM t WHERE a = :yes"))
                    .containsExactly(":yes");
        }

        @Test
        void lineComments() {
            String sql = "SELECT a -- filter by :no\nFROM t WHERE a = :yes -- trailing :no";
            assertThat(names(sql)).containsExactly(":yes");
        }

        @Test
        void nestedBlockComments() {
            String sql = "SELECT /* outer /* inner :no */ still :no */ a FROM t WHERE a = :yes";
            assertThat(names(sql)).containsExactly(":yes");
            assertThat(SqlParser.parse(sql).jdbcSql(SCALARS))
                    .isEqualTo("SELECT /* outer /* inner :no */ still :no */ a FROM t WHERE a = ?");
        }

        @Test
        void questionMarksInsideStringsAndCommentsAreNotPositional() {
            ParsedSql parsed = SqlParser.parse("SELECT '?', \"?\", $$?$$ /* ? */ -- ?\nFROM t");
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo(parsed.original());
        }
    }

    @Nested
    class InLists {
        @Test
        void inBecomesAnyWhenTheParameterBindsAsAnArray() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE id IN (:ids) ORDER BY id");

            Placeholder ids = parsed.placeholders().get(0);
            assertThat(ids.listForm()).isEqualTo(Placeholder.ListForm.IN);
            assertThat(parsed.jdbcSql(ARRAYS)).isEqualTo("SELECT * FROM t WHERE id = ANY(?) ORDER BY id");
        }

        @Test
        void notInBecomesNotEqualAll() {
            ParsedSql parsed = SqlParser.parse("DELETE FROM t WHERE id NOT IN ( :ids ) AND a = :a");

            assertThat(parsed.placeholders().get(0).listForm()).isEqualTo(Placeholder.ListForm.NOT_IN);
            assertThat(parsed.jdbcSql(ARRAYS)).isEqualTo("DELETE FROM t WHERE id <> ALL(?) AND a = ?");
        }

        @Test
        void keywordCaseDoesNotMatter() {
            assertThat(SqlParser.parse("select 1 from t where id not in (:ids)").jdbcSql(ARRAYS))
                    .isEqualTo("select 1 from t where id <> ALL(?)");
        }

        @Test
        void scalarParameterKeepsItsInList() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE id IN (:id) AND b NOT IN (:b)");
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT * FROM t WHERE id IN (?) AND b NOT IN (?)");
        }

        @Test
        void onlyTheParametersThePredicateNamesAreRewritten() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE a IN (:ids) AND b IN (:one)");
            assertThat(parsed.jdbcSql(p -> p.name().equals("ids")))
                    .isEqualTo("SELECT * FROM t WHERE a = ANY(?) AND b IN (?)");
        }

        @Test
        void placeholderAmongOthersIsNotAListForm() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE id IN (:a, :b)");

            assertThat(parsed.placeholders().get(0).listForm()).isEqualTo(Placeholder.ListForm.NONE);
            assertThat(parsed.jdbcSql(ARRAYS)).isEqualTo("SELECT * FROM t WHERE id IN (?, ?)");
        }

        @Test
        void componentInsideInIsStillALoneValue() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE id IN (:a.ids)");
            assertThat(parsed.placeholders().get(0).listForm()).isEqualTo(Placeholder.ListForm.IN);
        }
    }

    @Nested
    class QuestionMarks {
        @Test
        void jsonbAnyAndAllKeyOperatorsAreDoubled() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE tags ?| :any AND a = :a AND tags ?& :all");

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT * FROM t WHERE tags ??| ? AND a = ? AND tags ??& ?");
        }

        @Test
        void doubledOperatorAfterAnInRewriteIsStillDoubled() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE id IN (:ids) AND tags ?| :keys");
            assertThat(parsed.jdbcSql(ARRAYS)).isEqualTo("SELECT * FROM t WHERE id = ANY(?) AND tags ??| ?");
        }

        @Test
        void alreadyEscapedOperatorIsLeftAlone() {
            ParsedSql parsed = SqlParser.parse("SELECT * FROM t WHERE data ?? 'key' AND a = :a");

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT * FROM t WHERE data ?? 'key' AND a = ?");
        }

        @Test
        void loneQuestionMarkIsAPositionalParameterAtItsOffset() {
            String sql = "SELECT * FROM t WHERE a = ? AND b = :b AND c = ?";
            ParsedSql parsed = SqlParser.parse(sql);

            assertThat(parsed.problems()).containsExactly(
                    new Problem(Kind.POSITIONAL_PARAMETER, sql.indexOf('?')),
                    new Problem(Kind.POSITIONAL_PARAMETER, sql.lastIndexOf('?'))).inOrder();
            assertThat(parsed.hasProblems()).isTrue();
        }
    }

    @Nested
    class Statements {
        @Test
        void trailingSemicolonsAndWhitespaceAreDropped() {
            ParsedSql parsed = SqlParser.parse("SELECT a FROM t WHERE a = :a ; ;\n");

            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.jdbcSql(SCALARS)).isEqualTo("SELECT a FROM t WHERE a = ?");
        }

        @Test
        void semicolonInsideParenthesesOrStringsIsNotASeparator() {
            assertThat(SqlParser.parse("SELECT ';' FROM t WHERE a = $$;$$").problems()).isEmpty();
        }

        @Test
        void secondStatementIsReportedAtItsSemicolon() {
            String sql = "UPDATE t SET a = 1; DELETE FROM t";
            assertThat(SqlParser.parse(sql).problems())
                    .containsExactly(new Problem(Kind.MULTIPLE_STATEMENTS, sql.indexOf(';')));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n\t", ";", " ; ; ", "-- nothing here", "/* nor here */"})
        void emptyTextIsReported(String sql) {
            ParsedSql parsed = SqlParser.parse(sql);
            assertThat(parsed.problems()).containsExactly(new Problem(Kind.EMPTY, 0));
            assertThat(parsed.placeholders()).isEmpty();
        }

        @Test
        void select() {
            ParsedSql parsed = SqlParser.parse("SELECT a FROM t");
            assertThat(parsed.kind()).isEqualTo("select");
            assertThat(parsed.returnsRows()).isTrue();
        }

        @Test
        void parenthesisedSelect() {
            ParsedSql parsed = SqlParser.parse("(SELECT a FROM t) UNION ALL (SELECT a FROM u)");
            assertThat(parsed.kind()).isEqualTo("select");
            assertThat(parsed.returnsRows()).isTrue();
        }

        @Test
        void withSelect() {
            ParsedSql parsed = SqlParser.parse(
                    "WITH recent AS (SELECT id, total FROM orders WHERE placed > :since) SELECT id FROM recent");
            assertThat(parsed.kind()).isEqualTo("select");
            assertThat(parsed.returnsRows()).isTrue();
            assertThat(parsed.resultLabels()).hasValue(List.of("id"));
        }

        @Test
        void withUpdateReturning() {
            ParsedSql parsed = SqlParser.parse("WITH stale AS (SELECT id FROM users WHERE seen < :cutoff) "
                    + "UPDATE users u SET active = false FROM stale WHERE u.id = stale.id RETURNING u.id, u.email");
            assertThat(parsed.kind()).isEqualTo("update");
            assertThat(parsed.returnsRows()).isTrue();
            assertThat(parsed.resultLabels()).hasValue(List.of("id", "email"));
        }

        @Test
        void withUpdateWithoutReturning() {
            ParsedSql parsed = SqlParser.parse(
                    "WITH x AS (SELECT id FROM t) UPDATE t SET a = 1 WHERE id IN (SELECT id FROM x)");
            assertThat(parsed.kind()).isEqualTo("update");
            assertThat(parsed.returnsRows()).isFalse();
        }

        @Test
        void returningInsideACteDoesNotMakeTheMainStatementReturnRows() {
            ParsedSql parsed = SqlParser.parse(
                    "WITH moved AS (DELETE FROM inbox RETURNING id) INSERT INTO archive (id) SELECT id FROM moved");
            assertThat(parsed.kind()).isEqualTo("insert");
            assertThat(parsed.returnsRows()).isFalse();
        }

        @Test
        void insertReturning() {
            ParsedSql parsed = SqlParser.parse("INSERT INTO users (email) VALUES (:email) RETURNING id, created_at");
            assertThat(parsed.kind()).isEqualTo("insert");
            assertThat(parsed.returnsRows()).isTrue();
            assertThat(parsed.resultLabels()).hasValue(List.of("id", "created_at"));
        }

        @Test
        void insertSelectReturnsNoRows() {
            ParsedSql parsed = SqlParser.parse("INSERT INTO archive (id) SELECT id FROM users WHERE id = :id");
            assertThat(parsed.kind()).isEqualTo("insert");
            assertThat(parsed.returnsRows()).isFalse();
        }

        @Test
        void update() {
            ParsedSql parsed = SqlParser.parse("UPDATE users SET email = :email WHERE id = :id");
            assertThat(parsed.kind()).isEqualTo("update");
            assertThat(parsed.returnsRows()).isFalse();
            assertThat(parsed.resultLabels()).isEmpty();
        }

        @Test
        void delete() {
            ParsedSql parsed = SqlParser.parse("delete from users where id = :id");
            assertThat(parsed.kind()).isEqualTo("delete");
            assertThat(parsed.returnsRows()).isFalse();
        }

        @Test
        void deleteReturningStar() {
            ParsedSql parsed = SqlParser.parse("DELETE FROM users WHERE id = :id RETURNING *");
            assertThat(parsed.returnsRows()).isTrue();
            assertThat(parsed.resultLabels()).isEmpty();
        }

        @Test
        void values() {
            ParsedSql parsed = SqlParser.parse("VALUES (1, 'one'), (2, 'two')");
            assertThat(parsed.kind()).isEqualTo("values");
            assertThat(parsed.returnsRows()).isTrue();
            assertThat(parsed.resultLabels()).isEmpty();
        }

        @Test
        void leadingCommentIsSkipped() {
            ParsedSql parsed = SqlParser.parse("/* report */ -- nightly\nSELECT 1 AS one");
            assertThat(parsed.kind()).isEqualTo("select");
            assertThat(parsed.resultLabels()).hasValue(List.of("one"));
        }
    }

    @Nested
    class ResultLabels {
        @Test
        void plainColumns() {
            assertThat(labels("SELECT id, email, created_at FROM users")).containsExactly("id", "email", "created_at")
                    .inOrder();
        }

        @Test
        void unquotedNamesAreLowerCasedQuotedOnesKeptAsWritten() {
            assertThat(labels("SELECT ID, Email AS Mail, name AS \"Display Name\" FROM users"))
                    .containsExactly("id", "mail", "Display Name").inOrder();
        }

        @Test
        void qualifiedColumnsTakeTheColumnName() {
            assertThat(labels("SELECT u.id, public.users.email FROM users u")).containsExactly("id", "email").inOrder();
        }

        @Test
        void castKeepsTheColumnName() {
            assertThat(labels("SELECT status::text, u.total::numeric(10, 2) FROM users u"))
                    .containsExactly("status", "total").inOrder();
        }

        @Test
        void aliasWithAs() {
            assertThat(labels("SELECT lower(email) AS email, a + b AS sum, 'x' AS kind FROM t"))
                    .containsExactly("email", "sum", "kind").inOrder();
        }

        @Test
        void functionCallIsNamedAfterTheFunction() {
            assertThat(labels("SELECT count(*), max(total) FROM orders")).containsExactly("count", "max").inOrder();
        }

        @Test
        void windowFunctionWithAlias() {
            assertThat(labels("SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY score DESC) AS tenant_rank"
                    + " FROM users")).containsExactly("id", "tenant_rank").inOrder();
        }

        @Test
        void windowFunctionWithoutAlias() {
            assertThat(labels("SELECT rank() OVER (ORDER BY score) FROM users")).containsExactly("rank");
        }

        @Test
        void filteredAggregate() {
            assertThat(labels("SELECT count(*) FILTER (WHERE total > 100), tenant_id FROM orders GROUP BY tenant_id"))
                    .containsExactly("count", "tenant_id").inOrder();
        }

        @Test
        void implicitAlias() {
            assertThat(labels("SELECT count(*) n, 'x' kind, 42 answer FROM t")).containsExactly("n", "kind", "answer")
                    .inOrder();
        }

        @Test
        void distinctOn() {
            assertThat(labels("SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b DESC")).containsExactly("a", "b").inOrder();
        }

        @Test
        void distinctAndAll() {
            assertThat(labels("SELECT DISTINCT a, b FROM t")).containsExactly("a", "b").inOrder();
            assertThat(labels("SELECT ALL a FROM t")).containsExactly("a");
        }

        @Test
        void subqueryInTheListDoesNotEndIt() {
            assertThat(labels("SELECT id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS orders FROM users u"))
                    .containsExactly("id", "orders").inOrder();
        }

        @Test
        void selectWithoutFrom() {
            assertThat(labels("SELECT :a AS a, now() AS at")).containsExactly("a", "at").inOrder();
        }

        @Test
        void star() {
            assertNoLabels("SELECT * FROM users");
        }

        @Test
        void qualifiedStar() {
            assertNoLabels("SELECT u.*, o.id FROM users u JOIN orders o ON o.user_id = u.id");
        }

        @Test
        void arithmeticWithoutAlias() {
            assertNoLabels("SELECT a + b FROM t");
        }

        @Test
        void caseWithoutAlias() {
            // PostgreSQL calls this column "case"; the parser must not mistake END for an alias
            assertNoLabels("SELECT CASE WHEN a > 0 THEN b ELSE c END FROM t");
        }

        @Test
        void caseWithLiteralElseWithoutAlias() {
            assertNoLabels("SELECT CASE WHEN a > 0 THEN 'positive' ELSE 'other' END FROM t");
        }

        @Test
        void caseWithAlias() {
            assertThat(labels("SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END AS positive FROM t")).containsExactly("positive");
        }

        @Test
        void booleanLiteral() {
            assertNoLabels("SELECT true");
        }

        @Test
        void oneUnknownItemMakesTheWholeListUnknown() {
            assertNoLabels("SELECT id, a + b, email FROM t");
        }

        @Test
        void returningList() {
            assertThat(labels("UPDATE t SET a = :a WHERE id = :id RETURNING id, a AS new_a, updated_at::date"))
                    .containsExactly("id", "new_a", "updated_at").inOrder();
        }
    }
}
