package dev.quarry.processor.parse;

import dev.quarry.annotations.Bind;
import dev.quarry.annotations.Filter;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.sql.BulkSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The statement of a {@code @Find} method: {@code SELECT <the record's columns> FROM <table> WHERE
 * <column> = :param AND …} in {@code @Id} order (for more than one row), each parameter naming a column, which then goes
 * through the {@code @Query} machinery as if written by hand.
 */
final class FindSql {
    private static final String[] ROWS = {"java.util.Optional", "java.util.List", "java.util.Set",
        "java.util.stream.Stream", "dev.quarry.runtime.Page", "dev.quarry.runtime.CursoredPage"};
    private static final String[] COLLECTIONS = {"java.util.List", "java.util.Collection", "java.util.Set"};

    private FindSql() {}

    /** The row type of a method returning {@code type}: its element in any container a query returns rows in. */
    static TypeMirror rowOf(TypeMirror type, TypeMapper types) {
        TypeMirror row = types.typeArgument(type, ROWS).orElse(type);
        return types.typeArgument(row, "java.util.List").orElse(row); // Stream<List<R>>
    }

    static Optional<String> build(ExecutableElement method, String label, TypeMapper types, RecordParser records,
                                  Reporter reporter) {
        TypeMirror declared = types.typeArgument(method.getReturnType(), "java.util.concurrent.CompletableFuture")
                .orElse(method.getReturnType());
        TypeMirror row = rowOf(declared, types);
        // one row needs no order
        boolean single = row == declared || types.typeArgument(declared, "java.util.Optional").isPresent();
        Optional<TypeElement> element = types.asRecord(row);
        Optional<RecordModel> record = element.flatMap(e -> records.parse(e, method));
        if (element.isEmpty() || record.isPresent() && record.get().table() == null) {
            reporter.report(Message.FIND_NOT_TABLE, method, label, row);
            return Optional.empty();
        }
        if (record.isEmpty()) {
            return Optional.empty(); // reported by the record parser
        }
        RecordModel model = record.get();
        Set<String> filtered = new HashSet<>();
        for (Filter filter : method.getAnnotationsByType(Filter.class)) {
            SqlParser.parse(filter.value()).placeholders().stream().map(Placeholder::name).forEach(filtered::add);
        }
        List<String> conditions = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            Bind bind = parameter.getAnnotation(Bind.class);
            String name = bind != null ? bind.value() : parameter.getSimpleName().toString();
            if (SortParameters.isSort(type) || type.toString().equals(PageParser.PAGE_REQUEST) || filtered.contains(name)) {
                continue;
            }
            String column = bind != null ? bind.value() : TypeMapper.snakeCase(name);
            Optional<ComponentModel> component = model.componentForColumn(column);
            if (component.isEmpty()) {
                reporter.report(Message.FIND_UNKNOWN_COLUMN, parameter, parameter.getSimpleName(), label, column,
                        model.table(), model.components().stream().map(ComponentModel::column).toList());
                continue;
            }
            TypeMirror value = types.typeArgument(type, "java.util.Optional").orElse(type);
            boolean many = value.getKind() == TypeKind.ARRAY && !value.toString().equals("byte[]")
                    || types.typeArgument(value, COLLECTIONS).isPresent();
            conditions.add(BulkSql.identifier(column) + (many ? " = ANY(:" + name + ")" : " = :" + name));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", model.components().stream()
                .map(c -> BulkSql.identifier(c.column())).toList())).append(" FROM ").append(BulkSql.table(model.table()));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (!single && !model.idColumns().isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", model.idColumns().stream().map(BulkSql::identifier).toList()));
        }
        return Optional.of(sql.toString());
    }
}
