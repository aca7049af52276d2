package dev.quarry.processor.verify;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code -Aquarry.verify.*} processor options, read once per compilation.
 *
 * @param url the JDBC URL of a database to verify against, or {@code null}
 * @param user the user for {@code url}, or {@code null}
 * @param password the password for {@code url}, or {@code null}
 * @param schema the migration files and directories for a throw-away database; empty for none
 * @param cache the directory of the snapshot of what the database answered, or {@code null}
 * @param warnOnly whether findings (and a database that cannot be reached) are warnings instead of errors
 * @param problem why the options cannot be used as given, or {@code null}
 */
public record VerifyOptions(String url, String user, String password, List<Path> schema, Path cache,
                            boolean warnOnly, Problem problem) {
    public static final String URL = "quarry.verify.url";
    public static final String USER = "quarry.verify.user";
    public static final String PASSWORD = "quarry.verify.password";
    public static final String SCHEMA = "quarry.verify.schema";
    public static final String MODE = "quarry.verify.mode";
    public static final String CACHE = "quarry.verify.cache";

    /** An option whose value cannot be used, and why. */
    public record Problem(String option, String value, String reason) {}

    public static VerifyOptions from(Map<String, String> options) {
        String url = blankToNull(options.get(URL));
        String schemaText = blankToNull(options.get(SCHEMA));
        String mode = blankToNull(options.get(MODE));
        boolean warnOnly = "warn".equals(mode == null ? null : mode.toLowerCase(Locale.ROOT));
        List<Path> schema = schemaText == null ? List.of() : paths(schemaText);
        Problem problem = null;
        if (mode != null && !warnOnly && !mode.equalsIgnoreCase("error")) {
            problem = new Problem(MODE, mode, "use error (the default) or warn");
        } else if (url != null && schemaText != null) {
            problem = new Problem(SCHEMA, schemaText, "-A" + URL + " is set too; verify against either a running "
                    + "database or migrations applied to a throw-away one, not both");
        } else if (schemaText != null && schema.isEmpty()) {
            problem = new Problem(SCHEMA, schemaText, "it names no file or directory");
        }
        String cache = blankToNull(options.get(CACHE));
        return new VerifyOptions(url, blankToNull(options.get(USER)), options.get(PASSWORD), schema,
                cache == null ? null : Paths.get(cache), warnOnly, problem);
    }

    /** Whether any verification was asked for. */
    public boolean enabled() {
        return url != null || !schema.isEmpty() || cache != null || problem != null;
    }

    /** Whether the snapshot alone answers: a cache and no database. */
    public boolean offline() {
        return url == null && schema.isEmpty() && cache != null;
    }

    /** The option that says where the answers come from, for diagnostics. */
    public String sourceOption() {
        return url != null ? URL : !schema.isEmpty() ? SCHEMA : CACHE;
    }

    /** The value of {@code option}, as given, but for a password in the URL. */
    public String value(String option) {
        return switch (option) {
            case URL -> maskedUrl(url);
            case CACHE -> String.valueOf(cache);
            default -> String.join(",", schema.stream().map(Path::toString).toList());
        };
    }

    public Optional<Problem> invalid() {
        return Optional.ofNullable(problem);
    }

    /** Paths separated by the platform's path separator or by commas; blanks are skipped. */
    private static List<Path> paths(String text) {
        List<Path> paths = new ArrayList<>();
        for (String part : text.split("[,\\Q" + File.pathSeparator + "\\E]")) {
            if (!part.isBlank()) {
                paths.add(Paths.get(part.strip()));
            }
        }
        return List.copyOf(paths);
    }

    /** The URL as diagnostics print it: {@code password=<masked>}, as the runtime prints it. */
    static String maskedUrl(String url) {
        return url.replaceAll("(?i)([?&;](?:ssl)?password=)[^&;#\\s]*", "$1<masked>")
                .replaceAll("(//[^/:@\\s]*:)[^@/\\s]*@", "$1<masked>@");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
