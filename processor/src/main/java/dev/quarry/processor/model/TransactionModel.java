package dev.quarry.processor.model;

import dev.quarry.annotations.Isolation;

/**
 * A method's {@code @Transactional} settings (its own, or its repository's).
 *
 * @param isolation the isolation level of a new transaction
 * @param readOnly whether a new transaction is READ ONLY
 * @param retries how often a serialization failure or deadlock runs the method again
 */
public record TransactionModel(Isolation isolation, boolean readOnly, int retries) {}
