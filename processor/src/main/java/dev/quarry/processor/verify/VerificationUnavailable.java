package dev.quarry.processor.verify;

/**
 * The database to verify against cannot be had (unreachable, migrations that fail, a connection
 * that breaks): verification stops and says so once, instead of failing every method.
 */
final class VerificationUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    VerificationUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
