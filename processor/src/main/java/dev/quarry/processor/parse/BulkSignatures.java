package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Table;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.BulkInput;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The parts of bulk method signatures that {@code @Insert}, {@code @Upsert} and {@code @Batch}
 * share: the input parameter, the return type, and column names given in annotation values.
 */
final class BulkSignatures {
    private static final Set<String> ITERABLES = Set.of(
            "java.util.List", "java.util.Collection", "java.util.Set", "java.lang.Iterable");
    private static final String STREAM = "java.util.stream.Stream";

    private final TypeMapper types;
    private final RecordParser records;
    private final Reporter reporter;

    BulkSignatures(TypeMapper types, RecordParser records, Reporter reporter) {
        this.types = types;
        this.records = records;
        this.reporter = reporter;
    }

    /**
     * The one parameter: an iterable or stream of records (or, when {@code allowOne}, a record),
     * annotated {@code @Table} when {@code needsTable}.
     */
    Optional<BulkInput> input(ExecutableElement method, String label, String annotation, boolean needsTable,
                              boolean allowOne) {
        String kind = needsTable ? "a @Table record" : "a record";
        String one = allowOne ? ", or one such record" : "";
        if (method.getParameters().size() != 1) {
            int count = method.getParameters().size();
            reporter.report(Message.BULK_UNSUPPORTED_INPUT, method, label,
                    count == 0 ? "no parameter" : count + " parameters", annotation, kind, one);
            return Optional.empty();
        }
        VariableElement parameter = method.getParameters().get(0);
        TypeMirror type = parameter.asType();
        BulkInput.Form form;
        TypeMirror elementType;
        Optional<TypeMirror> argument = elementOf(type, ITERABLES);
        if (argument.isPresent()) {
            form = BulkInput.Form.ITERABLE;
            elementType = argument.get();
        } else if ((argument = elementOf(type, Set.of(STREAM))).isPresent()) {
            form = BulkInput.Form.STREAM;
            elementType = argument.get();
        } else if (allowOne && types.asRecord(type).isPresent()) {
            form = BulkInput.Form.ONE;
            elementType = type;
        } else {
            reporter.report(Message.BULK_UNSUPPORTED_INPUT, parameter, label, type, annotation, kind, one);
            return Optional.empty();
        }
        Optional<TypeElement> record = types.asRecord(elementType);
        if (record.isEmpty() || (needsTable && record.get().getAnnotation(Table.class) == null)) {
            if (needsTable) {
                reporter.report(Message.BULK_NOT_TABLE_RECORD, parameter, label, elementType, annotation);
            } else {
                reporter.report(Message.BULK_UNSUPPORTED_INPUT, parameter, label, type, annotation, kind, one);
            }
            return Optional.empty();
        }
        Optional<RecordModel> model = records.parse(record.get(), method);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        if (model.get().components().isEmpty()) {
            reporter.report(Message.BULK_NO_COLUMNS, parameter, label, record.get().getSimpleName());
            return Optional.empty();
        }
        return Optional.of(new BulkInput(parameter.getSimpleName().toString(), TypeName.get(type), form, model.get()));
    }

    /**
     * What the method returns: void, a row count, or with {@code returning} a {@code List} of the
     * one returned column or of a record of the returned columns.
     */
    Optional<BulkResult> result(ExecutableElement method, String label, String annotation, RecordModel input,
                                String[] returning, AnnotationMirror mirror, String verb) {
        return result(method, label, annotation, input, returning, mirror, verb, false);
    }

    /**
     * As {@link #result(ExecutableElement, String, String, RecordModel, String[], AnnotationMirror, String)};
     * with {@code oneRow} (an insert of one record, which returns exactly one row) the returned
     * column or record may also be returned as it is, not in a {@code List}.
     */
    Optional<BulkResult> result(ExecutableElement method, String label, String annotation, RecordModel input,
                                String[] returning, AnnotationMirror mirror, String verb, boolean oneRow) {
        TypeMirror type = method.getReturnType();
        TypeName name = TypeName.get(type);
        String withReturning = annotation.equals("Batch") ? "" : ", or with returning a List of the returned rows";
        Optional<TypeMirror> listElement = returning.length == 0 ? Optional.empty()
                : elementOf(type, Set.of("java.util.List"));
        if (returning.length > 0) {
            if (listElement.isPresent()) {
                return returned(method, label, annotation, input, returning, mirror, listElement.get(), name,
                        BulkResult.Shape.LIST);
            }
            if (!oneRow) {
                reporter.report(Message.BULK_RETURNING_NEEDS_LIST, method, label, List.of(returning), type);
                return Optional.empty();
            }
            Optional<TypeMirror> optional = elementOf(type, Set.of("java.util.Optional"));
            if (optional.isPresent()) {
                reporter.report(Message.BULK_RETURNING_ONE_OPTIONAL, method, label, type, optional.get());
                return Optional.empty();
            }
            return returned(method, label, annotation, input, returning, mirror, type, name, BulkResult.Shape.ONE);
        }
        switch (type.getKind()) {
            case VOID:
                return Optional.of(new BulkResult(BulkResult.Shape.VOID, name, List.of(), null));
            case INT:
                return Optional.of(new BulkResult(BulkResult.Shape.INT, name, List.of(), null));
            case LONG:
                return Optional.of(new BulkResult(BulkResult.Shape.LONG, name, List.of(), null));
            default:
                reporter.report(Message.BULK_UNSUPPORTED_RETURN, method, label, type, annotation, verb, withReturning);
                return Optional.empty();
        }
    }

    private Optional<BulkResult> returned(ExecutableElement method, String label, String annotation, RecordModel input,
                                          String[] returning, AnnotationMirror mirror, TypeMirror element,
                                          TypeName name, BulkResult.Shape shape) {
        AnnotationValue value = Annotations.value(mirror, "returning");
        Optional<ScalarType> scalar = types.scalar(element);
        RecordModel row = null;
        if (scalar.isEmpty()) {
            Optional<TypeElement> record = types.asRecord(element);
            if (record.isEmpty()) {
                reporter.report(Message.BULK_RETURNING_SHAPE, method, label, name, List.of(returning),
                        "fills neither a scalar nor a record");
                return Optional.empty();
            }
            Optional<RecordModel> parsed = records.parse(record.get(), method);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            row = parsed.get();
        }
        List<String> columns = new ArrayList<>();
        for (String requested : returning) {
            String resolved = column(input, requested).map(ComponentModel::column).orElse(null);
            if (resolved == null && row != null) {
                resolved = column(row, requested).map(ComponentModel::column).orElse(null);
            }
            if (resolved == null && row == null) {
                // a column the record does not write (a generated key): only the table knows it, so
                // verification, when on, checks it and its type
                resolved = requested;
            }
            if (resolved == null) {
                reporter.report(Message.BULK_UNKNOWN_RETURNING, method, mirror, value, annotation, label, requested,
                        input.simpleName() + " or " + row.simpleName(), union(columnNames(input), columnNames(row)));
                return Optional.empty();
            }
            columns.add(resolved);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(columns));
        if (row == null) {
            if (distinct.size() != 1) {
                reporter.report(Message.BULK_RETURNING_SHAPE, method, label, name, distinct,
                        "names " + distinct.size() + " columns, and "
                                + (shape == BulkResult.Shape.LIST ? "a List of a scalar" : "a scalar") + " holds one");
                return Optional.empty();
            }
            return Optional.of(new BulkResult(shape, name, distinct, new RowType.Scalar(scalar.get())));
        }
        if (row.hasRelations()) {
            reporter.report(Message.BULK_RETURNING_SHAPE, method, label, name, distinct,
                    "cannot fill " + row.simpleName() + "'s @Relation components");
            return Optional.empty();
        }
        for (ComponentModel component : row.components()) {
            if (!distinct.contains(component.column())) {
                reporter.report(Message.BULK_RETURNING_SHAPE, method, label, name, distinct,
                        "does not return column \"" + component.column() + "\", which component '" + component.name()
                                + "' of " + row.simpleName() + " reads");
                return Optional.empty();
            }
        }
        return Optional.of(new BulkResult(shape, name, distinct, new RowType.Record(row)));
    }

    /** A name in an annotation value: a column, or (for convenience) a component, of {@code record}. */
    static Optional<ComponentModel> column(RecordModel record, String name) {
        return record.componentForColumn(name).or(() -> record.component(name));
    }

    static List<String> columnNames(RecordModel record) {
        return record.components().stream().map(ComponentModel::column).toList();
    }

    private static List<String> union(List<String> first, List<String> second) {
        return List.copyOf(new LinkedHashSet<>(java.util.stream.Stream.concat(first.stream(), second.stream()).toList()));
    }

    /** The element type of {@code type} when it is one of {@code containers}; {@code ? extends E} gives E. */
    private static Optional<TypeMirror> elementOf(TypeMirror type, Set<String> containers) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        DeclaredType declared = (DeclaredType) type;
        String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
        if (!containers.contains(name) || declared.getTypeArguments().size() != 1) {
            return Optional.empty();
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) argument).getExtendsBound();
            return Optional.ofNullable(bound);
        }
        return Optional.of(argument);
    }
}
