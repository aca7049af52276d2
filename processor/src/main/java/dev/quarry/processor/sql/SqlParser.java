package dev.quarry.processor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the SQL of an annotation into a {@link ParsedSql}. */
public final class SqlParser {
    private static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "select", "insert", "update", "delete", "merge", "values", "table", "show", "explain",
            "call", "do", "create", "alter", "drop", "truncate", "lock", "set", "reset", "copy", "refresh",
            "listen", "notify", "vacuum", "analyze", "grant", "revoke", "comment");
    /**
     * The words a statement can start with: the statements above, WITH, and PostgreSQL's other
     * commands; the data statements first, as the diagnostic lists them.
     */
    public static final List<String> FIRST_KEYWORDS = List.of(
            "select", "insert", "update", "delete", "merge", "with", "values", "table",
            "abort", "alter", "analyze", "begin", "call", "checkpoint", "close", "cluster", "comment", "commit", "copy",
            "create", "deallocate", "declare", "discard", "do", "drop", "end", "execute", "explain", "fetch", "grant",
            "import", "listen", "load", "lock", "move", "notify", "prepare", "reassign", "refresh", "reindex",
            "release", "reset", "revoke", "rollback", "savepoint", "security", "set", "show", "start", "truncate",
            "unlisten", "vacuum");
    private static final Set<String> ROW_KEYWORDS = Set.of("select", "values", "table", "show", "explain");
    /** Words that make a query write (in a CTE) or lock rows (FOR UPDATE, FOR KEY SHARE). */
    private static final Set<String> WRITING_OR_LOCKING = Set.of("insert", "update", "delete", "merge", "share");
    /** Words that end a select list at its own depth. */
    private static final Set<String> SELECT_LIST_END = Set.of(
            "from", "into", "where", "group", "having", "window", "order", "limit", "offset", "fetch",
            "for", "union", "intersect", "except");
    /** Words after which a trailing identifier is not an implicit alias. */
    private static final Set<String> NOT_BEFORE_ALIAS = Set.of(
            "and", "or", "not", "is", "in", "like", "ilike", "between", "collate", "zone", "distinct",
            "else", "then", "when", "case", "interval", "operator", "similar", "escape", "all", "any", "some",
            "true", "false", "null", "cast", "end");

    /** {@link #FIRST_KEYWORDS} as the diagnostic lists them: upper case, the data statements first. */
    public static final String FIRST_KEYWORDS_TEXT = String.join(", ", FIRST_KEYWORDS.subList(0, 8))
            .toUpperCase(java.util.Locale.ROOT) + ", or a PostgreSQL command: "
            + String.join(", ", FIRST_KEYWORDS.subList(8, FIRST_KEYWORDS.size())).toUpperCase(java.util.Locale.ROOT);

    private SqlParser() {}

    /** The word (or, failing one, the text up to the next blank) at {@code offset} of {@code sql}. */
    public static String firstWord(String sql, int offset) {
        int end = offset;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end == offset) {
            while (end < sql.length() && !Character.isWhitespace(sql.charAt(end)) && end - offset < 20) {
                end++;
            }
        }
        return sql.substring(offset, end);
    }

    public static ParsedSql parse(String sql) {
        SqlLexer lexer = SqlLexer.lex(sql);
        List<Token> tokens = lexer.tokens();
        List<ParsedSql.Problem> problems = new ArrayList<>();

        List<Token> statement = withoutTrailingSemicolons(tokens);
        if (statement.isEmpty()) {
            problems.add(new ParsedSql.Problem(ParsedSql.Problem.Kind.EMPTY, 0));
            return new ParsedSql(sql, List.of(), "", false, false, Optional.empty(), problems, List.of(), sql.length());
        }
        for (Token t : statement) {
            if (t.isSymbol(";") && t.depth() == 0) {
                problems.add(new ParsedSql.Problem(ParsedSql.Problem.Kind.MULTIPLE_STATEMENTS, t.start()));
                break;
            }
        }
        // a misspelt first word (SELEC) would otherwise read as a statement that returns no rows
        Token first = statement.stream().filter(t -> !t.isSymbol("(")).findFirst().orElse(statement.get(0));
        if (first.kind() != Token.Kind.WORD || !FIRST_KEYWORDS.contains(first.text())) {
            problems.add(new ParsedSql.Problem(ParsedSql.Problem.Kind.UNKNOWN_STATEMENT, first.start()));
        }
        for (Token t : statement) {
            if (t.kind() == Token.Kind.QUESTION) {
                problems.add(new ParsedSql.Problem(ParsedSql.Problem.Kind.POSITIONAL_PARAMETER, t.start()));
            }
        }

        String kind = mainKeyword(statement);
        int returning = indexOfTopLevel(statement, "returning", 0);
        boolean returnsRows = ROW_KEYWORDS.contains(kind) || returning >= 0;
        Optional<List<String>> labels = Optional.empty();
        if (kind.equals("select")) {
            int select = indexOfTopLevel(statement, "select", 0);
            labels = labels(statement, select + 1, true);
        } else if (returning >= 0) {
            labels = labels(statement, returning + 1, false);
        }
        return new ParsedSql(sql, placeholders(statement), kind, returnsRows, onlyReads(statement, kind), labels, problems,
                List.copyOf(lexer.jsonbQuestionMarks()), statement.get(statement.size() - 1).end());
    }

    /**
     * Whether the statement only reads rows, so running it without reading them does nothing: a
     * query with a FROM, or VALUES or TABLE, that locks nothing (FOR UPDATE/SHARE) and writes
     * nothing (a data-modifying CTE). A SELECT without FROM is taken to call functions for their
     * effect ({@code SELECT pg_notify(:channel, :payload)}, an advisory lock).
     */
    private static boolean onlyReads(List<Token> tokens, String kind) {
        if (!ROW_KEYWORDS.contains(kind) || kind.equals("show") || kind.equals("explain")) {
            return false;
        }
        if (kind.equals("select") && tokens.stream().noneMatch(t -> t.isWord("from"))) {
            return false;
        }
        return tokens.stream().noneMatch(t -> t.kind() == Token.Kind.WORD && WRITING_OR_LOCKING.contains(t.text()));
    }

    /** The tokens without the semicolons that end the text. */
    static List<Token> withoutTrailingSemicolons(List<Token> tokens) {
        int last = tokens.size();
        while (last > 0 && tokens.get(last - 1).isSymbol(";") && tokens.get(last - 1).depth() == 0) {
            last--;
        }
        return tokens.subList(0, last);
    }

    /** The first statement keyword at depth 0: after a WITH clause's CTEs, the statement they serve. */
    private static String mainKeyword(List<Token> tokens) {
        // the shallowest statement keyword: depth 0 normally, deeper for (SELECT …) UNION (SELECT …)
        Token best = null;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.WORD && STATEMENT_KEYWORDS.contains(t.text())
                    && (best == null || t.depth() < best.depth())) {
                best = t;
                if (t.depth() == 0) {
                    break;
                }
            }
        }
        if (best != null) {
            return best.text();
        }
        return tokens.get(0).kind() == Token.Kind.WORD ? tokens.get(0).text() : "";
    }

    /** The index of {@code word} at depth 0, from {@code from} on, or -1. */
    static int indexOfTopLevel(List<Token> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == 0 && tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Placeholder> placeholders(List<Token> tokens) {
        List<Placeholder> result = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.PARAMETER) {
                continue;
            }
            int dot = t.text().indexOf('.');
            String name = dot < 0 ? t.text() : t.text().substring(0, dot);
            String component = dot < 0 ? null : t.text().substring(dot + 1);
            Placeholder.ListForm form = Placeholder.ListForm.NONE;
            int listStart = t.start();
            int listEnd = t.end();
            if (i >= 2 && i + 1 < tokens.size() && tokens.get(i - 1).isSymbol("(")
                    && tokens.get(i - 2).isWord("in") && tokens.get(i + 1).isSymbol(")")) {
                boolean not = i >= 3 && tokens.get(i - 3).isWord("not");
                form = not ? Placeholder.ListForm.NOT_IN : Placeholder.ListForm.IN;
                listStart = tokens.get(not ? i - 3 : i - 2).start();
                listEnd = tokens.get(i + 1).end();
            }
            result.add(new Placeholder(name, component, t.start(), t.end(), form, listStart, listEnd));
        }
        return List.copyOf(result);
    }

    /**
     * The labels PostgreSQL gives the items of a select (or returning) list starting at
     * {@code from}, when each one is certain; empty when any is not (a {@code *}, an expression
     * without alias that PostgreSQL would call {@code ?column?}).
     */
    private static Optional<List<String>> labels(List<Token> tokens, int from, boolean selectList) {
        if (from <= 0 || from >= tokens.size()) {
            return Optional.empty();
        }
        int depth = tokens.get(from - 1).depth();
        int i = from;
        if (selectList && i < tokens.size() && tokens.get(i).isWord("all")) {
            i++;
        } else if (selectList && i < tokens.size() && tokens.get(i).isWord("distinct")) {
            i++;
            if (i < tokens.size() && tokens.get(i).isWord("on")) {
                i = skipParenthesized(tokens, i + 1);
            }
        }
        List<String> labels = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.depth() == depth && t.kind() == Token.Kind.WORD && selectList && SELECT_LIST_END.contains(t.text())) {
                break;
            }
            if (t.depth() < depth) {
                break;
            }
            if (t.depth() == depth && t.isSymbol(",")) {
                if (!addLabel(item, labels)) {
                    return Optional.empty();
                }
                item.clear();
            } else {
                item.add(t);
            }
        }
        if (!addLabel(item, labels)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(labels));
    }

    /** The index after the parenthesis that closes the one at {@code open}; {@code open} when there is none there. */
    static int skipParenthesized(List<Token> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return open;
        }
        int depth = tokens.get(open).depth();
        int i = open + 1;
        while (i < tokens.size() && !(tokens.get(i).isSymbol(")") && tokens.get(i).depth() == depth)) {
            i++;
        }
        return i + 1;
    }

    private static boolean addLabel(List<Token> item, List<String> labels) {
        String label = label(item);
        if (label == null) {
            return false;
        }
        labels.add(label);
        return true;
    }

    /** The label of one select-list item, or {@code null} when it cannot be told for sure. */
    static String label(List<Token> item) {
        int n = item.size();
        if (n == 0) {
            return null;
        }
        Token lastToken = item.get(n - 1);
        boolean lastIsName = lastToken.kind() == Token.Kind.QUOTED
                || (lastToken.kind() == Token.Kind.WORD && !NOT_BEFORE_ALIAS.contains(lastToken.text()));
        int depth = item.get(0).depth();
        if (n >= 2 && lastIsName && lastToken.depth() == depth && item.get(n - 2).isWord("as")) {
            return lastToken.text();
        }
        // a column, possibly qualified, possibly cast: t.col, col, col::text
        int end = n;
        for (int i = 0; i < n; i++) {
            if (item.get(i).isSymbol("::") && item.get(i).depth() == depth) {
                end = i;
                break;
            }
        }
        if (isQualifiedName(item, end)) {
            return item.get(end - 1).text();
        }
        // a function call, possibly windowed or filtered: count(*), row_number() OVER (…)
        Token first = item.get(0);
        if (first.kind() == Token.Kind.WORD && n >= 3 && item.get(1).isSymbol("(")) {
            int after = skipParenthesized(item, 1);
            while (after < end && (item.get(after).isWord("over") || item.get(after).isWord("filter"))) {
                after = after + 1 < end && item.get(after + 1).isSymbol("(")
                        ? skipParenthesized(item, after + 1) : after + 2;
            }
            if (after == end && !NOT_BEFORE_ALIAS.contains(first.text())) {
                return first.text();
            }
        }
        // an implicit alias: expression followed by a bare name
        if (n >= 2 && lastIsName && lastToken.depth() == depth) {
            Token before = item.get(n - 2);
            boolean endsExpression = before.isSymbol(")") || before.kind() == Token.Kind.STRING
                    || before.kind() == Token.Kind.NUMBER || before.isWord("end");
            if (endsExpression && before.depth() == depth) {
                return lastToken.text();
            }
        }
        return null;
    }

    /** Whether the first {@code end} tokens of {@code item} are a name, possibly qualified: {@code col}, {@code t.col}. */
    static boolean isQualifiedName(List<Token> item, int end) {
        if (end == 0 || end % 2 == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            Token t = item.get(i);
            boolean ok = i % 2 == 0
                    ? t.kind() == Token.Kind.QUOTED || (t.kind() == Token.Kind.WORD && !NOT_BEFORE_ALIAS.contains(t.text()))
                    : t.isSymbol(".");
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
