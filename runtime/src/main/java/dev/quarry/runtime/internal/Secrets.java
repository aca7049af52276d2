package dev.quarry.runtime.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages: a JDBC URL is printed with its password masked, as HikariCP
 * does, and a driver's message that repeats a password gets it masked too.
 */
public final class Secrets {
    static final String MASK = "<masked>";

    /** {@code password=…} and {@code sslpassword=…} among the URL's parameters, up to the next separator. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:ssl)?password=)([^&;#\\s]*)");
    /** {@code //user:secret@host}: credentials in the authority, which some tools put there. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)([^@/\\s]*)(@)");

    private Secrets() {}

    /** {@code url} with every password in it replaced by {@code <masked>}; {@code null} stays {@code null}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    }

    /**
     * {@code text} with the passwords of {@code url} and {@code password} (either may be
     * {@code null}) masked wherever they appear, the URL itself included.
     */
    public static String mask(String text, String url, String password) {
        if (text == null) {
            return null;
        }
        String masked = url == null ? text : text.replace(url, maskUrl(url));
        for (String secret : secrets(url, password)) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** Whether {@code text} would change under {@link #mask}. */
    static boolean reveals(String text, String url, String password) {
        return text != null && !text.equals(mask(text, url, password));
    }

    private static List<String> secrets(String url, String password) {
        List<String> secrets = new ArrayList<>(3);
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url != null) {
            for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
                Matcher m = pattern.matcher(url);
                while (m.find()) {
                    if (!m.group(2).isEmpty()) {
                        secrets.add(m.group(2));
                    }
                }
            }
        }
        return secrets;
    }

    /**
     * {@code failure} as it may be shown: itself when no message in its chain reveals a secret,
     * else a copy of the chain with masked messages and the same stack traces.
     */
    public static Throwable masked(Throwable failure, String url, String password) {
        boolean reveals = false;
        for (Throwable t = failure; t != null && !reveals; t = t.getCause()) {
            reveals = reveals(t.getMessage(), url, password);
        }
        return reveals ? copy(failure, url, password, 0) : failure;
    }

    private static Throwable copy(Throwable failure, String url, String password, int depth) {
        Throwable cause = failure.getCause() == null || depth > 20 ? null
                : copy(failure.getCause(), url, password, depth + 1);
        String message = failure.getClass().getName() + ": " + mask(failure.getMessage(), url, password);
        Throwable copy = failure instanceof SQLException sql
                ? new SQLException(message, sql.getSQLState(), sql.getErrorCode(), cause)
                : new RuntimeException(message, cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}
