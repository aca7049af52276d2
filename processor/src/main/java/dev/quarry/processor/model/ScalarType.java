package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * A Java type that maps to one column.
 *
 * @param kind what it is
 * @param primitive whether it is the primitive form (which must never receive SQL NULL)
 * @param type the Java type as declared
 */
public record ScalarType(ScalarKind kind, boolean primitive, TypeName type) {}
