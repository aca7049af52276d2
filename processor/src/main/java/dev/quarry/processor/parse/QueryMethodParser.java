package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Bind;
import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Find;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.TopPerGroup;
import dev.quarry.annotations.Transactional;
import dev.quarry.annotations.Tree;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.BindStep;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.ParameterModel.ArrayForm;
import dev.quarry.processor.model.ParameterModel.Binding;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.ReturnModel.Shape;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.model.TransactionModel;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads one {@code @Query} method into a {@link QueryMethodModel}, reporting what it cannot accept. */
final class QueryMethodParser {
    private static final String[] COLLECTIONS = {"java.util.List", "java.util.Collection", "java.util.Set"};

    private final TypeMapper types;
    private final RecordParser records;
    private final Reporter reporter;

    QueryMethodParser(TypeMapper types, Reporter reporter) {
        this.types = types;
        this.records = new RecordParser(types, reporter);
        this.reporter = reporter;
    }

    Optional<QueryMethodModel> parse(ExecutableElement method, String label, String constant,
                                     TransactionModel transaction) {
        int errorsBefore = reporter.errorCount();
        Query query = method.getAnnotation(Query.class);
        Tree tree = method.getAnnotation(Tree.class);
        Find find = method.getAnnotation(Find.class);
        AnnotationMirror annotation = Annotations.mirror(method, tree != null ? Tree.class : find != null ? Find.class
                : Query.class);
        Optional<String> found = find == null ? Optional.empty() : FindSql.build(method, label, types, records, reporter);
        if (find != null && found.isEmpty()) {
            return Optional.empty();
        }
        int timeout = query == null ? 0 : query.timeout();
        AnnotationValue value = Annotations.value(annotation, "value");
        if (!method.getTypeParameters().isEmpty()) {
            reporter.report(Message.METHOD_GENERIC, method, label);
        }
        if (timeout < 0) {
            reporter.report(Message.QUERY_TIMEOUT_NEGATIVE, method, annotation, Annotations.value(annotation, "timeout"),
                    label, timeout);
        }
        if (tree != null && tree.maxDepth() < 1) {
            reporter.report(Message.TREE_MAX_DEPTH, method, annotation, Annotations.value(annotation, "maxDepth"), label,
                    tree.maxDepth());
        }

        // problems are found in the SQL as written, so their offsets point into the annotation's text
        ParsedSql written = SqlParser.parse(tree != null ? TreeSql.build(tree) : found.orElseGet(() -> query.value()));
        for (ParsedSql.Problem problem : written.problems()) {
            switch (problem.kind()) {
                case EMPTY -> reporter.report(Message.SQL_EMPTY, method, annotation, value, label);
                case MULTIPLE_STATEMENTS -> reporter.report(Message.SQL_MULTIPLE_STATEMENTS, method, annotation, value,
                        label, problem.offset());
                case POSITIONAL_PARAMETER -> reporter.report(Message.SQL_POSITIONAL_PARAMETER, method, annotation, value,
                        label, problem.offset());
                case UNKNOWN_STATEMENT -> reporter.report(Message.SQL_UNKNOWN_STATEMENT, method, annotation, value,
                        label, SqlParser.firstWord(written.original(), problem.offset()), problem.offset(),
                        SqlParser.FIRST_KEYWORDS_TEXT);
            }
        }
        ParsedSql parsed = method.getAnnotation(TopPerGroup.class) == null
                ? written : SqlParser.parse(TopPerGroupSql.wrap(method, label, reporter));

        List<ParameterModel> parameters = new ArrayList<>();
        Map<String, ParameterModel> byBindName = new HashMap<>();
        for (VariableElement parameter : method.getParameters()) {
            parameter(parameter, label).ifPresent(p -> {
                if (byBindName.putIfAbsent(p.bindName(), p) != null) {
                    reporter.report(Message.DUPLICATE_BIND_NAME, parameter, label, p.bindName());
                }
                parameters.add(p);
            });
        }
        Optional<TypeMirror> future = types.typeArgument(method.getReturnType(), "java.util.concurrent.CompletableFuture");
        TypeMirror returned = future.orElse(method.getReturnType());
        Optional<ReturnModel> result = result(method, returned, future.isPresent(), label, parsed);
        Predicate<Placeholder> bindsArray = p -> p.component() == null && byBindName.get(p.name()) != null
                && byBindName.get(p.name()).binding() instanceof Binding.Array;
        PageParser pages = new PageParser(method, label, reporter);
        Optional<PageParser.Request> page = result.isPresent()
                ? pages.request(parameters, result.get(), parsed) : Optional.empty();
        Optional<FilterParser.Result> variants = new FilterParser(method, label, reporter)
                .parse(written, parsed, parameters, byBindName, bindsArray,
                        page.map(p -> p.kind().limitClause()).orElse(null));
        parsed = variants.map(FilterParser.Result::parsed).orElse(parsed);
        List<BindStep> binds = binds(method, annotation, value, label, parsed, byBindName);

        Map<String, FetchStrategy> fetches = result.isPresent()
                ? FetchPlanner.plan(method, label, result.get(), reporter) : Map.of();
        if (tree != null && result.isPresent()) {
            checkTreeColumns(method, annotation, label, tree, result.get());
        }
        if (result.isPresent() && result.get().shape().streams() && transaction != null) {
            // the method returns before its stream is read, so a transaction around it would end
            // before the rows are; a stream runs in its own read transaction until it is closed
            if (method.getAnnotation(Transactional.class) != null) {
                reporter.report(Message.STREAM_TRANSACTIONAL, method, label, method.getReturnType());
            }
            transaction = null;
        }
        if (reporter.errorCount() > errorsBefore || result.isEmpty()) {
            return Optional.empty();
        }
        String sql = parsed.jdbcSql(bindsArray);
        List<TypeName> thrown = method.getThrownTypes().stream().map(TypeName::get).toList();
        return Optional.of(new QueryMethodModel(method, method.getSimpleName().toString(), label, constant,
                visibility(method), List.copyOf(parameters), method.isVarArgs(), thrown, parsed, sql, binds, result.get(), fetches,
                TypeName.get(method.getReturnType()), future.isPresent(), transaction,
                timeout, variants.map(FilterParser.Result::variants)
                        .map(v -> page.isPresent() ? v.withPaging(pages.paging(page.get(), v)) : v).orElse(null)));
    }

    /** A tree's id and parent columns must be read by the result record, which is how the walk is seen. */
    private void checkTreeColumns(ExecutableElement method, AnnotationMirror annotation, String label, Tree tree,
                                  ReturnModel result) {
        if (!(result.row() instanceof RowType.Record record)) {
            return;
        }
        List<String> columns = record.model().components().stream().map(ComponentModel::column).toList();
        for (String[] attribute : new String[][] {{"id", tree.id()}, {"parent", tree.parent()}}) {
            if (!columns.contains(attribute[1])) {
                reporter.report(Message.TREE_UNKNOWN_COLUMN, method, annotation, Annotations.value(annotation, attribute[0]),
                        label, attribute[0], attribute[1], record.model().simpleName(), columns);
            }
        }
    }

    private static Modifier visibility(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.PUBLIC)) {
            return Modifier.PUBLIC;
        }
        return method.getModifiers().contains(Modifier.PROTECTED) ? Modifier.PROTECTED : null;
    }

    private Optional<ParameterModel> parameter(VariableElement parameter, String label) {
        String name = parameter.getSimpleName().toString();
        Bind bind = parameter.getAnnotation(Bind.class);
        String bindName = bind != null ? bind.value() : name;
        TypeMirror type = parameter.asType();
        Optional<Binding> binding = SortParameters.isSort(type)
                ? SortParameters.binding(type, parameter, (ExecutableElement) parameter.getEnclosingElement(), label, types,
                        reporter)
                : TypeName.get(type).toString().equals(PageParser.PAGE_REQUEST) ? Optional.of(new Binding.Page())
                : binding(type, parameter, label);
        if (binding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParameterModel(name, bindName, TypeName.get(type), binding.get()));
    }

    private Optional<Binding> binding(TypeMirror declared, VariableElement parameter, String label) {
        // Optional<T> binds as its T (SQL NULL when empty), T a scalar or a collection of scalars
        Optional<TypeMirror> present = types.typeArgument(declared, "java.util.Optional");
        TypeMirror type = present.orElse(declared);
        if (present.isPresent() && (types.asRecord(type).isPresent() || type.getKind() == TypeKind.ARRAY)) {
            reporter.report(Message.UNSUPPORTED_PARAMETER_TYPE, parameter, parameter.getSimpleName(), label, declared);
            return Optional.empty();
        }
        Optional<ScalarType> scalar = types.scalar(type);
        if (scalar.isPresent()) {
            return Optional.of(new Binding.Scalar(scalar.get()));
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            Optional<ScalarType> element = types.scalar(component);
            if (element.isPresent()) {
                ArrayForm form = component.getKind() == TypeKind.LONG ? ArrayForm.LONG_ARRAY
                        : component.getKind() == TypeKind.INT ? ArrayForm.INT_ARRAY
                        : element.get().primitive() || element.get().kind() == dev.quarry.processor.model.ScalarKind.BYTES
                        ? null : ArrayForm.OBJECT_ARRAY;
                if (form != null) {
                    return Optional.of(new Binding.Array(element.get(), form));
                }
            }
        }
        Optional<ScalarType> element = types.typeArgument(type, COLLECTIONS).flatMap(types::scalar);
        if (element.isPresent() && element.get().kind() != dev.quarry.processor.model.ScalarKind.BYTES) {
            return Optional.of(new Binding.Array(element.get(), ArrayForm.COLLECTION));
        }
        Optional<TypeElement> record = types.asRecord(type);
        if (record.isPresent()) {
            return recordModel(record.get(), parameter, label).map(Binding.Components::new);
        }
        reporter.report(Message.UNSUPPORTED_PARAMETER_TYPE, parameter, parameter.getSimpleName(), label, declared);
        return Optional.empty();
    }

    private Optional<RecordModel> recordModel(TypeElement record, javax.lang.model.element.Element target, String label) {
        return records.parse(record, target);
    }

    /**
     * How {@code type} (the declared return type, or X of an async {@code CompletableFuture<X>}) is
     * produced; an async method's {@code Void}, {@code Integer} and {@code Long} stand for void and
     * update counts.
     */
    private Optional<ReturnModel> result(ExecutableElement method, TypeMirror type, boolean async, String label,
                                         ParsedSql parsed) {
        TypeName name = TypeName.get(type);
        if (type.getKind() == TypeKind.VOID || (async && name.equals(TypeName.VOID.box()))) {
            // a DML with RETURNING run for its effect is fine; a query whose rows go nowhere is a mistake
            if (parsed.onlyReads() && !parsed.hasProblems()) {
                reporter.report(Message.ROWS_DISCARDED, method, label, type, parsed.kind().toUpperCase(java.util.Locale.ROOT));
                return Optional.empty();
            }
            return Optional.of(new ReturnModel(Shape.VOID, null, TypeName.VOID, 0));
        }
        TypeName unboxed = name.isBoxedPrimitive() ? name.unbox() : name;
        if (!parsed.returnsRows() && (unboxed.equals(TypeName.INT) || unboxed.equals(TypeName.LONG))
                && (async || name.isPrimitive())) {
            Shape shape = unboxed.equals(TypeName.INT) ? Shape.UPDATE_COUNT_INT : Shape.UPDATE_COUNT_LONG;
            return Optional.of(new ReturnModel(shape, null, unboxed, 0));
        }
        Shape shape = Shape.ONE;
        TypeMirror rowType = type;
        Optional<TypeMirror> argument;
        if ((argument = types.typeArgument(type, "java.util.Optional")).isPresent()) {
            shape = Shape.OPTIONAL;
            rowType = argument.get();
        } else if ((argument = types.typeArgument(type, "java.util.List")).isPresent()) {
            shape = Shape.LIST;
            rowType = argument.get();
        } else if ((argument = types.typeArgument(type, "dev.quarry.runtime.Page")).isPresent()) {
            shape = Shape.PAGE;
            rowType = argument.get();
        } else if ((argument = types.typeArgument(type, "dev.quarry.runtime.CursoredPage")).isPresent()) {
            shape = Shape.CURSORED_PAGE;
            rowType = argument.get();
        } else if ((argument = types.typeArgument(type, "java.util.Set")).isPresent()) {
            shape = Shape.SET;
            rowType = argument.get();
        } else if ((argument = types.typeArgument(type, "java.util.stream.Stream")).isPresent()) {
            Optional<TypeMirror> partition = types.typeArgument(argument.get(), "java.util.List");
            shape = partition.isPresent() ? Shape.STREAM_PARTITIONS : Shape.STREAM;
            rowType = partition.orElse(argument.get());
        }
        if (async && shape.streams()) {
            reporter.report(Message.ASYNC_STREAM, method, label);
            return Optional.empty();
        }
        Optional<RowType> row = rowType(rowType, method, label);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!parsed.returnsRows() && !parsed.hasProblems()) {
            reporter.report(shape.streams() ? Message.STREAM_WITHOUT_ROWS : Message.NO_ROWS_RETURNED, method, label, type,
                    parsed.kind().toUpperCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
        Shape readShape = shape;
        return fetchSize(method, label, shape).map(fetchSize -> new ReturnModel(readShape, row.get(), name, fetchSize));
    }

    /** The cursor fetch size of a streaming method; 0 for other shapes, which must not ask for one. */
    private Optional<Integer> fetchSize(ExecutableElement method, String label, Shape shape) {
        FetchSize annotation = method.getAnnotation(FetchSize.class);
        if (annotation == null) {
            return Optional.of(shape.streams() ? ReturnModel.DEFAULT_FETCH_SIZE : 0);
        }
        AnnotationMirror mirror = Annotations.mirror(method, FetchSize.class);
        if (!shape.streams()) {
            reporter.report(Message.FETCH_SIZE_WITHOUT_STREAM, method, mirror, label, label, method.getReturnType());
            return Optional.empty();
        }
        if (annotation.value() < 1) {
            reporter.report(Message.FETCH_SIZE_INVALID, method, mirror, Annotations.value(mirror, "value"), label,
                    annotation.value());
            return Optional.empty();
        }
        return Optional.of(annotation.value());
    }

    private Optional<RowType> rowType(TypeMirror type, ExecutableElement method, String label) {
        Optional<ScalarType> scalar = types.scalar(type);
        if (scalar.isPresent()) {
            return Optional.of(new RowType.Scalar(scalar.get()));
        }
        Optional<TypeElement> record = types.asRecord(type);
        if (record.isPresent()) {
            return recordModel(record.get(), method, label).map(RowType.Record::new);
        }
        reporter.report(Message.UNSUPPORTED_RETURN_TYPE, method, label, method.getReturnType());
        return Optional.empty();
    }

    private List<BindStep> binds(ExecutableElement method, AnnotationMirror annotation, AnnotationValue value,
                                 String label, ParsedSql parsed, Map<String, ParameterModel> byBindName) {
        List<BindStep> binds = new ArrayList<>();
        for (Placeholder p : parsed.placeholders()) {
            ParameterModel parameter = byBindName.get(p.name());
            if (parameter == null) {
                if (!isUnmappable(method, p.name())) {
                    reporter.report(Message.UNKNOWN_PARAMETER, method, annotation, value, p.display(), label,
                            byBindName.keySet().stream().sorted().map(n -> ":" + n).toList());
                }
                continue;
            }
            Binding binding = parameter.binding();
            if (p.component() != null) {
                if (!(binding instanceof Binding.Components components)) {
                    reporter.report(Message.COMPONENT_OF_NON_RECORD, method, annotation, value, p.display(), label,
                            parameter.name(), parameter.type());
                    continue;
                }
                Optional<ComponentModel> component = components.record().component(p.component());
                if (component.isEmpty()) {
                    reporter.report(Message.UNKNOWN_COMPONENT, method, annotation, value, p.display(), label,
                            components.record().simpleName(), p.component(), components.record().componentNames());
                    continue;
                }
                binds.add(new BindStep(parameter, component.get(), component.get().type(), false));
            } else if (binding instanceof Binding.Components components) {
                String example = components.record().components().isEmpty()
                        ? "component" : components.record().components().get(0).name();
                reporter.report(Message.RECORD_BOUND_WHOLE, method, annotation, value, p.display(), label,
                        parameter.name(), p.name(), example);
            } else if (binding instanceof Binding.SortKeys) {
                continue; // reported as SORT_BOUND
            } else if (binding instanceof Binding.Page) {
                reporter.report(Message.PAGE_BOUND, method, annotation, value, p.display(), label, parameter.name());
            } else if (binding instanceof Binding.Array array) {
                binds.add(new BindStep(parameter, null, array.element(), true));
            } else {
                binds.add(new BindStep(parameter, null, ((Binding.Scalar) binding).type(), false));
            }
        }
        return List.copyOf(binds);
    }

    /** A placeholder naming a parameter whose type was already reported is not reported again. */
    private static boolean isUnmappable(ExecutableElement method, String bindName) {
        for (VariableElement parameter : method.getParameters()) {
            Bind bind = parameter.getAnnotation(Bind.class);
            String name = bind != null ? bind.value() : parameter.getSimpleName().toString();
            if (name.equals(bindName)) {
                return true;
            }
        }
        return false;
    }
}
