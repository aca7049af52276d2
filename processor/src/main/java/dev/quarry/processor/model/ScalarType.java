package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A Java type that maps to one column.
 *
 * @param kind what it is
 * @param primitive whether it is the primitive form (which must never receive SQL NULL)
 * @param type the Java type as declared
 * @param element for an {@link ScalarKind#ARRAY}, the type of its elements; else {@code null}
 */
public record ScalarType(ScalarKind kind, boolean primitive, TypeName type, ScalarType element) {
    public ScalarType(ScalarKind kind, boolean primitive, TypeName type) {
        this(kind, primitive, type, null);
    }
}
