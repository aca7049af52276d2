package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Delete;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Update;
import dev.quarry.annotations.Upsert;
import dev.quarry.annotations.Version;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.BulkInput;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.KeyedWriteModel;
import dev.quarry.processor.model.KeyedWriteModel.Kind;
import dev.quarry.processor.model.KeyedWriteModel.Result;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Reads an {@code @Update} or {@code @Delete} method into a {@link KeyedWriteModel}, reporting what it cannot accept. */
final class KeyedWriteParser {
    private static final String[] ID_COLLECTIONS = {"java.util.List", "java.util.Collection", "java.util.Set",
        "java.lang.Iterable"};
    private static final int DEFAULT_CHUNK_SIZE = 10_000;
    /** Ids the statements send and return as the same Java values. */
    private static final Set<ScalarKind> ID_KINDS = Set.of(ScalarKind.LONG, ScalarKind.INT, ScalarKind.SHORT,
            ScalarKind.STRING, ScalarKind.UUID);

    private final TypeMapper types;
    private final RecordParser records;
    private final BulkSignatures signatures;
    private final Reporter reporter;

    KeyedWriteParser(TypeMapper types, Reporter reporter) {
        this.types = types;
        this.records = new RecordParser(types, reporter);
        this.signatures = new BulkSignatures(types, records, reporter);
        this.reporter = reporter;
    }

    static boolean applies(ExecutableElement method) {
        return method.getAnnotation(Update.class) != null || method.getAnnotation(Delete.class) != null;
    }

    Optional<KeyedWriteModel> parse(ExecutableElement method, String label, String constant) {
        int errorsBefore = reporter.errorCount();
        Update update = method.getAnnotation(Update.class);
        Kind kind = update != null ? Kind.UPDATE : Kind.DELETE;
        String annotation = update != null ? "Update" : "Delete";
        AnnotationMirror mirror = Annotations.mirror(method, update != null ? Update.class : Delete.class);
        if (!method.getTypeParameters().isEmpty()) {
            reporter.report(Message.BULK_GENERIC, method, label);
            return Optional.empty();
        }
        Optional<Result> result = result(method, label, annotation, kind);
        int chunkSize = update != null ? update.chunkSize() : DEFAULT_CHUNK_SIZE;
        if (chunkSize < 1) {
            reporter.report(Message.BULK_CHUNK_SIZE_INVALID, method, mirror, Annotations.value(mirror, "chunkSize"),
                    annotation, label, chunkSize);
        }
        Optional<Ids> ids = kind == Kind.DELETE ? ids(method) : Optional.empty();
        RecordModel record;
        BulkInput.Form form;
        TypeElement recordElement;
        if (ids.isPresent()) {
            Optional<TypeElement> table = deletedTable(method, label, mirror);
            if (table.isEmpty()) {
                return Optional.empty();
            }
            recordElement = table.get();
            Optional<RecordModel> model = records.parse(recordElement, method);
            if (model.isEmpty()) {
                return Optional.empty();
            }
            record = model.get();
            form = ids.get().form();
        } else {
            Optional<BulkInput> input = signatures.input(method, label, annotation, true, true);
            if (input.isEmpty()) {
                return Optional.empty();
            }
            record = input.get().element();
            form = input.get().form();
            recordElement = types.asRecord(method.getParameters().get(0).asType())
                    .or(() -> types.asRecord(elementType(method.getParameters().get(0).asType())))
                    .orElseThrow();
        }
        Optional<ComponentModel> id = id(method, label, annotation, record);
        ComponentModel version = version(method, label, recordElement, record);
        if (id.isEmpty() || reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        if (ids.isPresent() && ids.get().type().kind() != id.get().type().kind()) {
            reporter.report(Message.DELETE_ID_TYPE, method.getParameters().get(0), label, method.getParameters().get(0).asType(),
                    record.simpleName(), id.get().type().type());
            return Optional.empty();
        }
        List<ComponentModel> set = kind == Kind.UPDATE ? set(method, mirror, label, update, record, id.get(), version)
                : List.of();
        if (reporter.errorCount() > errorsBefore || result.isEmpty()) {
            return Optional.empty();
        }
        List<ComponentModel> sent = new ArrayList<>(set);
        sent.add(id.get());
        if (version != null && !ids.isPresent()) {
            sent.add(version);
        }
        VariableElement parameter = method.getParameters().get(0);
        return Optional.of(new KeyedWriteModel(method, method.getSimpleName().toString(), label, constant,
                BulkMethodParser.visibility(method), kind, parameter.getSimpleName().toString(),
                TypeName.get(parameter.asType()), form, record, id.get(), ids.isPresent() ? null : version,
                List.copyOf(sent), set, ids.isPresent(), result.get(), chunkSize));
    }

    private Optional<Result> result(ExecutableElement method, String label, String annotation, Kind kind) {
        TypeMirror type = method.getReturnType();
        Result result = switch (type.getKind()) {
            case VOID -> Result.VOID;
            case BOOLEAN -> Result.BOOLEAN;
            case INT -> Result.INT;
            case LONG -> Result.LONG;
            default -> null;
        };
        if (result == null && kind == Kind.UPDATE && method.getParameters().size() == 1) {
            // List<R> of the record it takes: the rows as updated
            TypeMirror input = elementType(method.getParameters().get(0).asType());
            Optional<TypeMirror> row = types.typeArgument(type, "java.util.List");
            if (row.isPresent() && types.asRecord(row.get()).isPresent()
                    && TypeName.get(row.get()).equals(TypeName.get(input))) {
                result = Result.LIST;
            }
        }
        if (result == null) {
            reporter.report(Message.KEYED_RETURN, method, label, type, annotation,
                    kind == Kind.UPDATE ? "updated (or a List of the record it takes, the rows as updated)" : "deleted");
        }
        return Optional.ofNullable(result);
    }

    /** Id values a delete takes: one, or a collection of them. */
    private record Ids(BulkInput.Form form, ScalarType type) {}

    private Optional<Ids> ids(ExecutableElement method) {
        if (method.getParameters().size() != 1) {
            return Optional.empty();
        }
        TypeMirror type = method.getParameters().get(0).asType();
        Optional<ScalarType> one = types.scalar(type);
        if (one.isPresent() && one.get().kind() != ScalarKind.ARRAY) {
            return Optional.of(new Ids(BulkInput.Form.ONE, one.get()));
        }
        return types.typeArgument(type, ID_COLLECTIONS).flatMap(types::scalar)
                .filter(s -> s.kind() != ScalarKind.ARRAY && s.kind() != ScalarKind.BYTES)
                .map(s -> new Ids(BulkInput.Form.ITERABLE, s));
    }

    private TypeMirror elementType(TypeMirror type) {
        return types.typeArgument(type, "java.util.List", "java.util.Collection", "java.util.Set", "java.lang.Iterable",
                "java.util.stream.Stream").orElse(type);
    }

    /**
     * The table a delete by id values removes from: {@code @Delete(Book.class)}, or else the one
     * {@code @Table} record the repository's other methods read and write.
     */
    private Optional<TypeElement> deletedTable(ExecutableElement method, String label, AnnotationMirror mirror) {
        AnnotationValue value = Annotations.value(mirror, "value");
        if (value != null && value.getValue() instanceof DeclaredType named
                && !((TypeElement) named.asElement()).getQualifiedName().contentEquals("java.lang.Record")) {
            TypeElement element = (TypeElement) named.asElement();
            if (element.getAnnotation(Table.class) == null) {
                reporter.report(Message.BULK_NOT_TABLE_RECORD, method, label, element.getQualifiedName(), "Delete");
                return Optional.empty();
            }
            return Optional.of(element);
        }
        Set<TypeElement> tables = new LinkedHashSet<>();
        for (ExecutableElement other : ElementFilter.methodsIn(method.getEnclosingElement().getEnclosedElements())) {
            if (other.getAnnotation(Find.class) == null && other.getAnnotation(Update.class) == null
                    && other.getAnnotation(Insert.class) == null && other.getAnnotation(Upsert.class) == null
                    && other.getAnnotation(Delete.class) == null) {
                continue;
            }
            List<TypeMirror> candidates = new ArrayList<>();
            candidates.add(FindSql.rowOf(other.getReturnType(), types));
            other.getParameters().forEach(p -> candidates.add(elementType(p.asType())));
            for (TypeMirror candidate : candidates) {
                types.asRecord(candidate).filter(r -> r.getAnnotation(Table.class) != null).ifPresent(tables::add);
            }
        }
        if (tables.size() == 1) {
            return Optional.of(tables.iterator().next());
        }
        reporter.report(Message.DELETE_NO_TABLE, method, label, method.getParameters().get(0).asType(),
                tables.isEmpty() ? "no @Table record" : "several @Table records " + tables.stream()
                        .map(t -> t.getSimpleName().toString()).toList());
        return Optional.empty();
    }

    private Optional<ComponentModel> id(ExecutableElement method, String label, String annotation, RecordModel record) {
        if (record.idColumns().size() != 1) {
            reporter.report(Message.KEYED_ID, method, annotation, label, record.simpleName(),
                    record.idColumns().isEmpty() ? "none" : record.idColumns().size() + " (" + record.idColumns() + ")");
            return Optional.empty();
        }
        Optional<ComponentModel> id = record.componentForColumn(record.idColumns().get(0));
        if (id.isPresent() && !ID_KINDS.contains(id.get().type().kind())) {
            reporter.report(Message.KEYED_ID_TYPE, method, annotation, label, id.get().name(), record.simpleName(),
                    id.get().type().type());
            return Optional.empty();
        }
        return id;
    }

    /** The {@code @Version} component, checked to be an int or a long; {@code null} when there is none. */
    private ComponentModel version(ExecutableElement method, String label, TypeElement element, RecordModel record) {
        ComponentModel version = null;
        for (RecordComponentElement component : element.getRecordComponents()) {
            if (component.getAnnotation(Version.class) == null) {
                continue;
            }
            TypeKind kind = component.asType().getKind();
            if (kind != TypeKind.INT && kind != TypeKind.LONG) {
                reporter.report(Message.KEYED_VERSION_TYPE, method, component.getSimpleName(), record.simpleName(),
                        component.asType(), label);
                continue;
            }
            version = record.component(component.getSimpleName().toString()).orElse(null);
        }
        return version;
    }

    /** The columns an update sets: those {@code columns} names, or every one but the id and version. */
    private List<ComponentModel> set(ExecutableElement method, AnnotationMirror mirror, String label, Update update,
                                     RecordModel record, ComponentModel id, ComponentModel version) {
        List<ComponentModel> set = new ArrayList<>();
        if (update.columns().length == 0) {
            record.components().stream().filter(c -> c != id && c != version).forEach(set::add);
        }
        for (String name : update.columns()) {
            Optional<ComponentModel> component = record.componentForColumn(name).or(() -> record.component(name));
            if (component.isEmpty()) {
                reporter.report(Message.UPDATE_UNKNOWN_COLUMN, method, mirror, Annotations.value(mirror, "columns"), label,
                        name, record.simpleName(), record.components().stream().map(ComponentModel::column).toList());
            } else if (component.get() == id || component.get() == version) {
                reporter.report(Message.UPDATE_KEY_COLUMN, method, mirror, Annotations.value(mirror, "columns"), label,
                        name, component.get() == id ? "@Id" : "@Version");
            } else if (!set.contains(component.get())) {
                set.add(component.get());
            }
        }
        if (set.isEmpty() && update.columns().length == 0) {
            reporter.report(Message.UPDATE_NOTHING_TO_SET, method, label, record.simpleName());
        }
        return List.copyOf(set);
    }
}
