package dev.quarry.processor.verify;

import dev.quarry.annotations.Query;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.MethodModel;
import dev.quarry.processor.model.RepositoryModel;
import dev.quarry.processor.sql.ParsedSql;
import dev.quarry.processor.sql.SqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Database-backed verification for one compilation, driven by the {@code quarry.verify.*} options:
 * the database is opened on the first repository that needs it and closed when processing is over.
 * When it cannot be had, that is reported once, and the compilation goes on without verification.
 *
 * <pre>{@code
 * javac -Aquarry.verify.schema=src/main/resources/db/migration …   // a throw-away PostgreSQL
 * javac -Aquarry.verify.url=jdbc:postgresql://localhost/app -Aquarry.verify.user=app …
 * javac -Aquarry.verify.schema=… -Aquarry.verify.cache=src/main/quarry-snapshot …   // records the answers
 * javac -Aquarry.verify.cache=src/main/quarry-snapshot …   // no database: checks against the recorded answers
 * }</pre>
 */
public final class Verification implements AutoCloseable {
    /** Put on a method or a repository, {@code @SuppressWarnings("quarry.verify")} skips its statements. */
    public static final String SUPPRESS = "quarry.verify";

    private final VerifyOptions options;
    private final ProcessingEnvironment environment;
    private SchemaDatabase schema;
    private Connection connection;
    private Describer describer;
    /** The describer asking the database, when there is one; it holds a connection of its own. */
    private StatementDescriber live;
    /** Set once the reason verification cannot run was reported; nothing more is tried. */
    private boolean stopped;

    private Verification(VerifyOptions options, ProcessingEnvironment environment) {
        this.options = options;
        this.environment = environment;
    }

    public static Verification create(ProcessingEnvironment environment) {
        return new Verification(VerifyOptions.from(environment.getOptions()), environment);
    }

    /**
     * Verifies the statements of {@code repository}'s methods that have no error of their own
     * (those with one are not what will run), reporting against each method; answers the methods
     * whose statements were put to the database or the snapshot, so that checks it makes better
     * are left to it.
     */
    public Set<ExecutableElement> verify(RepositoryModel repository, Reporter reporter) {
        if (!options.enabled() || stopped) {
            return Set.of();
        }
        Findings findings = new Findings(reporter, environment.getMessager(), options.warnOnly());
        if (options.invalid().isPresent()) {
            VerifyOptions.Problem problem = options.invalid().get();
            reporter.report(Message.VERIFY_OPTION_INVALID, repository.element(), problem.option(), problem.value(),
                    problem.reason());
            stopped = true;
            return Set.of();
        }
        List<MethodModel> methods = repository.methods().stream()
                .filter(m -> !suppressed(m.element()) && !reporter.hasErrorOn(m.element()))
                .toList();
        try {
            StatementVerifier verifier =
                    new StatementVerifier(describer(), findings, options.cache(), environment.getElementUtils());
            Set<ExecutableElement> verified = verify(verifier, methods, findings);
            syntaxOnly(repository, verifier);
            // findings that are only warnings leave the processor's own checks standing
            return options.warnOnly() ? Set.of() : verified;
        } catch (VerificationUnavailable e) {
            String option = e.option() != null ? e.option() : options.sourceOption();
            findings.report(Message.VERIFY_UNAVAILABLE, repository.element(), option, options.value(option),
                    e.getMessage());
            stopped = true;
            close();
            return Set.of();
        }
    }

    /**
     * The methods whose only fault the processor found is their first word get PostgreSQL's
     * syntax error too; it says where the statement stops making sense.
     */
    private void syntaxOnly(RepositoryModel repository, StatementVerifier verifier) throws VerificationUnavailable {
        String type = String.join(".", repository.type().simpleNames());
        for (ExecutableElement method : ElementFilter.methodsIn(repository.element().getEnclosedElements())) {
            Query query = method.getAnnotation(Query.class);
            if (query == null || suppressed(method)) {
                continue;
            }
            List<ParsedSql.Problem> problems = SqlParser.parse(query.value()).problems();
            if (!problems.isEmpty() && problems.stream().allMatch(p -> p.kind() == ParsedSql.Problem.Kind.UNKNOWN_STATEMENT)) {
                verifier.syntax(method, type + "." + method.getSimpleName(), query.value());
            }
        }
    }

    /**
     * Verifies each method in turn; a failure inside verification (a fault of the processor, not of
     * the SQL) is reported on its method, and the others are still verified.
     */
    static Set<ExecutableElement> verify(StatementVerifier verifier, List<MethodModel> methods, Findings findings)
            throws VerificationUnavailable {
        Set<ExecutableElement> verified = new HashSet<>();
        for (MethodModel method : methods) {
            try {
                if (verifier.verify(method)) {
                    verified.add(method.element());
                }
            } catch (RuntimeException e) {
                findings.report(Message.VERIFY_INTERNAL_ERROR, method.element(), method.label(), e);
            }
        }
        return verified;
    }

    private static boolean suppressed(Element element) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && Arrays.asList(suppress.value()).contains(SUPPRESS)) {
                return true;
            }
        }
        return false;
    }

    private Describer describer() throws VerificationUnavailable {
        if (describer == null) {
            if (options.offline()) {
                if (!Files.isDirectory(options.cache())) {
                    throw new VerificationUnavailable("it is no directory; a build with -A" + VerifyOptions.URL
                            + " or -A" + VerifyOptions.SCHEMA + " and this option writes the snapshot there", null);
                }
                describer = new CachedDescriber(new Snapshot(options.cache()), null);
            } else {
                Properties properties = connectionProperties();
                connection = open(properties);
                live = new StatementDescriber(connection, extra -> {
                    Properties more = new Properties();
                    more.putAll(properties);
                    more.putAll(extra);
                    return connect(more);
                });
                describer = options.cache() == null ? live
                        : new CachedDescriber(new Snapshot(options.cache()), live);
            }
        }
        return describer;
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "quarry-verify");
        properties.setProperty("connectTimeout", "10");
        // describing a statement locks its tables briefly; never wait long behind someone's migration
        properties.setProperty("options", "-c lock_timeout=10s -c statement_timeout=60s");
        if (options.url() != null && options.user() != null) {
            properties.setProperty("user", options.user());
        }
        if (options.url() != null && options.password() != null) {
            properties.setProperty("password", options.password());
        }
        return properties;
    }

    /** Connects, starting the throw-away server first when verifying against migrations. */
    private Connection open(Properties properties) throws VerificationUnavailable {
        try {
            if (options.url() == null) {
                List<Path> migrations = Migrations.ordered(options.schema());
                if (migrations.isEmpty()) {
                    throw new VerificationUnavailable("it holds no .sql file", null);
                }
                schema = SchemaDatabase.start(migrations);
            }
            Connection opened = connect(properties);
            // a transaction that is only ever rolled back, read-only besides: nothing can be written
            opened.setAutoCommit(false);
            opened.setReadOnly(true);
            return opened;
        } catch (SQLException | IOException e) {
            throw new VerificationUnavailable(e.getMessage(), e);
        }
    }

    private Connection connect(Properties properties) throws SQLException {
        if (schema != null) {
            return schema.connect(properties);
        }
        Connection connection = new org.postgresql.Driver().connect(options.url(), properties);
        if (connection == null) {
            throw new SQLException("it is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return connection;
    }

    /** Closes the connection and stops the throw-away server; called when processing is over. */
    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the server goes away next, or the connection with the JVM
        } finally {
            if (live != null) {
                live.close();
            }
            live = null;
            connection = null;
            describer = null;
            if (schema != null) {
                schema.close();
                schema = null;
            }
        }
    }
}
