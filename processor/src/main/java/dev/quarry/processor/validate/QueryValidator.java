package dev.quarry.processor.validate;

import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.MethodModel;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RepositoryModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.sql.Placeholder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks that need the whole method model: every parameter is used, and a record's components
 * are all among the result columns when the SQL spells its columns out.
 */
public final class QueryValidator {
    private final Reporter reporter;

    public QueryValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Reports every unused parameter; true when there was none. */
    public boolean validate(RepositoryModel repository) {
        int errorsBefore = reporter.errorCount();
        for (MethodModel model : repository.methods()) {
            if (model instanceof QueryMethodModel method) {
                checkParametersUsed(method);
            }
        }
        return reporter.errorCount() == errorsBefore;
    }

    /**
     * Checks the result columns the SQL spells out against the records read, for the methods not
     * in {@code verified}: the database told those apart better (a misspelt column is its error, not
     * a component without a column).
     */
    public void checkResultColumns(RepositoryModel repository, Set<ExecutableElement> verified) {
        for (MethodModel model : repository.methods()) {
            if (model instanceof QueryMethodModel method && !verified.contains(method.element())) {
                checkResultColumns(method);
            }
        }
    }

    private void checkParametersUsed(QueryMethodModel method) {
        Set<String> used = method.parsed().placeholders().stream().map(Placeholder::name).collect(Collectors.toSet());
        for (int i = 0; i < method.parameters().size(); i++) {
            ParameterModel parameter = method.parameters().get(i);
            if (!used.contains(parameter.bindName()) && !(parameter.binding() instanceof ParameterModel.Binding.SortKeys)
                    && !(parameter.binding() instanceof ParameterModel.Binding.Page)) {
                reporter.report(Message.UNUSED_PARAMETER, method.element().getParameters().get(i),
                        parameter.name(), method.label(), parameter.bindName());
            }
        }
    }

    private void checkResultColumns(QueryMethodModel method) {
        if (!(method.result().row() instanceof RowType.Record record) || method.parsed().resultLabels().isEmpty()) {
            return;
        }
        List<String> labels = method.parsed().resultLabels().get();
        String list = method.parsed().kind().equals("select") ? "SELECT" : "RETURNING";
        List<String> columns = record.model().components().stream().map(ComponentModel::column).toList();
        // a misspelt column shows as a label no component reads: name it beside the component it starves
        List<String> unread = labels.stream().filter(l -> !columns.contains(l)).toList();
        String extra = unread.isEmpty() ? "" : "; the " + list + " list has " + String.join(", ", unread)
                + (unread.size() == 1 ? ", which matches" : ", which match") + " no component";
        for (ComponentModel component : record.model().components()) {
            if (!labels.contains(component.column())) {
                reporter.report(Message.MISSING_RESULT_COLUMN, method.element(), component.name(),
                        record.model().simpleName(), component.column(), list, labels, extra, component.column());
            }
        }
    }
}
