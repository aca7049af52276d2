package dev.quarry.processor.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL text into tokens. It knows exactly what it must not look into: string
 * literals (standard, escape {@code E'…'} and dollar-quoted), quoted identifiers and comments
 * (nested block comments included), so that a colon in any of them is never a parameter.
 */
final class SqlLexer {
    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> jsonbQuestionMarks = new ArrayList<>();
    private int pos;
    private int depth;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static SqlLexer lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return lexer;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** Offsets of {@code ?} that start a jsonb operator ({@code ?|}, {@code ?&}) and must be doubled for pgjdbc. */
    List<Integer> jsonbQuestionMarks() {
        return jsonbQuestionMarks;
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted('\'', (peekBack() == 'e' || peekBack() == 'E') && isEscapePrefix(start));
                add(Token.Kind.STRING, sql.substring(start, pos), start);
            } else if (c == '"') {
                quoted('"', false);
                add(Token.Kind.QUOTED, sql.substring(start + 1, pos - 1).replace("\"\"", "\""), start);
            } else if (c == '$' && dollarTag() != null) {
                skipDollarQuoted(dollarTag());
                add(Token.Kind.STRING, sql.substring(start, pos), start);
            } else if (c == ':' && peek(1) == ':') {
                pos += 2;
                add(Token.Kind.SYMBOL, "::", start);
            } else if (c == ':' && isIdentifierStart(peek(1))) {
                pos++;
                readIdentifier();
                if (peek(0) == '.' && isIdentifierStart(peek(1))) {
                    pos++;
                    readIdentifier();
                }
                add(Token.Kind.PARAMETER, sql.substring(start + 1, pos), start);
            } else if (c == '?') {
                if (peek(1) == '?') {
                    pos += 2;
                    add(Token.Kind.SYMBOL, "??", start);
                } else if (peek(1) == '|' || peek(1) == '&') {
                    jsonbQuestionMarks.add(start);
                    pos++;
                    add(Token.Kind.SYMBOL, "?", start);
                } else {
                    pos++;
                    add(Token.Kind.QUESTION, "?", start);
                }
            } else if (isIdentifierStart(c)) {
                readIdentifier();
                add(Token.Kind.WORD, sql.substring(start, pos).toLowerCase(Locale.ROOT), start);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                    pos++;
                }
                add(Token.Kind.NUMBER, sql.substring(start, pos), start);
            } else if (c == '(') {
                pos++;
                add(Token.Kind.SYMBOL, "(", start);
                depth++;
            } else if (c == ')') {
                pos++;
                depth = Math.max(0, depth - 1);
                add(Token.Kind.SYMBOL, ")", start);
            } else {
                pos++;
                add(Token.Kind.SYMBOL, String.valueOf(c), start);
            }
        }
    }

    private void add(Token.Kind kind, String text, int start) {
        tokens.add(new Token(kind, text, start, pos, depth));
    }

    private boolean isEscapePrefix(int quote) {
        // E'…' only when the E stands alone, not at the end of an identifier such as "type'"
        return quote >= 1 && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    private void quoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    private String dollarTag() {
        int end = pos + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$'
                && (end == pos + 1 || !Character.isDigit(sql.charAt(pos + 1)))) {
            return sql.substring(pos, end + 1);
        }
        return null;
    }

    private void skipDollarQuoted(String tag) {
        int close = sql.indexOf(tag, pos + tag.length());
        pos = close < 0 ? sql.length() : close + tag.length();
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int nesting = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                nesting++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                nesting--;
                pos += 2;
                if (nesting == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    private void readIdentifier() {
        while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
            pos++;
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private char peekBack() {
        return pos > 0 ? sql.charAt(pos - 1) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
