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

/**
 * Checks that need the whole method model: every parameter is used, and a record's components
 * are all among the result columns when the SQL spells its columns out.
 */
public final class QueryValidator {
    private final Reporter reporter;

    public QueryValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Reports every problem; true when there was none. */
    public boolean validate(RepositoryModel repository) {
        int errorsBefore = reporter.errorCount();
        for (MethodModel model : repository.methods()) {
            if (model instanceof QueryMethodModel method) {
                checkParametersUsed(method);
                checkResultColumns(method);
            }
        }
        return reporter.errorCount() == errorsBefore;
    }

    private void checkParametersUsed(QueryMethodModel method) {
        Set<String> used = method.parsed().placeholders().stream().map(Placeholder::name).collect(Collectors.toSet());
        for (int i = 0; i < method.parameters().size(); i++) {
            ParameterModel parameter = method.parameters().get(i);
            if (!used.contains(parameter.bindName()) && !(parameter.binding() instanceof ParameterModel.Binding.SortKeys)) {
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
        for (ComponentModel component : record.model().components()) {
            if (!labels.contains(component.column())) {
                reporter.report(Message.MISSING_RESULT_COLUMN, method.element(), component.name(),
                        record.model().simpleName(), component.column(), list, labels, component.column());
            }
        }
    }
}
