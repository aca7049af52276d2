package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * A record read from rows or bound by components, with its components in canonical order.
 *
 * @param type the record type
 * @param simpleName its name, for messages
 * @param components every component, in declaration order
 */
public record RecordModel(TypeName type, String simpleName, List<ComponentModel> components) {
    public Optional<ComponentModel> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> componentNames() {
        return components.stream().map(ComponentModel::name).toList();
    }
}
