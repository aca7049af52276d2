package dev.quarry.runtime.internal;

import dev.quarry.runtime.DataException;

/**
 * A checked exception thrown by the work of a transaction, carried out of
 * {@link Core#transaction} unchecked. A generated {@code @Transactional} method that declares the
 * exception's type catches this and throws the original, so its callers see what they were told to
 * expect; {@code db.transaction(...)}, which declares nothing, lets it through as a
 * {@link DataException}.
 */
public final class CheckedWorkException extends DataException {
    private static final long serialVersionUID = 1L;

    CheckedWorkException(Exception cause) {
        super("transaction work failed: " + cause, cause);
    }
}
