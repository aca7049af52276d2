package dev.quarry.processor.model;

/**
 * The value bound to one {@code ?} of the statement, in order.
 *
 * @param parameter the method parameter it comes from
 * @param component the record component read from it, or {@code null} for the parameter itself
 * @param type the scalar type bound (the element type for an array)
 * @param array whether it binds as a PostgreSQL array
 */
public record BindStep(ParameterModel parameter, ComponentModel component, ScalarType type, boolean array) {}
