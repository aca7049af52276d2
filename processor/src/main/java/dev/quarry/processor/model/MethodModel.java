package dev.quarry.processor.model;

import javax.lang.model.element.ExecutableElement;

/**
 * A repository method the processor implements. Each kind ({@code @Query}, bulk writes, …) has
 * its own model and its own writer; this is what they share.
 */
public interface MethodModel {
    /** The method, for diagnostics and {@code @Override} only. */
    ExecutableElement element();

    /** The method name. */
    String name();

    /** {@code Repository.method}, as it appears in exceptions and the SQL log. */
    String label();

    /** The stem of the generated constants ({@code FIND_BY_ID}). */
    String constant();
}
