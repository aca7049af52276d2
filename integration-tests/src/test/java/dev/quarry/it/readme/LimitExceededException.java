package dev.quarry.it.readme;

/** What {@link Accounts#transfer} declares. */
public final class LimitExceededException extends Exception {
    private static final long serialVersionUID = 1L;
}
