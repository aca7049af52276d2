package dev.quarry.processor.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code SELECT} that reads a single table and yields each of its rows at most once, as a
 * statement that wraps it in a subquery sees it. Such a query needs no row number to keep its
 * rows apart or in order: its {@code ORDER BY} can be said of the subquery's columns, and the
 * table's key tells its rows apart.
 *
 * @param inner the SQL to wrap: without its {@code ORDER BY} when that only sorts, as written
 *     when {@code LIMIT}, {@code OFFSET}, {@code FETCH} or {@code DISTINCT ON} depend on it
 * @param order the {@code ORDER BY} items said of the wrapped query's columns, in order; empty
 *     when the query has none
 */
public record OneTableSelect(String inner, List<String> order) {
    /** Words that may follow the table in {@code FROM} and leave the query one table's rows. */
    private static final Set<String> AFTER_TABLE = Set.of("where", "order", "limit", "offset", "fetch", "for");
    /** Words that, at the top level of a {@code WHERE} clause, mean more than one table or grouping. */
    private static final Set<String> NOT_IN_WHERE = Set.of(
            "union", "intersect", "except", "group", "having", "window");
    private static final Set<String> AFTER_ORDER = Set.of("limit", "offset", "fetch", "for");
    private static final Set<String> DIRECTIONS = Set.of("asc", "desc");

    /**
     * The query {@code sql} as one read of {@code table} whose {@code key} columns it returns as
     * they are, its order said of {@code alias}; empty when the SQL is anything else (joins, set
     * operations, grouping, {@code WITH}, a select item that may return several rows, a key column
     * renamed or computed, an {@code ORDER BY} on an expression the subquery does not return).
     */
    public static Optional<OneTableSelect> of(String sql, String table, List<String> key, String alias) {
        List<Token> tokens = SqlParser.withoutTrailingSemicolons(SqlLexer.lex(sql).tokens());
        if (tokens.isEmpty() || !tokens.get(0).isWord("select")) {
            return Optional.empty();
        }
        int from = SqlParser.indexOfTopLevel(tokens, "from", 1);
        if (from < 0) {
            return Optional.empty();
        }
        int listStart = 1;
        boolean distinctOn = false;
        if (tokens.get(1).isWord("all")) {
            listStart = 2;
        } else if (tokens.get(1).isWord("distinct")) {
            listStart = 2;
            if (tokens.get(2).isWord("on")) {
                if (!tokens.get(3).isSymbol("(")) {
                    return Optional.empty();
                }
                distinctOn = true;
                listStart = SqlParser.skipParenthesized(tokens, 3);
            }
        }
        if (listStart > from) {
            return Optional.empty();
        }
        Optional<Outputs> outputs = Outputs.of(sql, tokens.subList(listStart, from));
        int afterTable = tableEnd(tokens, from + 1, table);
        if (outputs.isEmpty() || afterTable < 0 || !key.stream().allMatch(outputs.get()::returnsAsItIs)) {
            return Optional.empty();
        }
        int order = -1;
        boolean limited = false;
        for (int i = afterTable; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() != 0 || t.kind() != Token.Kind.WORD) {
                continue;
            }
            if (NOT_IN_WHERE.contains(t.text())) {
                return Optional.empty();
            }
            if (t.text().equals("order") && order < 0) {
                order = i;
            }
            limited |= t.text().equals("limit") || t.text().equals("offset") || t.text().equals("fetch");
        }
        if (order < 0) {
            return Optional.of(new OneTableSelect(sql, List.of()));
        }
        if (order + 1 >= tokens.size() || !tokens.get(order + 1).isWord("by")) {
            return Optional.empty();
        }
        int end = order + 2;
        while (end < tokens.size() && !(tokens.get(end).depth() == 0 && tokens.get(end).kind() == Token.Kind.WORD
                && AFTER_ORDER.contains(tokens.get(end).text()))) {
            end++;
        }
        Optional<List<String>> lifted = lift(sql, tokens.subList(order + 2, end), outputs.get(), alias);
        if (lifted.isEmpty()) {
            return Optional.empty();
        }
        String inner = limited || distinctOn ? sql
                : (sql.substring(0, tokens.get(order).start()).stripTrailing() + " "
                        + sql.substring(tokens.get(end - 1).end()).stripLeading()).strip();
        return Optional.of(new OneTableSelect(inner, lifted.get()));
    }

    /**
     * Where the {@code FROM} clause starting at {@code at} ends, when it names {@code table} alone
     * (with an alias or not); -1 otherwise.
     */
    private static int tableEnd(List<Token> tokens, int at, String table) {
        List<Token> wanted = SqlLexer.lex(table).tokens();
        if (at + wanted.size() > tokens.size()) {
            return -1;
        }
        for (int i = 0; i < wanted.size(); i++) {
            Token have = tokens.get(at + i);
            if (have.kind() != wanted.get(i).kind() || !have.text().equals(wanted.get(i).text())) {
                return -1;
            }
        }
        int i = at + wanted.size();
        if (i < tokens.size() && tokens.get(i).isWord("as")) {
            i++;
        }
        if (i < tokens.size() && isName(tokens.get(i)) && !AFTER_TABLE.contains(tokens.get(i).text())) {
            i++;
        }
        boolean ends = i == tokens.size()
                || (tokens.get(i).kind() == Token.Kind.WORD && AFTER_TABLE.contains(tokens.get(i).text()));
        return ends ? i : -1;
    }

    /** Each {@code ORDER BY} item said of {@code alias}'s columns, when every item can be. */
    private static Optional<List<String>> lift(String sql, List<Token> items, Outputs outputs, String alias) {
        List<String> lifted = new ArrayList<>();
        for (List<Token> item : split(items)) {
            int n = 0;
            String key;
            if (item.size() > n && item.get(n).kind() == Token.Kind.NUMBER && item.get(n).text().chars()
                    .allMatch(Character::isDigit)) {
                // an output column by position, the same position in the wrapping statement's select list
                key = item.get(n++).text();
            } else if (item.size() > n + 2 && isName(item.get(n)) && item.get(n + 1).isSymbol(".")
                    && isName(item.get(n + 2))) {
                key = outputs.ofColumn(item.get(n + 2)).map(t -> alias + "." + text(sql, t)).orElse(null);
                n += 3;
            } else if (item.size() > n && isName(item.get(n))) {
                // a bare name is an output column first, a column of the table otherwise
                Token name = item.get(n++);
                key = outputs.ofLabel(name).or(() -> outputs.ofColumn(name)).map(t -> alias + "." + text(sql, t))
                        .orElse(null);
            } else {
                key = null;
            }
            StringBuilder modifiers = new StringBuilder();
            if (n < item.size() && item.get(n).kind() == Token.Kind.WORD && DIRECTIONS.contains(item.get(n).text())) {
                modifiers.append(' ').append(item.get(n++).text().toUpperCase(Locale.ROOT));
            }
            if (n + 1 < item.size() && item.get(n).isWord("nulls")
                    && (item.get(n + 1).isWord("first") || item.get(n + 1).isWord("last"))) {
                modifiers.append(" NULLS ").append(item.get(n + 1).text().toUpperCase(Locale.ROOT));
                n += 2;
            }
            if (key == null || n != item.size()) {
                return Optional.empty();
            }
            lifted.add(key + modifiers);
        }
        return Optional.of(List.copyOf(lifted));
    }

    /** Splits tokens at the commas of their own depth. */
    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> items = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = tokens.isEmpty() ? 0 : tokens.get(0).depth();
        for (Token t : tokens) {
            if (t.isSymbol(",") && t.depth() == depth) {
                items.add(item);
                item = new ArrayList<>();
            } else {
                item.add(t);
            }
        }
        items.add(item);
        return items;
    }

    private static boolean isName(Token t) {
        return t.kind() == Token.Kind.QUOTED || t.kind() == Token.Kind.WORD;
    }

    /** The token as written. */
    private static String text(String sql, Token t) {
        return sql.substring(t.start(), t.end());
    }

    /**
     * The select list: the label of every item, and for the items that are a column as it is
     * (no expression, no cast), which label it has. {@code *} makes every column its own label.
     */
    private record Outputs(boolean star, Map<String, Token> labels, Map<String, Token> columns, Set<String> asItIs) {
        static Optional<Outputs> of(String sql, List<Token> list) {
            List<List<Token>> items = split(list);
            if (items.size() == 1 && isStar(items.get(0))) {
                return Optional.of(new Outputs(true, Map.of(), Map.of(), Set.of()));
            }
            Map<String, Token> labels = new HashMap<>();
            Map<String, Token> columns = new HashMap<>();
            Set<String> asItIs = new HashSet<>();
            for (List<Token> item : items) {
                if (item.isEmpty() || mayReturnRows(item)) {
                    return Optional.empty();
                }
                String label = SqlParser.label(item);
                if (label == null || labels.containsKey(label)) {
                    // a label nobody can name, or two columns of one name: the wrapper cannot tell which
                    return Optional.empty();
                }
                Token labelToken = labelToken(item, label);
                labels.put(label, labelToken);
                int n = item.size();
                int columnEnd = n >= 3 && item.get(n - 2).isWord("as") ? n - 2 : n;
                if (SqlParser.isQualifiedName(item, columnEnd)) {
                    columns.putIfAbsent(item.get(columnEnd - 1).text(), labelToken);
                    if (item.get(columnEnd - 1).text().equals(label)) {
                        asItIs.add(label);
                    }
                }
            }
            return Optional.of(new Outputs(false, labels, columns, Set.copyOf(asItIs)));
        }

        /** The name in the item that gives it its label: the alias, or the column before a cast. */
        private static Token labelToken(List<Token> item, String label) {
            for (int i = item.size() - 1; i >= 0; i--) {
                if (isName(item.get(i)) && item.get(i).text().equals(label)) {
                    return item.get(i);
                }
            }
            throw new IllegalStateException("no " + label + " in its item");
        }

        private static boolean isStar(List<Token> item) {
            return item.size() == 1 && item.get(0).isSymbol("*")
                    || item.size() == 3 && isName(item.get(0)) && item.get(1).isSymbol(".") && item.get(2).isSymbol("*");
        }

        /**
         * Whether an item may turn one row into several: a function call could be a set-returning
         * one ({@code unnest}, {@code generate_series}); a scalar subquery {@code (SELECT …)} cannot.
         */
        private static boolean mayReturnRows(List<Token> item) {
            for (int i = 0; i < item.size(); i++) {
                if (item.get(i).isSymbol("(") && item.get(i).depth() == item.get(0).depth()
                        && !(i + 1 < item.size() && item.get(i + 1).isWord("select"))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code column} of the table is returned under its own name, neither renamed nor computed. */
        boolean returnsAsItIs(String column) {
            return star || asItIs.contains(column);
        }

        Optional<Token> ofLabel(Token name) {
            return star ? Optional.of(name) : Optional.ofNullable(labels.get(name.text()));
        }

        Optional<Token> ofColumn(Token name) {
            return star ? Optional.of(name) : Optional.ofNullable(columns.get(name.text()));
        }
    }
}
