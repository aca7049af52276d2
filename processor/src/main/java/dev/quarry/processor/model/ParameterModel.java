package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A method parameter and how it binds.
 *
 * @param name the Java parameter name
 * @param bindName the name its placeholders use ({@code @Bind} or the Java name)
 * @param type the declared type
 * @param binding how its value reaches the statement
 */
public record ParameterModel(String name, String bindName, TypeName type, Binding binding) {

    /** How a parameter's value is bound. */
    public sealed interface Binding {
        /** One value, SQL NULL when a reference is null. */
        record Scalar(ScalarType type) implements Binding {}

        /** A collection or array of scalars, bound as one PostgreSQL array. */
        record Array(ScalarType element, ArrayForm form) implements Binding {}

        /** A record whose components are bound as {@code :name.component}. */
        record Components(RecordModel record) implements Binding {}

        /** A {@code Sort<K>}: not bound, it puts the SQL of K's constants (by ordinal) in the ORDER BY. */
        record SortKeys(TypeName keys, java.util.List<String> names, java.util.List<String> sql) implements Binding {}

        /** A {@code PageRequest}: not bound as a value, it sets the page's {@code LIMIT} and {@code OFFSET} or keys. */
        record Page() implements Binding {}
    }

    /** The Java shape of an array parameter, which decides the binder overload. */
    public enum ArrayForm { COLLECTION, OBJECT_ARRAY, LONG_ARRAY, INT_ARRAY }

    /** Whether a null argument is rejected before any SQL runs (records and collections). */
    public boolean rejectsNull() {
        return !(binding instanceof Binding.Scalar) && !(binding instanceof Binding.SortKeys) && !optional();
    }

    /** Whether it is an {@code Optional<T>} (bound as its T, SQL NULL when empty). */
    public boolean optional() {
        return type instanceof com.palantir.javapoet.ParameterizedTypeName p
                && p.rawType().canonicalName().equals("java.util.Optional");
    }
}
