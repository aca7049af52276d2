package dev.quarry.processor.model;

import dev.quarry.processor.sql.FilterPlacement.Pieces;
import dev.quarry.processor.sql.ParsedSql;
import java.util.List;
import java.util.Set;

/**
 * What changes per call of a {@code @Query} method with {@code @Filter}s or a {@code Sort}: which
 * filters apply (a bit each, in order) and the caller's sort keys. Every text is a constant here;
 * the method's {@code parsed}, {@code sql} and {@code binds} are those of the statement with every
 * filter applied.
 *
 * @param filters the filters in order; filter {@code i} is bit {@code 1 << i} of the mask
 * @param bindFilter for each of the method's binds, the filter it belongs to, or -1 for the statement's own
 * @param texts the JDBC text of every mask, by mask, when there are few enough filters to write them all; else empty
 * @param pieces the JDBC pieces the texts are made of (with {@code filterTexts}); {@code null} without filters
 * @param filterTexts each filter's JDBC condition
 * @param filterOnly the Java names of parameters only filters use: absent when null, never rejected
 * @param sort the Java name of the {@code Sort} parameter, or {@code null}
 * @param sortKeys the SQL of each sort key, by the enum constant's ordinal
 * @param sortTail how many characters of every text follow the place of the sort keys
 * @param ownOrder whether the statement's own {@code ORDER BY} terms follow the sort keys
 * @param unfiltered the statement without filters, as parsed (the text of mask 0)
 * @param paging how the method pages, or {@code null}; its content texts ({@code LIMIT}) are these texts
 */
public record Variants(List<FilterModel> filters, List<Integer> bindFilter, List<String> texts, Pieces pieces,
                       List<String> filterTexts, Set<String> filterOnly, String sort, List<String> sortKeys,
                       int sortTail, boolean ownOrder, ParsedSql unfiltered, Paging paging) {

    /** Up to this many filters, all 2^n texts are constants of the generated class. */
    public static final int WRITTEN_OUT = 5;

    /** One {@code @Filter}: its text and the parameters whose presence applies it. */
    public record FilterModel(String text, List<ParameterModel> parameters) {}

    public Variants withPaging(Paging paging) {
        return new Variants(filters, bindFilter, texts, pieces, filterTexts, filterOnly, sort, sortKeys, sortTail, ownOrder,
                unfiltered, paging);
    }

    /** The JDBC text with the filters of {@code mask} applied. */
    public String text(int mask) {
        return texts.isEmpty() ? pieces.compose(filterTexts, mask) : texts.get(mask);
    }

    /** The statement of {@code mask} as the user's SQL and the filters make it: its text without a page's limit clause. */
    public String statement(int mask) {
        String text = text(mask);
        return paging == null ? text : text.substring(0, text.length() - paging.kind().limitClause().length());
    }

    /** The statement without filters ordered by {@code keys} (SQL, ascending), without a page's limit clause. */
    public String sortedStatement(List<String> keys) {
        String text = sorted(text(0), keys);
        return paging == null ? text : text.substring(0, text.length() - paging.kind().limitClause().length());
    }

    /** {@code sql} (one of the texts) ordered by {@code keys} (SQL, ascending), as the runtime puts them. */
    public String sorted(String sql, List<String> keys) {
        int at = sql.length() - sortTail;
        return sql.substring(0, at) + (ownOrder ? " " : " ORDER BY ") + String.join(", ", keys) + (ownOrder ? "," : "")
                + sql.substring(at);
    }
}
