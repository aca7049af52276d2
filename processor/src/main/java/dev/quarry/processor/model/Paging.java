package dev.quarry.processor.model;

import dev.quarry.processor.sql.FilterPlacement.Pieces;
import java.util.List;

/**
 * How a method with a {@code PageRequest} pages. Its content texts (the statement with
 * {@code LIMIT ? OFFSET ?}, or {@code LIMIT ?} for a keyset page) are the method's
 * {@link Variants#texts()}; the texts here are the count and the keyset statements, by the same masks.
 *
 * @param kind what the method returns
 * @param parameter the Java name of the {@code PageRequest} parameter
 * @param count the {@code SELECT count(*)} texts, for {@link Kind#PAGE}; else {@code null}
 * @param after the texts of the pages after a cursor, for {@link Kind#CURSORED}; else {@code null}
 * @param keys the keyset's keys in {@code ORDER BY} order, for {@link Kind#CURSORED}; else empty
 * @param afterBinds for each {@code ?} of the keyset condition, in text order, the key it binds
 * @param fingerprint what a cursor of this method carries, so that another method's is refused
 */
public record Paging(Kind kind, String parameter, Family count, Family after, List<Key> keys,
                     List<Integer> afterBinds, long fingerprint) {

    /** What a paged method returns. */
    public enum Kind {
        /** {@code List<R>}: the page's rows. */
        LIST,
        /** {@code Page<R>}: the rows and the total. */
        PAGE,
        /** {@code CursoredPage<R>}: the rows after a cursor. */
        CURSORED;

        /** What comes after the statement's text in its content texts. */
        public String limitClause() {
            return this == CURSORED ? " LIMIT ?" : " LIMIT ? OFFSET ?";
        }
    }

    /** One key of a keyset page: the record component that reads it and its column's name as the select list gives it. */
    public record Key(ComponentModel component, String column, boolean descending) {}

    /** Texts by mask, written out or made of pieces with the method's {@code filterTexts}, like {@link Variants}'. */
    public record Family(List<String> texts, Pieces pieces) {
        public String text(List<String> filterTexts, int mask) {
            return texts.isEmpty() ? pieces.compose(filterTexts, mask) : texts.get(mask);
        }
    }
}
