package dev.quarry.processor.verify;

import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.RepositoryModel;
import dev.quarry.processor.parse.RepositoryParser;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Verifies each repository as the processor does, but against a stand-in describer that fails on
 * one statement the way a fault in Quarry's own code would (no database bug reproduces on demand):
 * the failure must land on that statement's method, and the other methods must still be verified.
 */
final class FaultyVerificationProcessor extends AbstractProcessor {
    private final RuntimeException fault;
    private final String faultySql;

    FaultyVerificationProcessor(RuntimeException fault, String faultySql) {
        this.fault = fault;
        this.faultySql = faultySql;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.quarry.annotations.Repository");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Findings findings = new Findings(reporter, processingEnv.getMessager(), false);
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Optional<RepositoryModel> model = new RepositoryParser(processingEnv.getElementUtils(),
                        processingEnv.getTypeUtils(), reporter).parse((TypeElement) element);
                try {
                    Verification.verify(new StatementVerifier(new Faulty(), findings, null, processingEnv.getElementUtils()), model.orElseThrow().methods(),
                            findings);
                } catch (VerificationUnavailable e) {
                    throw new AssertionError(e);
                }
            }
        }
        return false;
    }

    /** Fails on {@link #faultySql}; describes anything else as returning two text columns. */
    private final class Faulty implements Describer {
        @Override
        public Outcome describe(String sql, List<Bind> binds) {
            if (sql.equals(faultySql)) {
                throw fault;
            }
            return new Described(List.of(column("email"), column("id")), List.of());
        }

        private Column column(String label) {
            return new Column(label, "text", false, ResultSetMetaData.columnNoNulls, false);
        }

        @Override
        public Outcome uniqueKeys(String table) {
            return new UniqueKeys(List.of());
        }

        @Override
        public Outcome enumLabels(String type) {
            return new EnumLabels(List.of());
        }

        @Override
        public Outcome tableColumns(String table) {
            return new TableColumns(java.util.Map.of());
        }
    }
}
