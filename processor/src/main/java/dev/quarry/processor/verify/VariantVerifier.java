package dev.quarry.processor.verify;

import dev.quarry.annotations.Filter;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.model.Paging;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.Variants;
import dev.quarry.processor.verify.Describer.Bind;
import dev.quarry.processor.verify.Describer.Outcome;
import dev.quarry.processor.verify.Describer.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a method with {@code @Filter}s or a {@code Sort} beyond the one the method is checked
 * with (its statement without filters): each filter applied alone, then all of them, each described
 * by PostgreSQL so that a filter's mistake is reported on that filter; and the {@code ORDER BY} with
 * every sort key, then key by key when PostgreSQL refuses it.
 */
final class VariantVerifier {
    /** How a statement is described; the verifier's own call, which knows snapshots and caches. */
    interface Describe {
        Outcome describe(String sql, List<Bind> binds) throws VerificationUnavailable, StatementVerifier.NotAnswered;
    }

    private final Findings findings;
    private final Describe describer;

    VariantVerifier(Findings findings, Describe describer) {
        this.findings = findings;
        this.describer = describer;
    }

    /** What belongs to the binds of the statement without filters (all of them for a method without variants). */
    static <T> List<T> binds(Variants variants, List<T> all) {
        return variants == null ? all : binds(variants, all, 0);
    }

    /** What belongs to the binds of the text of {@code mask}, from that of every filter applied. */
    static <T> List<T> binds(Variants variants, List<T> all, int mask) {
        List<T> binds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int filter = variants.bindFilter().get(i);
            if (filter < 0 || (mask & (1 << filter)) != 0) {
                binds.add(all.get(i));
            }
        }
        return binds;
    }

    void verify(QueryMethodModel method, List<Bind> all) throws VerificationUnavailable, StatementVerifier.NotAnswered {
        Variants variants = method.variants();
        boolean filtersFailed = false;
        for (int i = 0; i < variants.filters().size(); i++) {
            String sql = variants.statement(1 << i);
            if (describer.describe(sql, binds(variants, all, 1 << i)) instanceof Rejected rejected) {
                findings.reportOn(Message.VERIFY_FILTER_REJECTED, method.element(), Filter.class, "value",
                        method.label(), variants.filters().get(i).text(), rejected.message(), sql);
                filtersFailed = true;
            }
        }
        int every = (1 << variants.filters().size()) - 1;
        if (!filtersFailed && every > 1
                && describer.describe(variants.statement(every), all) instanceof Rejected rejected) {
            findings.reportOn(Message.VERIFY_FILTER_REJECTED, method.element(), Filter.class, "value", method.label(),
                    String.join("\") and @Filter(\"", variants.filters().stream().map(Variants.FilterModel::text)
                            .toList()), rejected.message(), variants.statement(every));
        }
        if (variants.paging() != null && !filtersFailed) {
            paging(method, all);
        }
        if (variants.sort() == null || variants.sortKeys().isEmpty()) {
            return;
        }
        List<Bind> binds = binds(variants, all, 0);
        if (!(describer.describe(variants.sortedStatement(variants.sortKeys()), binds) instanceof Rejected)) {
            return;
        }
        for (String key : variants.sortKeys()) {
            String sql = variants.sortedStatement(List.of(key));
            if (describer.describe(sql, binds) instanceof Rejected rejected) {
                findings.reportOn(Message.VERIFY_SORT_KEY_REJECTED, method.element(), null, null, method.label(),
                        keyName(method, variants.sortKeys().indexOf(key)), key, rejected.message(), sql);
            }
        }
    }

    /**
     * The statements a page runs, with every filter applied: the page's rows ({@code LIMIT}), the
     * count, and the rows after a cursor, each bound as the generated code binds it.
     */
    private void paging(QueryMethodModel method, List<Bind> all) throws VerificationUnavailable,
            StatementVerifier.NotAnswered {
        Variants variants = method.variants();
        Paging paging = variants.paging();
        int every = (1 << variants.filters().size()) - 1;
        List<Bind> limits = new ArrayList<>(all);
        limits.add(Bind.value(ScalarKind.LONG));
        if (paging.kind() != Paging.Kind.CURSORED) {
            limits.add(Bind.value(ScalarKind.LONG));
        }
        rejectedPage(method, "page statement", variants.text(every), limits);
        if (paging.count() != null) {
            rejectedPage(method, "count statement", paging.count().text(variants.filterTexts(), every), all);
        }
        if (paging.after() != null) {
            List<Bind> keys = new ArrayList<>(all);
            paging.afterBinds().forEach(k -> keys.add(Bind.value(paging.keys().get(k).component().type().kind())));
            keys.add(Bind.value(ScalarKind.LONG));
            rejectedPage(method, "keyset statement (the page after a cursor)", paging.after().text(variants.filterTexts(),
                    every), keys);
        }
    }

    private void rejectedPage(QueryMethodModel method, String what, String sql, List<Bind> binds)
            throws VerificationUnavailable, StatementVerifier.NotAnswered {
        if (describer.describe(sql, binds) instanceof Rejected rejected) {
            findings.reportOn(Message.VERIFY_PAGE_REJECTED, method.element(), null, null, method.label(), what,
                    rejected.message(), sql);
        }
    }

    /** The enum constant of the key at {@code ordinal}, from the sort parameter's declared type. */
    private static String keyName(QueryMethodModel method, int ordinal) {
        return method.parameters().stream().filter(p -> p.name().equals(method.variants().sort())).findFirst()
                .map(p -> (dev.quarry.processor.model.ParameterModel.Binding.SortKeys) p.binding())
                .map(keys -> keys.keys() + "." + keys.names().get(ordinal))
                .orElse("#" + ordinal);
    }
}
