package dev.quarry.processor.parse;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Bind;
import dev.quarry.annotations.Query;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.BatchMethodModel;
import dev.quarry.processor.model.BulkInput;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads a {@code @Batch @Query} method: the statement binds {@code :component} (or
 * {@code :param.component}) from each element of the one iterable parameter.
 */
final class BatchMethodParser {
    private final BulkSignatures signatures;
    private final Reporter reporter;

    BatchMethodParser(BulkSignatures signatures, Reporter reporter) {
        this.signatures = signatures;
        this.reporter = reporter;
    }

    Optional<BatchMethodModel> parse(ExecutableElement method, String label, String constant) {
        int errorsBefore = reporter.errorCount();
        Batch batch = method.getAnnotation(Batch.class);
        AnnotationMirror batchMirror = Annotations.mirror(method, Batch.class);
        Query query = method.getAnnotation(Query.class);
        if (query == null) {
            reporter.report(Message.BATCH_WITHOUT_QUERY, method, batchMirror, label);
            return Optional.empty();
        }
        if (batch.chunkSize() < 1) {
            reporter.report(Message.BULK_CHUNK_SIZE_INVALID, method, batchMirror,
                    Annotations.value(batchMirror, "chunkSize"), "Batch", label, batch.chunkSize());
        }
        AnnotationMirror mirror = Annotations.mirror(method, Query.class);
        AnnotationValue value = Annotations.value(mirror, "value");
        ParsedSql parsed = SqlParser.parse(query.value());
        for (ParsedSql.Problem problem : parsed.problems()) {
            switch (problem.kind()) {
                case EMPTY -> reporter.report(Message.SQL_EMPTY, method, mirror, value, label);
                case MULTIPLE_STATEMENTS -> reporter.report(Message.SQL_MULTIPLE_STATEMENTS, method, mirror, value,
                        label, problem.offset());
                case POSITIONAL_PARAMETER -> reporter.report(Message.SQL_POSITIONAL_PARAMETER, method, mirror, value,
                        label, problem.offset());
                case UNKNOWN_STATEMENT -> reporter.report(Message.SQL_UNKNOWN_STATEMENT, method, mirror, value,
                        label, SqlParser.firstWord(parsed.original(), problem.offset()), problem.offset(),
                        SqlParser.FIRST_KEYWORDS_TEXT);
            }
        }
        if (parsed.returnsRows() && !parsed.hasProblems()) {
            reporter.report(Message.BATCH_RETURNS_ROWS, method, mirror, value, label,
                    parsed.kind().toUpperCase(Locale.ROOT));
        }
        Optional<BulkInput> input = signatures.input(method, label, "Batch", false, false);
        Optional<BulkResult> result = signatures.result(method, label, "Batch", null, new String[0], batchMirror,
                "affected");
        if (input.isEmpty()) {
            return Optional.empty();
        }
        List<ComponentModel> binds = binds(method, mirror, value, label, parsed, input.get());
        if (reporter.errorCount() > errorsBefore || result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BatchMethodModel(method, method.getSimpleName().toString(), label, constant,
                BulkMethodParser.visibility(method), input.get(), parsed.jdbcSql(p -> false), binds, batch.chunkSize(),
                result.get()));
    }

    private List<ComponentModel> binds(ExecutableElement method, AnnotationMirror mirror, AnnotationValue value,
                                       String label, ParsedSql parsed, BulkInput input) {
        Bind bind = method.getParameters().get(0).getAnnotation(Bind.class);
        String parameter = bind != null ? bind.value() : input.parameter();
        RecordModel element = input.element();
        List<ComponentModel> binds = new ArrayList<>();
        for (Placeholder p : parsed.placeholders()) {
            // :component binds from each element; :param.component says the same about the parameter.
            String name = p.component() != null && p.name().equals(parameter) ? p.component() : p.name();
            Optional<ComponentModel> component = p.component() != null && !p.name().equals(parameter)
                    ? Optional.empty() : element.component(name);
            if (component.isEmpty()) {
                reporter.report(Message.BATCH_UNKNOWN_COMPONENT, method, mirror, value, p.display(), label,
                        element.simpleName(), p.component() != null && !p.name().equals(parameter) ? p.name() : name,
                        element.componentNames());
                continue;
            }
            binds.add(component.get());
        }
        return List.copyOf(binds);
    }
}
