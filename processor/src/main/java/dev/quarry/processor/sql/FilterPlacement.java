package dev.quarry.processor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a statement takes {@code @Filter} conditions and {@code Sort} keys, found once on its tokens,
 * so that every variant is the statement's own text with constant pieces put between.
 */
public final class FilterPlacement {
    /** Words that end a top-level {@code WHERE} (the clauses that may follow it). */
    private static final Set<String> AFTER_WHERE = Set.of(
            "group", "having", "window", "order", "limit", "offset", "fetch", "for");
    private static final Set<String> AFTER_ORDER = Set.of("limit", "offset", "fetch", "for");
    private static final Set<String> SET_OPERATIONS = Set.of("union", "intersect", "except");

    private FilterPlacement() {}

    /**
     * The statement cut where filters go. With a {@code WHERE}: {@code prefix} ends with it and
     * {@code condition} is its condition; without: {@code condition} is empty and the filters become
     * the {@code WHERE} between {@code prefix} and {@code suffix}.
     */
    public record Pieces(String prefix, String condition, String suffix, boolean hasWhere) implements Placement {
        /** The statement with the filters of {@code mask} applied, as the runtime composes it too. */
        public String compose(List<String> filters, int mask) {
            if (mask == 0) {
                return prefix + condition + suffix;
            }
            StringBuilder out = new StringBuilder(prefix);
            boolean first = true;
            if (hasWhere) {
                out.append(" (").append(condition.strip()).append(')');
                first = false;
            }
            for (int i = 0; i < filters.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    out.append(first ? " WHERE (" : " AND (").append(filters.get(i)).append(')');
                    first = false;
                }
            }
            return out.append(suffix).toString();
        }
    }

    /** Why filters cannot go into a statement: a top-level set operation (its word), or none. */
    public record Refusal(String setOperation) implements Placement {}

    /** The pieces of a statement, or why it has none. */
    public sealed interface Placement permits Pieces, Refusal {}

    /** The pieces of {@code sql} (one {@code SELECT}, possibly after {@code WITH}), or why there are none. */
    public static Placement pieces(String sql) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        if (tokens.isEmpty()) {
            return new Refusal(null);
        }
        int select = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == 0 && t.kind() == Token.Kind.WORD && SET_OPERATIONS.contains(t.text())) {
                return new Refusal(t.text().toUpperCase(java.util.Locale.ROOT));
            }
            if (select < 0 && t.depth() == 0 && t.isWord("select")) {
                select = i;
            }
        }
        if (select < 0) {
            // (SELECT …) UNION (SELECT …): the set operation sits one level down
            for (Token t : tokens) {
                if (t.kind() == Token.Kind.WORD && SET_OPERATIONS.contains(t.text())) {
                    return new Refusal(t.text().toUpperCase(java.util.Locale.ROOT));
                }
            }
            return new Refusal(null);
        }
        int where = -1;
        int end = tokens.size();
        for (int i = select + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0 || t.kind() != Token.Kind.WORD) {
                continue;
            }
            if (t.text().equals("where") && where < 0) {
                where = i;
            } else if (AFTER_WHERE.contains(t.text()) && !(t.text().equals("group") && tokens.get(i - 1).isWord("within"))) {
                end = i;
                break;
            }
        }
        int length = tokens.get(tokens.size() - 1).end();
        int conditionEnd = tokens.get(end - 1).end();
        if (where >= 0) {
            int conditionStart = tokens.get(where).end();
            return new Pieces(sql.substring(0, conditionStart), sql.substring(conditionStart, conditionEnd),
                    sql.substring(conditionEnd, length), true);
        }
        return new Pieces(sql.substring(0, conditionEnd), "", sql.substring(conditionEnd, length), false);
    }

    /**
     * Where a sort's keys go in {@code sql}: {@code tail} characters before its end, after the
     * {@code ORDER BY} of the statement's own terms when {@code ownOrder}, else as a new
     * {@code ORDER BY} before {@code LIMIT}/{@code OFFSET}/{@code FETCH}/{@code FOR}.
     */
    public record SortPoint(int tail, boolean ownOrder) {}

    public static SortPoint sortPoint(String sql) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        for (int i = topLevelStart(tokens); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0 || t.kind() != Token.Kind.WORD) {
                continue;
            }
            if (t.text().equals("order") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("by")) {
                return new SortPoint(sql.length() - tokens.get(i + 1).end(), true);
            }
            if (AFTER_ORDER.contains(t.text())) {
                return new SortPoint(sql.length() - tokens.get(i - 1).end(), false);
            }
        }
        return new SortPoint(sql.length() - (tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end()), false);
    }

    /**
     * The statement's own top-level {@code ORDER BY}: from its {@code ORDER} word to the end of its
     * last term, and its terms.
     */
    public record OrderBy(int start, int end, List<OrderTerm> terms) {}

    /**
     * One {@code ORDER BY} term.
     *
     * @param text the term as written
     * @param column the column it names when it is a (qualified) column with at most a direction, else {@code null}
     * @param descending whether it says {@code DESC}
     */
    public record OrderTerm(String text, String column, boolean descending) {}

    /** The top-level {@code ORDER BY} of {@code sql}, if it has one. */
    public static java.util.Optional<OrderBy> orderBy(String sql) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        int from = topLevelStart(tokens);
        for (int i = from; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0 || !t.isWord("order") || !tokens.get(i + 1).isWord("by")) {
                continue;
            }
            List<OrderTerm> terms = new ArrayList<>();
            int j = i + 2;
            int termStart = j;
            int end = tokens.get(i + 1).end();
            for (; j <= tokens.size(); j++) {
                Token u = j < tokens.size() ? tokens.get(j) : null;
                boolean last = u == null || u.depth() == 0 && u.kind() == Token.Kind.WORD && AFTER_ORDER.contains(u.text());
                if (last || u.depth() == 0 && u.isSymbol(",")) {
                    if (j > termStart) {
                        terms.add(term(sql, tokens.subList(termStart, j)));
                        end = tokens.get(j - 1).end();
                    }
                    termStart = j + 1;
                    if (last) {
                        break;
                    }
                }
            }
            return java.util.Optional.of(new OrderBy(t.start(), end, List.copyOf(terms)));
        }
        return java.util.Optional.empty();
    }

    private static OrderTerm term(String sql, List<Token> tokens) {
        String text = sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
        int n = tokens.size();
        boolean descending = tokens.get(n - 1).isWord("desc");
        if (descending || tokens.get(n - 1).isWord("asc")) {
            n--;
        }
        // name, or qualifier.name (schema.table.name too): identifiers separated by dots
        boolean column = n % 2 == 1;
        for (int k = 0; k < n && column; k++) {
            Token t = tokens.get(k);
            column = k % 2 == 0 ? t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED : t.isSymbol(".");
        }
        return new OrderTerm(text, column ? tokens.get(n - 1).text() : null, descending);
    }

    /** The word of a top-level {@code LIMIT}, {@code OFFSET} or {@code FETCH} of {@code sql}, if it has one. */
    public static java.util.Optional<String> ownLimit(String sql) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        for (int i = topLevelStart(tokens); i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == 0 && (t.isWord("limit") || t.isWord("offset") || t.isWord("fetch"))) {
                return java.util.Optional.of(t.text().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The table a {@code SELECT} reads alone, without grouping: {@code FROM name [alias]} followed by
     * {@code WHERE}, {@code ORDER BY}, {@code LIMIT}, {@code OFFSET}, {@code FETCH}, {@code FOR} or nothing.
     */
    public static java.util.Optional<String> singleTable(String sql) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        if (tokens.isEmpty() || !tokens.get(0).isWord("select")) {
            return java.util.Optional.empty();
        }
        for (Token t : tokens) {
            if (t.depth() == 0 && t.kind() == Token.Kind.WORD && (SET_OPERATIONS.contains(t.text())
                    || t.text().equals("group") || t.text().equals("having") || t.text().equals("window"))) {
                return java.util.Optional.empty();
            }
        }
        int i = SqlParser.indexOfTopLevel(tokens, "from", 1) + 1;
        if (i <= 0 || i >= tokens.size()) {
            return java.util.Optional.empty();
        }
        StringBuilder name = new StringBuilder();
        while (i < tokens.size() && (tokens.get(i).kind() == Token.Kind.WORD || tokens.get(i).kind() == Token.Kind.QUOTED)) {
            Token part = tokens.get(i);
            name.append(part.kind() == Token.Kind.QUOTED ? '"' + part.text() + '"' : part.text());
            if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
                name.append('.');
                i += 2;
            } else {
                i++;
                break;
            }
        }
        if (i < tokens.size() && tokens.get(i).isWord("as")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD && !AFTER_WHERE.contains(tokens.get(i).text())
                && !tokens.get(i).text().equals("where")) {
            i++; // the alias
        }
        boolean ends = i == tokens.size() || tokens.get(i).kind() == Token.Kind.WORD
                && (tokens.get(i).text().equals("where") || AFTER_WHERE.contains(tokens.get(i).text()));
        return ends && name.length() > 0 ? java.util.Optional.of(name.toString()) : java.util.Optional.empty();
    }

    /** The first top-level {@code SELECT}, or the last top-level set operation after it: where the outer clauses start. */
    private static int topLevelStart(List<Token> tokens) {
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == 0 && (t.isWord("select") && start == 0
                    || t.kind() == Token.Kind.WORD && SET_OPERATIONS.contains(t.text()))) {
                start = i;
            }
        }
        return start;
    }

    /** The parameters ({@code :name}) that stand alone as an {@code ORDER BY} term, which sorts by a constant. */
    public static List<String> wholeOrderByParameters(String sql) {
        List<Token> tokens = SqlLexer.lex(sql).tokens();
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("order") || !tokens.get(i + 1).isWord("by")) {
                continue;
            }
            int depth = tokens.get(i).depth();
            int j = i + 2;
            while (j < tokens.size()) {
                int term = j;
                boolean onlyParameter = tokens.get(j).kind() == Token.Kind.PARAMETER;
                j++;
                while (j < tokens.size() && tokens.get(j).depth() >= depth && !(tokens.get(j).depth() == depth
                        && (tokens.get(j).isSymbol(",") || tokens.get(j).isSymbol(";") || endsOrderBy(tokens.get(j))))) {
                    Token t = tokens.get(j);
                    onlyParameter &= t.depth() == depth && t.kind() == Token.Kind.WORD
                            && Set.of("asc", "desc", "nulls", "first", "last").contains(t.text());
                    j++;
                }
                if (onlyParameter) {
                    found.add(":" + tokens.get(term).text());
                }
                if (j < tokens.size() && tokens.get(j).isSymbol(",") && tokens.get(j).depth() == depth) {
                    j++;
                } else {
                    break;
                }
            }
        }
        return found;
    }

    /** Whether the parentheses of {@code sql} pair up, so that it stays one condition inside {@code ( )}. */
    public static boolean balanced(String sql) {
        int open = 0;
        for (Token t : SqlLexer.lex(sql).tokens()) {
            open += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (open < 0) {
                return false;
            }
        }
        return open == 0;
    }

    private static boolean endsOrderBy(Token t) {
        return t.kind() == Token.Kind.WORD && (AFTER_ORDER.contains(t.text()) || SET_OPERATIONS.contains(t.text())
                || t.text().equals("rows") || t.text().equals("range") || t.text().equals("groups"));
    }
}
