package dev.quarry.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * The parameter a bulk method writes from.
 *
 * @param parameter the Java parameter name
 * @param type its declared type
 * @param form how its elements are read
 * @param element the record each element is
 */
public record BulkInput(String parameter, TypeName type, Form form, RecordModel element) {
    public enum Form {
        /** A {@code List}, {@code Collection}, {@code Set} or {@code Iterable}. */
        ITERABLE,
        /** A {@code Stream}, read once and closed. */
        STREAM,
        /** One record. */
        ONE
    }
}
