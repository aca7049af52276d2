package dev.quarry.processor.parse;

import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.Paging;
import dev.quarry.processor.model.Paging.Family;
import dev.quarry.processor.model.Paging.Key;
import dev.quarry.processor.model.Paging.Kind;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.ParameterModel.Binding;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.ReturnModel.Shape;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.Variants;
import dev.quarry.processor.sql.FilterPlacement;
import dev.quarry.processor.sql.FilterPlacement.OrderBy;
import dev.quarry.processor.sql.FilterPlacement.OrderTerm;
import dev.quarry.processor.sql.FilterPlacement.Pieces;
import dev.quarry.processor.sql.ParsedSql;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads how a method with a {@code PageRequest} pages: checks its statement and return type, and
 * makes its count and keyset texts from its content texts, for every set of filters.
 */
final class PageParser {
    static final String PAGE_REQUEST = "dev.quarry.runtime.PageRequest";
    private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "default", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "intersect", "into",
            "leading", "limit", "not", "null", "offset", "on", "only", "or", "order", "primary", "references", "select",
            "some", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "when", "where",
            "window", "with");

    /** What the method's texts need before filters are placed: its kind and request, or nothing when it does not page. */
    record Request(Kind kind, ParameterModel parameter, List<Key> keys) {}

    private final ExecutableElement method;
    private final String label;
    private final Reporter reporter;

    PageParser(ExecutableElement method, String label, Reporter reporter) {
        this.method = method;
        this.label = label;
        this.reporter = reporter;
    }

    /**
     * Checks the method's paging; empty when it does not page or has an error (reported).
     *
     * @param parsed the statement as run (after {@code @TopPerGroup}), without filters
     */
    Optional<Request> request(List<ParameterModel> parameters, ReturnModel result, ParsedSql parsed) {
        List<ParameterModel> requests = parameters.stream().filter(p -> p.binding() instanceof Binding.Page).toList();
        Shape shape = result.shape();
        boolean pageShape = shape == Shape.PAGE || shape == Shape.CURSORED_PAGE;
        if (requests.isEmpty()) {
            if (pageShape) {
                reporter.report(Message.PAGE_WITHOUT_REQUEST, method, label, result.type());
            }
            return Optional.empty();
        }
        ParameterModel request = requests.get(0);
        if (requests.size() > 1) {
            reporter.report(Message.PAGE_REQUEST_TWICE, method, label, request.name(), requests.get(1).name());
            return Optional.empty();
        }
        if (!pageShape && shape != Shape.LIST) {
            reporter.report(Message.PAGE_REQUEST_RETURN, method, label, request.name(), method.getReturnType());
            return Optional.empty();
        }
        if (parsed.hasProblems()) {
            return Optional.empty();
        }
        if (!parsed.kind().equals("select")) {
            reporter.report(Message.PAGE_NOT_SELECT, method, label, request.name(), parsed.kind().toUpperCase(Locale.ROOT));
            return Optional.empty();
        }
        Optional<String> limit = FilterPlacement.ownLimit(parsed.original());
        if (limit.isPresent()) {
            reporter.report(Message.PAGE_OWN_LIMIT, method, label, limit.get(), request.name(), limit.get());
            return Optional.empty();
        }
        Optional<OrderBy> order = FilterPlacement.orderBy(parsed.original());
        boolean sorted = parameters.stream().anyMatch(p -> p.binding() instanceof Binding.SortKeys);
        if (shape != Shape.CURSORED_PAGE) {
            if (order.isEmpty() && !sorted) {
                reporter.report(Message.PAGE_UNORDERED, method, label);
            }
            return Optional.of(new Request(shape == Shape.PAGE ? Kind.PAGE : Kind.LIST, request, List.of()));
        }
        return keys(parameters, result, order).map(keys -> new Request(Kind.CURSORED, request, keys));
    }

    /** A keyset page's keys: its {@code ORDER BY} terms, each a column the row record reads. */
    private Optional<List<Key>> keys(List<ParameterModel> parameters, ReturnModel result, Optional<OrderBy> order) {
        int errorsBefore = reporter.errorCount();
        parameters.stream().filter(p -> p.binding() instanceof Binding.SortKeys).findFirst()
                .ifPresent(sort -> reporter.report(Message.CURSOR_WITH_SORT, method, label, sort.name()));
        if (!(result.row() instanceof RowType.Record record)) {
            reporter.report(Message.CURSOR_ROW_NOT_RECORD, method, label, result.row() == null ? "?"
                    : ((RowType.Scalar) result.row()).type().type());
            return Optional.empty();
        }
        if (order.isEmpty()) {
            reporter.report(Message.CURSOR_WITHOUT_ORDER_BY, method, label);
            return Optional.empty();
        }
        RecordModel row = record.model();
        List<Key> keys = new ArrayList<>();
        for (OrderTerm term : order.get().terms()) {
            Optional<ComponentModel> component = term.column() == null ? Optional.empty()
                    : row.componentForColumn(term.column());
            if (component.isEmpty()) {
                reporter.report(Message.CURSOR_ORDER_TERM, method, term.text(), label, label,
                        row.components().stream().map(ComponentModel::column).toList());
                continue;
            }
            ScalarKind kind = component.get().type().kind();
            if (kind == ScalarKind.BYTES || kind == ScalarKind.ARRAY) {
                reporter.report(Message.CURSOR_KEY_TYPE, method, term.text(), label, component.get().name(),
                        component.get().type().type());
                continue;
            }
            keys.add(new Key(component.get(), component.get().column(), term.descending()));
        }
        return reporter.errorCount() > errorsBefore ? Optional.empty() : Optional.of(List.copyOf(keys));
    }

    /** The paging of {@code request}, whose content texts are {@code variants}' own. */
    Paging paging(Request request, Variants variants) {
        Kind kind = request.kind();
        String content = variants.text(0);
        String statement = content.substring(0, content.length() - kind.limitClause().length());
        Optional<OrderBy> order = FilterPlacement.orderBy(statement);
        // the ORDER BY is the same text at the same distance from the end in every variant
        int orderFrom = order.map(o -> statement.length() - o.start()).orElse(0);
        int orderTo = order.map(o -> statement.length() - o.end()).orElse(0);
        if (kind == Kind.PAGE) {
            String terms = order.map(o -> statement.substring(o.start(), o.end())).orElse("");
            // an ORDER BY with parameters stays, so the count binds what the content binds
            boolean keep = terms.indexOf('?') >= 0;
            UnaryOperator<String> counted = text -> "SELECT count(*) FROM ("
                    + inner(text, kind, keep ? 0 : orderFrom, keep ? 0 : orderTo) + ") _q";
            return new Paging(kind, request.parameter().name(), family(variants, kind, keep ? 0 : orderFrom,
                    keep ? 0 : orderTo, "SELECT count(*) FROM (", ") _q", counted), null, List.of(), List.of(), 0);
        }
        if (kind == Kind.LIST) {
            return new Paging(kind, request.parameter().name(), null, null, List.of(), List.of(), 0);
        }
        List<Key> keys = request.keys();
        List<Integer> binds = new ArrayList<>();
        String tail = ") _k WHERE " + condition(keys, binds) + " ORDER BY " + String.join(", ",
                keys.stream().map(k -> identifier(k.column()) + (k.descending() ? " DESC" : "")).toList()) + " LIMIT ?";
        UnaryOperator<String> after = text -> "SELECT * FROM (" + inner(text, kind, orderFrom, orderTo) + tail;
        return new Paging(kind, request.parameter().name(), null,
                family(variants, kind, orderFrom, orderTo, "SELECT * FROM (", tail, after), keys, List.copyOf(binds),
                fingerprint(keys));
    }

    /** The texts of every mask made by {@code whole}, or pieces made the same way when the masks are not written out. */
    private static Family family(Variants variants, Kind kind, int orderFrom, int orderTo, String head, String tail,
                                 UnaryOperator<String> whole) {
        if (!variants.texts().isEmpty()) {
            return new Family(variants.texts().stream().map(whole).toList(), null);
        }
        Pieces pieces = variants.pieces();
        return new Family(List.of(), new Pieces(head + pieces.prefix(), pieces.condition(),
                inner(pieces.suffix(), kind, orderFrom, orderTo) + tail, pieces.hasWhere()));
    }

    /** {@code text} (the end of a content text) without its limit clause and the {@code ORDER BY} between the two tails. */
    private static String inner(String text, Kind kind, int orderFrom, int orderTo) {
        String statement = text.substring(0, text.length() - kind.limitClause().length());
        int length = statement.length();
        if (orderFrom > length) {
            throw new IllegalStateException("the ORDER BY lies before the place of filters in " + text);
        }
        String head = statement.substring(0, length - orderFrom);
        return (orderFrom > 0 ? head.stripTrailing() : head) + statement.substring(length - orderTo);
    }

    /**
     * The rows after the cursor's keys: {@code (a, b) > (?, ?)} when all keys share a direction;
     * otherwise {@code a >= ? AND (a > ? OR (a = ? AND b < ?))}, whose first term an index can range over.
     */
    private static String condition(List<Key> keys, List<Integer> binds) {
        boolean uniform = keys.stream().allMatch(k -> k.descending() == keys.get(0).descending());
        if (uniform) {
            String op = keys.get(0).descending() ? " < " : " > ";
            for (int i = 0; i < keys.size(); i++) {
                binds.add(i);
            }
            if (keys.size() == 1) {
                return identifier(keys.get(0).column()) + op + "?";
            }
            List<String> columns = keys.stream().map(k -> identifier(k.column())).toList();
            return "(" + String.join(", ", columns) + ")" + op + "(" + String.join(", ", columns.stream().map(c -> "?")
                    .toList()) + ")";
        }
        Key first = keys.get(0);
        binds.add(0);
        return identifier(first.column()) + (first.descending() ? " <= ?" : " >= ?") + " AND (" + expanded(keys, 0, binds)
                + ")";
    }

    private static String expanded(List<Key> keys, int i, List<Integer> binds) {
        Key key = keys.get(i);
        String column = identifier(key.column());
        String strict = column + (key.descending() ? " < ?" : " > ?");
        binds.add(i);
        if (i == keys.size() - 1) {
            return strict;
        }
        binds.add(i);
        return strict + " OR (" + column + " = ? AND (" + expanded(keys, i + 1, binds) + "))";
    }

    /** A column name as the keyset statement says it: plain, or quoted when it must be. */
    static String identifier(String column) {
        return column.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(column) ? column
                : '"' + column.replace("\"", "\"\"") + '"';
    }

    /** The method and its keys, so a cursor of another method, or of other keys, is refused. */
    private long fingerprint(List<Key> keys) {
        StringBuilder identity = new StringBuilder(((javax.lang.model.element.TypeElement) method.getEnclosingElement())
                .getQualifiedName()).append('.').append(method.getSimpleName());
        for (Key key : keys) {
            identity.append('|').append(key.column()).append(key.descending() ? " desc " : " asc ")
                    .append(key.component().type().kind());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
