package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A record read from rows or bound by components.
 *
 * @param type the record type
 * @param simpleName its name, for messages
 * @param components the components that map to columns, in declaration order
 * @param relations the {@code @Relation} components, loaded from child tables
 * @param table the {@code @Table} name, or {@code null} when the record has none
 * @param idColumns the columns of its {@code @Id} components, in declaration order
 * @param constructorOrder every component name in canonical-constructor order
 */
public record RecordModel(TypeName type, String simpleName, List<ComponentModel> components,
                          List<RelationModel> relations, String table, List<String> idColumns,
                          List<String> constructorOrder) {

    /** A plain record of columns: no relations, no table. */
    public RecordModel(TypeName type, String simpleName, List<ComponentModel> components) {
        this(type, simpleName, components, List.of(), null, List.of(),
                components.stream().map(ComponentModel::name).toList());
    }

    public Optional<ComponentModel> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The component reading {@code column}. */
    public Optional<ComponentModel> componentForColumn(String column) {
        return components.stream().filter(c -> c.column().equals(column)).findFirst();
    }

    public List<String> componentNames() {
        return components.stream().map(ComponentModel::name).toList();
    }

    public boolean hasRelations() {
        return !relations.isEmpty();
    }
}
