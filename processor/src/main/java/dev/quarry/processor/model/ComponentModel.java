package dev.quarry.processor.model;

/**
 * One record component and the column it maps to.
 *
 * @param name the component (and accessor) name
 * @param column the column name or result label
 * @param type its Java type
 */
public record ComponentModel(String name, String column, ScalarType type) {}
