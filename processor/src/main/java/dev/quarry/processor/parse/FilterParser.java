package dev.quarry.processor.parse;

import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Filters;
import dev.quarry.annotations.TopPerGroup;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.ParameterModel.Binding;
import dev.quarry.processor.model.Variants;
import dev.quarry.processor.sql.FilterPlacement;
import dev.quarry.processor.sql.FilterPlacement.Pieces;
import dev.quarry.processor.sql.FilterPlacement.SortPoint;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads a method's {@code @Filter}s and {@code Sort} parameter into {@link Variants}: every text a
 * call can run, made at compile time from the statement's own text and the filters' text.
 */
final class FilterParser {
    /** Marks where pieces meet while the statement goes through wrapping and the JDBC rewrite once. */
    private static final String CUT = "/*quarry:cut*/";
    /** Bits of the int mask. */
    private static final int MAX_FILTERS = 31;

    /** The statement with every filter applied (what binds and verification read) and the variants. */
    record Result(ParsedSql parsed, Variants variants) {}

    private final ExecutableElement method;
    private final String label;
    private final Reporter reporter;

    FilterParser(ExecutableElement method, String label, Reporter reporter) {
        this.method = method;
        this.label = label;
        this.reporter = reporter;
    }

    /**
     * @param written the statement as written (before {@code @TopPerGroup} wraps it)
     * @param parsed the statement as run without filters
     * @param limitClause what a paged method's texts end with, {@code null} for a method that does not page
     */
    Optional<Result> parse(ParsedSql written, ParsedSql parsed, List<ParameterModel> parameters,
                           Map<String, ParameterModel> byBindName, Predicate<Placeholder> bindsArray,
                           String limitClause) {
        int errorsBefore = reporter.errorCount();
        for (String term : FilterPlacement.wholeOrderByParameters(written.original())) {
            reporter.report(Message.ORDER_BY_PARAMETER, method, term, label);
        }
        List<ParameterModel> sorts = parameters.stream().filter(p -> p.binding() instanceof Binding.SortKeys).toList();
        if (sorts.size() > 1) {
            reporter.report(Message.SORT_TWICE, method, label, sorts.get(0).name(), sorts.get(1).name());
        }
        for (Placeholder p : parsed.placeholders()) {
            sortBound(p, byBindName);
        }
        List<AnnotationMirror> mirrors = filterMirrors();
        Filter[] annotations = method.getAnnotationsByType(Filter.class);
        ParameterModel sort = sorts.isEmpty() ? null : sorts.get(0);
        if (mirrors.isEmpty() && sort == null && limitClause == null || parsed.hasProblems()) {
            return Optional.empty();
        }
        if (!parsed.kind().equals("select")) {
            if (mirrors.isEmpty() && sort == null) {
                return Optional.empty(); // reported as PAGE_NOT_SELECT
            }
            String what = mirrors.isEmpty() ? "Sort parameter '" + sort.name() + "'" : "@Filter";
            reporter.report(Message.FILTER_NOT_SELECT, method, mirrors.isEmpty() ? null : mirrors.get(0), what, label,
                    parsed.kind().toUpperCase(Locale.ROOT));
            return Optional.empty();
        }
        List<String> filterSql = new ArrayList<>();
        List<Variants.FilterModel> filters = new ArrayList<>();
        Map<String, AnnotationMirror> filterNames = new LinkedHashMap<>();
        for (int i = 0; i < mirrors.size(); i++) {
            filter(i, annotations[i].value(), mirrors.get(i), byBindName, filterNames).ifPresent(filter -> {
                filters.add(filter);
                ParsedSql text = SqlParser.parse(filter.text());
                filterSql.add(text.original().substring(0, text.length()).strip());
            });
        }
        Set<String> filterOnly = new LinkedHashSet<>();
        Set<String> ownNames = new LinkedHashSet<>();
        parsed.placeholders().forEach(p -> ownNames.add(p.name()));
        filterNames.forEach((bindName, mirror) -> {
            ParameterModel parameter = byBindName.get(bindName);
            if (ownNames.contains(bindName)) {
                return;
            }
            filterOnly.add(parameter.name());
            if (parameter.type().isPrimitive()) {
                reporter.report(Message.FILTER_PRIMITIVE_PARAMETER, method, mirror, parameter.name(), label,
                        parameter.type(), parameter.type().box(), parameter.type().box());
            }
        });
        FilterPlacement.Placement placement = FilterPlacement.pieces(written.original());
        if (!filters.isEmpty() && placement instanceof FilterPlacement.Refusal refusal) {
            reporter.report(Message.FILTER_SET_OPERATION, method, mirrors.get(0), label,
                    refusal.setOperation() == null ? "set operation" : refusal.setOperation());
        }
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        List<String> sortKeys = sort == null ? List.of() : ((Binding.SortKeys) sort.binding()).sql();
        String sortName = sort == null ? null : sort.name();
        TopPerGroup top = method.getAnnotation(TopPerGroup.class);
        String limit = limitClause == null ? "" : limitClause;
        if (filters.isEmpty()) {
            String text = parsed.jdbcSql(bindsArray) + limit;
            SortPoint point = FilterPlacement.sortPoint(text);
            List<Integer> own = parsed.placeholders().stream().map(p -> -1).toList();
            return Optional.of(new Result(parsed, new Variants(List.of(), own, List.of(text), null, List.of(),
                    Set.of(), sortName, sortKeys, point.tail(), point.ownOrder(), parsed, null)));
        }
        Pieces pieces = (Pieces) placement;

        // one pass through wrapping and the JDBC rewrite, cut apart again at the marks
        StringBuilder marked = new StringBuilder(pieces.prefix()).append(CUT).append(pieces.condition()).append(CUT);
        filterSql.forEach(f -> marked.append(f).append(CUT));
        marked.append(pieces.suffix());
        String template = top == null ? marked.toString() : TopPerGroupSql.around(marked.toString(), top);
        ParsedSql markedSql = SqlParser.parse(template);
        int n = filters.size();
        String[] parts = markedSql.jdbcSql(bindsArray).split(Pattern.quote(CUT), -1);
        if (parts.length == n + 2 && pieces.suffix().isEmpty() && top == null) {
            // the JDBC text ends with the last token, so a last mark with nothing after it is gone
            parts = java.util.Arrays.copyOf(parts, n + 3);
            parts[n + 2] = "";
        }
        List<Integer> bindFilter = new ArrayList<>();
        for (Placeholder p : markedSql.placeholders()) {
            int segment = cuts(template, p.start());
            bindFilter.add(segment >= 2 && segment < n + 2 ? segment - 2 : -1);
        }
        String all = pieces.compose(filterSql, (1 << n) - 1);
        ParsedSql allApplied = SqlParser.parse(top == null ? all : TopPerGroupSql.around(all, top));
        if (parts.length != n + 3 || allApplied.placeholders().size() != bindFilter.size()) {
            reporter.report(Message.FILTER_INVALID, method, mirrors.get(0), annotations[0].value(), label,
                    "its text holds the processor's mark " + CUT);
            return Optional.empty();
        }
        Pieces jdbc = new Pieces(parts[0], parts[1], parts[n + 2] + limit, pieces.hasWhere());
        List<String> jdbcFilters = List.of(parts).subList(2, n + 2).stream().map(String::strip).toList();
        List<String> texts = new ArrayList<>();
        if (n <= Variants.WRITTEN_OUT) {
            for (int mask = 0; mask < 1 << n; mask++) {
                texts.add(jdbc.compose(jdbcFilters, mask));
            }
        }
        // the sort keys go after the filters' place, so the text after theirs is the same in every variant
        SortPoint point = FilterPlacement.sortPoint(jdbc.compose(jdbcFilters, 0));
        return Optional.of(new Result(allApplied, new Variants(List.copyOf(filters), List.copyOf(bindFilter),
                List.copyOf(texts), jdbc, jdbcFilters, Set.copyOf(filterOnly), sortName, sortKeys, point.tail(),
                point.ownOrder(), parsed, null)));
    }

    private static int cuts(String text, int before) {
        int count = 0;
        for (int at = text.indexOf(CUT); at >= 0 && at < before; at = text.indexOf(CUT, at + CUT.length())) {
            count++;
        }
        return count;
    }

    /** One filter, checked; the bind names it uses go into {@code filterNames} with the first filter naming each. */
    private Optional<Variants.FilterModel> filter(int index, String text, AnnotationMirror mirror,
                                                  Map<String, ParameterModel> byBindName,
                                                  Map<String, AnnotationMirror> filterNames) {
        AnnotationValue value = Annotations.value(mirror, "value");
        ParsedSql sql = SqlParser.parse(text);
        String reason = null;
        for (ParsedSql.Problem problem : sql.problems()) {
            reason = switch (problem.kind()) {
                case EMPTY -> "it is empty";
                case MULTIPLE_STATEMENTS -> "it holds a ';' (at offset " + problem.offset() + ")";
                case POSITIONAL_PARAMETER -> "it uses '?' (at offset " + problem.offset()
                        + "); bind parameters by name (:name)";
                // a condition, not a statement: its first word is a column or an expression
                case UNKNOWN_STATEMENT -> reason;
            };
        }
        if (reason == null && !FilterPlacement.balanced(text)) {
            reason = "its parentheses do not pair up";
        } else if (reason == null && sql.placeholders().isEmpty()) {
            reason = "it names no parameter, so it would always apply; put it in the @Query";
        } else if (reason == null && index >= MAX_FILTERS) {
            reason = "a method takes at most " + MAX_FILTERS + " filters";
        }
        if (reason != null) {
            reporter.report(Message.FILTER_INVALID, method, mirror, value, text, label, reason);
            return Optional.empty();
        }
        Map<String, ParameterModel> present = new LinkedHashMap<>();
        boolean known = true;
        for (Placeholder p : sql.placeholders()) {
            ParameterModel parameter = byBindName.get(p.name());
            if (parameter == null) {
                reporter.report(Message.FILTER_UNKNOWN_PARAMETER, method, mirror, value, p.display(), text, label,
                        byBindName.keySet().stream().sorted().map(n -> ":" + n).toList());
                known = false;
            } else if (!sortBound(p, byBindName)) {
                known = false;
            } else {
                present.putIfAbsent(p.name(), parameter);
                filterNames.putIfAbsent(p.name(), mirror);
            }
        }
        return known ? Optional.of(new Variants.FilterModel(text, List.copyOf(present.values()))) : Optional.empty();
    }

    /** False (reported) when {@code p} binds a {@code Sort}, which is no value. */
    private boolean sortBound(Placeholder p, Map<String, ParameterModel> byBindName) {
        ParameterModel parameter = byBindName.get(p.name());
        if (parameter != null && parameter.binding() instanceof Binding.SortKeys) {
            reporter.report(Message.SORT_BOUND, method, p.display(), label, parameter.name());
            return false;
        }
        return true;
    }

    /**
     * The {@code @Filter} mirrors in order: one alone, or those inside the {@code @Filters} the compiler made
     * (javac places a diagnostic on one of those at the method, so the message quotes the filter).
     */
    private List<AnnotationMirror> filterMirrors() {
        AnnotationMirror single = Annotations.mirror(method, Filter.class);
        if (single != null) {
            return List.of(single);
        }
        AnnotationValue container = Annotations.value(Annotations.mirror(method, Filters.class), "value");
        if (container == null) {
            return List.of();
        }
        List<AnnotationMirror> mirrors = new ArrayList<>();
        for (Object value : (List<?>) container.getValue()) {
            mirrors.add((AnnotationMirror) ((AnnotationValue) value).getValue());
        }
        return mirrors;
    }
}
