package dev.quarry.processor.sql;

/** One lexical token of a SQL statement, with its place in the text and its parenthesis depth. */
record Token(Kind kind, String text, int start, int end, int depth) {
    enum Kind {
        /** An unquoted identifier or keyword; {@code text} is lower-cased. */
        WORD,
        /** A double-quoted identifier; {@code text} is the name without quotes. */
        QUOTED,
        /** A string literal of any form ('…', E'…', $tag$…$tag$). */
        STRING,
        NUMBER,
        /** A named parameter {@code :name} or {@code :name.component}; {@code text} is what follows the colon. */
        PARAMETER,
        /** A lone {@code ?}: a JDBC placeholder, which Quarry does not take. */
        QUESTION,
        /** Punctuation and operators, including {@code ::}. */
        SYMBOL
    }

    boolean isWord(String lowerCase) {
        return kind == Kind.WORD && text.equals(lowerCase);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
