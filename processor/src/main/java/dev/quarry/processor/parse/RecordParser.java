package dev.quarry.processor.parse;

import com.palantir.javapoet.TypeName;
import dev.quarry.annotations.Column;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.RelationModel.Cardinality;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.Placeholder;
import dev.quarry.processor.sql.SqlParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a record into a {@link RecordModel}: its column components, and its {@code @Relation}
 * components with the child records they lead to. Problems are reported against the method that
 * uses the record, since the record may live in another compilation unit.
 */
final class RecordParser {
    private final TypeMapper types;
    private final Reporter reporter;

    RecordParser(TypeMapper types, Reporter reporter) {
        this.types = types;
        this.reporter = reporter;
    }

    Optional<RecordModel> parse(TypeElement record, Element target) {
        return parse(record, target, new HashSet<>());
    }

    private Optional<RecordModel> parse(TypeElement record, Element target, Set<String> enclosing) {
        int errorsBefore = reporter.errorCount();
        String name = record.getQualifiedName().toString();
        enclosing.add(name);
        List<ComponentModel> components = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<RecordComponentElement> relationElements = new ArrayList<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            order.add(component.getSimpleName().toString());
            if (component.getAnnotation(Relation.class) != null) {
                relationElements.add(component);
                continue;
            }
            Optional<ScalarType> scalar = types.column(component.asType());
            if (scalar.isEmpty()) {
                String list = types.listInsteadOf(component.asType())
                        .map(declaration -> "; an array column reads into a List: declare it " + declaration).orElse("");
                reporter.report(Message.UNSUPPORTED_COMPONENT_TYPE, target, component.getSimpleName(),
                        record.getSimpleName(), component.asType(), list);
                continue;
            }
            String componentName = component.getSimpleName().toString();
            Column column = component.getAnnotation(Column.class);
            ComponentModel model = new ComponentModel(componentName,
                    column != null ? column.value() : TypeMapper.snakeCase(componentName), scalar.get());
            components.add(model);
            if (component.getAnnotation(Id.class) != null) {
                ids.add(model.column());
            }
        }
        Table table = record.getAnnotation(Table.class);
        RecordModel withoutRelations = new RecordModel(TypeName.get(record.asType()), record.getSimpleName().toString(),
                List.copyOf(components), List.of(), table == null ? null : table.value(), List.copyOf(ids),
                List.copyOf(order));
        List<RelationModel> relations = new ArrayList<>();
        for (RecordComponentElement component : relationElements) {
            relation(component, withoutRelations, target, enclosing).ifPresent(relations::add);
        }
        enclosing.remove(name);
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RecordModel(withoutRelations.type(), withoutRelations.simpleName(),
                withoutRelations.components(), List.copyOf(relations), withoutRelations.table(),
                withoutRelations.idColumns(), withoutRelations.constructorOrder()));
    }

    private Optional<RelationModel> relation(RecordComponentElement component, RecordModel parent, Element target,
                                             Set<String> enclosing) {
        String name = component.getSimpleName().toString();
        Relation relation = component.getAnnotation(Relation.class);
        TypeMirror type = component.asType();
        Cardinality cardinality = Cardinality.ONE;
        TypeMirror childType = type;
        Optional<TypeMirror> argument;
        if ((argument = types.typeArgument(type, "java.util.List")).isPresent()) {
            cardinality = Cardinality.LIST;
            childType = argument.get();
        } else if ((argument = types.typeArgument(type, "java.util.Set")).isPresent()) {
            cardinality = Cardinality.SET;
            childType = argument.get();
        } else if ((argument = types.typeArgument(type, "java.util.Optional")).isPresent()) {
            cardinality = Cardinality.OPTIONAL;
            childType = argument.get();
        }
        Optional<TypeElement> childElement = types.asRecord(childType);
        if (childElement.isEmpty()) {
            reporter.report(Message.RELATION_UNSUPPORTED_TYPE, target, name, parent.simpleName(), type);
            return Optional.empty();
        }
        TypeElement child = childElement.get();
        if (child.getAnnotation(Table.class) == null) {
            reporter.report(Message.RELATION_NOT_TABLE, target, name, parent.simpleName(), child.getSimpleName());
            return Optional.empty();
        }
        if (enclosing.contains(child.getQualifiedName().toString())) {
            reporter.report(Message.RELATION_CYCLE, target, name, parent.simpleName(), child.getSimpleName());
            return Optional.empty();
        }
        Optional<RecordModel> childModel = parse(child, target, enclosing);
        if (childModel.isEmpty()) {
            return Optional.empty();
        }
        Optional<ComponentModel> parentKey = key(parent, relation.parentColumn());
        if (parentKey.isEmpty()) {
            reporter.report(Message.RELATION_UNKNOWN_PARENT_COLUMN, target, name, parent.simpleName(),
                    relation.parentColumn(), parent.simpleName(), columns(parent));
            return Optional.empty();
        }
        Optional<ComponentModel> childKey = key(childModel.get(), relation.childColumn());
        if (childKey.isEmpty()) {
            reporter.report(Message.RELATION_UNKNOWN_CHILD_COLUMN, target, name, parent.simpleName(),
                    relation.childColumn(), child.getSimpleName(), columns(childModel.get()));
            return Optional.empty();
        }
        if (parentKey.get().type().kind() != childKey.get().type().kind()) {
            reporter.report(Message.RELATION_KEY_TYPES, target, name, parent.simpleName(), parentKey.get().column(),
                    parentKey.get().type().type(), childKey.get().column(), childKey.get().type().type());
            return Optional.empty();
        }
        if (!relation.query().isEmpty()) {
            ParsedSql query = SqlParser.parse(relation.query());
            List<String> names = query.placeholders().stream().map(Placeholder::display).toList();
            if (!names.equals(List.of(":keys"))) {
                reporter.report(Message.RELATION_QUERY_KEYS, target, name, parent.simpleName(), names);
                return Optional.empty();
            }
        }
        return Optional.of(new RelationModel(name, cardinality, childModel.get(), parentKey.get(), childKey.get(),
                relation.orderBy(), relation.query()));
    }

    /** A key names a column, or (for convenience) a component. */
    private static Optional<ComponentModel> key(RecordModel record, String column) {
        return record.componentForColumn(column).or(() -> record.component(column));
    }

    private static List<String> columns(RecordModel record) {
        return record.components().stream().map(ComponentModel::column).toList();
    }
}
