package dev.quarry.processor.model;

/**
 * A {@code @Relation} component: the child rows whose {@code childKey} equals the parent's
 * {@code parentKey}.
 *
 * @param component the parent record's component that holds the children
 * @param cardinality how the children are held
 * @param child the child record (a {@code @Table} record, possibly with relations of its own)
 * @param parentKey the parent's component holding the key
 * @param childKey the child's component referring to it
 * @param orderBy the {@code ORDER BY} items for one parent's children, or empty
 * @param query the user's SQL for loading the children, or empty
 */
public record RelationModel(String component, Cardinality cardinality, RecordModel child,
                            ComponentModel parentKey, ComponentModel childKey, String orderBy, String query) {

    public enum Cardinality {
        LIST, SET, OPTIONAL, ONE;

        public boolean toMany() {
            return this == LIST || this == SET;
        }
    }
}
