package dev.quarry.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.quarry.annotations.Repository;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.RepositoryModel;
import dev.quarry.processor.parse.RepositoryParser;
import dev.quarry.processor.validate.QueryValidator;
import dev.quarry.processor.verify.Verification;
import dev.quarry.processor.verify.VerifyOptions;
import dev.quarry.processor.write.RepositoryIndex;
import dev.quarry.processor.write.RepositoryWriter;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Implements every {@code @Repository} of the compilation as {@code <Name>_Impl}: parse the
 * elements into a model, validate it, write it. A repository whose signatures still mention
 * types another processor has yet to generate waits for a later round.
 */
@AutoService(Processor.class)
@SupportedOptions({VerifyOptions.URL, VerifyOptions.USER, VerifyOptions.PASSWORD, VerifyOptions.SCHEMA,
        VerifyOptions.MODE, VerifyOptions.CACHE})
public final class QuarryProcessor extends AbstractProcessor {
    private final Set<String> deferred = new LinkedHashSet<>();
    /** SQL verification against a database, opened on first need and closed when processing is over. */
    private Verification verification;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Repository.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        Set<TypeElement> repositories = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                repositories.add(type);
            }
        }
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(Repository.class)) {
            if (element instanceof TypeElement type) {
                repositories.add(type);
            } else {
                reporter.report(Message.REPOSITORY_NOT_ABSTRACT, element);
            }
        }
        for (TypeElement repository : repositories) {
            Optional<String> unresolved = UnresolvedTypes.find(repository);
            if (unresolved.isPresent()) {
                if (round.processingOver()) {
                    reporter.report(Message.UNRESOLVED_TYPE, repository, repository.getQualifiedName(), unresolved.get());
                } else {
                    deferred.add(repository.getQualifiedName().toString());
                }
                continue;
            }
            try {
                process(repository, reporter);
            } catch (RuntimeException | IOException e) {
                reporter.report(Message.INTERNAL_ERROR, repository, repository.getQualifiedName(), e);
            }
        }
        if (round.processingOver()) {
            for (String name : deferred) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                reporter.report(Message.UNRESOLVED_TYPE, type, name, UnresolvedTypes.find(type).orElse("?"));
            }
            deferred.clear();
            if (verification != null) {
                verification.close();
            }
        }
        return false;
    }

    private void process(TypeElement repository, Reporter reporter) throws IOException {
        RepositoryParser parser = new RepositoryParser(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                reporter);
        int errorsBefore = reporter.errorCount();
        Optional<RepositoryModel> model = parser.parse(repository);
        if (model.isEmpty()) {
            return;
        }
        // validate the methods that parsed even when others did not, so one build shows every error
        QueryValidator validator = new QueryValidator(reporter);
        validator.validate(model.get());
        if (verification == null) {
            verification = Verification.create(processingEnv);
        }
        int staticErrors = reporter.errorCount();
        // every method without an error of its own is verified, even when others have one
        Set<ExecutableElement> verified = verification.verify(model.get(), reporter);
        int verificationErrors = reporter.errorCount();
        // what PostgreSQL said of a statement beats what the processor guesses from its text
        validator.checkResultColumns(model.get(), verified);
        // the implementation is written despite database findings, so that code using it shows no
        // errors of its own; the processor's own errors mean it cannot be written right
        if (staticErrors > errorsBefore || reporter.errorCount() > verificationErrors) {
            return;
        }
        boolean generatedAvailable =
                processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
        JavaFile file = new RepositoryWriter(generatedAvailable).write(model.get());
        file.writeTo(processingEnv.getFiler());
        RepositoryIndex.write(processingEnv.getFiler(), processingEnv.getElementUtils(), repository);
    }
}
