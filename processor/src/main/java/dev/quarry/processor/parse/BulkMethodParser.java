package dev.quarry.processor.parse;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Upsert;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.BulkInput;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.InsertMethodModel;
import dev.quarry.processor.model.MethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.UpsertMethodModel;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/** Reads {@code @Insert}, {@code @Upsert} and {@code @Batch} methods into their models. */
final class BulkMethodParser {
    private final BulkSignatures signatures;
    private final BatchMethodParser batches;
    private final Reporter reporter;

    BulkMethodParser(TypeMapper types, Reporter reporter) {
        this.signatures = new BulkSignatures(types, new RecordParser(types, reporter), reporter);
        this.batches = new BatchMethodParser(signatures, reporter);
        this.reporter = reporter;
    }

    /** Whether {@code method} is a bulk method, which this parser (not the {@code @Query} one) reads. */
    static boolean applies(ExecutableElement method) {
        return method.getAnnotation(Insert.class) != null || method.getAnnotation(Upsert.class) != null
                || method.getAnnotation(Batch.class) != null;
    }

    Optional<MethodModel> parse(ExecutableElement method, String label, String constant) {
        List<Class<? extends Annotation>> kinds = new ArrayList<>();
        for (Class<? extends Annotation> kind : List.of(Insert.class, Upsert.class, Batch.class)) {
            if (method.getAnnotation(kind) != null) {
                kinds.add(kind);
            }
        }
        if (method.getAnnotation(Query.class) != null && method.getAnnotation(Batch.class) == null) {
            kinds.add(Query.class);
        }
        if (kinds.size() > 1) {
            reporter.report(Message.BULK_CONFLICTING_ANNOTATIONS, method, label, kinds.get(0).getSimpleName(),
                    kinds.get(1).getSimpleName());
            return Optional.empty();
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.report(Message.BULK_GENERIC, method, label);
            return Optional.empty();
        }
        if (method.getAnnotation(Insert.class) != null) {
            return insert(method, label, constant).map(MethodModel.class::cast);
        }
        if (method.getAnnotation(Upsert.class) != null) {
            return upsert(method, label, constant).map(MethodModel.class::cast);
        }
        return batches.parse(method, label, constant).map(MethodModel.class::cast);
    }

    private Optional<InsertMethodModel> insert(ExecutableElement method, String label, String constant) {
        int errorsBefore = reporter.errorCount();
        Insert insert = method.getAnnotation(Insert.class);
        AnnotationMirror mirror = Annotations.mirror(method, Insert.class);
        Optional<BulkInput> input = signatures.input(method, label, "Insert", true, true);
        checkChunkSize(method, mirror, "Insert", label, insert.chunkSize());
        if (input.isEmpty()) {
            return Optional.empty();
        }
        Optional<BulkResult> result = signatures.result(method, label, "Insert", input.get().element(),
                insert.returning(), mirror, "written", input.get().form() == BulkInput.Form.ONE);
        if (insert.returning().length > 0
                && (insert.strategy() == InsertStrategy.COPY || insert.strategy() == InsertStrategy.BATCH)) {
            reporter.report(Message.BULK_RETURNING_STRATEGY, method, mirror, Annotations.value(mirror, "strategy"),
                    label, insert.strategy());
        }
        if (reporter.errorCount() > errorsBefore || result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InsertMethodModel(method, method.getSimpleName().toString(), label, constant,
                visibility(method), input.get(), input.get().element().table(), insert.strategy(), insert.chunkSize(),
                result.get()));
    }

    private Optional<UpsertMethodModel> upsert(ExecutableElement method, String label, String constant) {
        int errorsBefore = reporter.errorCount();
        Upsert upsert = method.getAnnotation(Upsert.class);
        AnnotationMirror mirror = Annotations.mirror(method, Upsert.class);
        Optional<BulkInput> input = signatures.input(method, label, "Upsert", true, true);
        checkChunkSize(method, mirror, "Upsert", label, upsert.chunkSize());
        if (input.isEmpty()) {
            return Optional.empty();
        }
        RecordModel record = input.get().element();
        Optional<BulkResult> result = signatures.result(method, label, "Upsert", record, upsert.returning(), mirror,
                "inserted or updated");
        List<ComponentModel> conflict = columns(method, mirror, label, record, "conflict", upsert.conflict());
        List<ComponentModel> touch = columns(method, mirror, label, record, "touch", upsert.touch());
        List<ComponentModel> update = columns(method, mirror, label, record, "update", upsert.update());
        if (upsert.conflict().length == 0) {
            reporter.report(Message.UPSERT_NO_CONFLICT, method, mirror, label);
        }
        if (upsert.doNothing() && (upsert.update().length > 0 || upsert.touch().length > 0)) {
            reporter.report(Message.UPSERT_DO_NOTHING_WITH_UPDATE, method, mirror, Annotations.value(mirror, "doNothing"),
                    label, upsert.update().length > 0 ? "update = " + List.of(upsert.update())
                            : "touch = " + List.of(upsert.touch()));
        }
        twice(method, mirror, label, conflict, "conflict", update, "update");
        twice(method, mirror, label, conflict, "conflict", touch, "touch");
        twice(method, mirror, label, update, "update", touch, "touch");
        if (reporter.errorCount() > errorsBefore || result.isEmpty()) {
            return Optional.empty();
        }
        if (upsert.update().length == 0 && !upsert.doNothing()) {
            // Every column that is neither the key nor touched is taken from the new row.
            update = record.components().stream().filter(c -> !conflict.contains(c) && !touch.contains(c)).toList();
        }
        return Optional.of(new UpsertMethodModel(method, method.getSimpleName().toString(), label, constant,
                visibility(method), input.get(), record.table(), conflict, update, touch, upsert.doNothing(),
                upsert.chunkSize(), result.get()));
    }

    /** The components {@code names} refer to, each once; unknown names are reported. */
    private List<ComponentModel> columns(ExecutableElement method, AnnotationMirror mirror, String label,
                                         RecordModel record, String attribute, String[] names) {
        Map<String, ComponentModel> found = new LinkedHashMap<>();
        for (String name : names) {
            Optional<ComponentModel> column = BulkSignatures.column(record, name);
            if (column.isEmpty()) {
                reporter.report(Message.BULK_UNKNOWN_COLUMN, method, mirror, Annotations.value(mirror, attribute),
                        "Upsert", label, attribute, name, record.simpleName(), BulkSignatures.columnNames(record));
            } else {
                found.putIfAbsent(column.get().column(), column.get());
            }
        }
        return List.copyOf(found.values());
    }

    private void twice(ExecutableElement method, AnnotationMirror mirror, String label, List<ComponentModel> first,
                       String firstName, List<ComponentModel> second, String secondName) {
        for (ComponentModel column : first) {
            if (second.contains(column)) {
                reporter.report(Message.UPSERT_COLUMN_TWICE, method, mirror, label, column.column(), firstName,
                        secondName);
            }
        }
    }

    void checkChunkSize(ExecutableElement method, AnnotationMirror mirror, String annotation, String label,
                        int chunkSize) {
        if (chunkSize < 1) {
            reporter.report(Message.BULK_CHUNK_SIZE_INVALID, method, mirror, Annotations.value(mirror, "chunkSize"),
                    annotation, label, chunkSize);
        }
    }

    static Modifier visibility(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PUBLIC)) {
            return Modifier.PUBLIC;
        }
        return method.getModifiers().contains(Modifier.PROTECTED) ? Modifier.PROTECTED : null;
    }
}
