package dev.quarry.processor.verify;

/**
 * The database to verify against cannot be had (unreachable, migrations that fail, a connection
 * that breaks, a snapshot that cannot be read): verification stops and says so once, instead of
 * failing every method.
 */
final class VerificationUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    /** The option whose value is at fault, or {@code null} for the one that names the database. */
    private final String option;

    VerificationUnavailable(String reason, Throwable cause) {
        this(null, reason, cause);
    }

    VerificationUnavailable(String option, String reason, Throwable cause) {
        super(reason, cause);
        this.option = option;
    }

    String option() {
        return option;
    }
}
