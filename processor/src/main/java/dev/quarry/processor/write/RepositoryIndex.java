package dev.quarry.processor.write;

import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/quarry/repositories/<binary name>}, one resource per generated repository
 * holding its binary name, so that {@code quarry-spring} finds the repositories without scanning
 * classes. One file per repository, originating from it alone, keeps the processor isolating.
 */
public final class RepositoryIndex {
    /** Where the resources go; {@code quarry-spring} reads the same folder. */
    public static final String FOLDER = "META-INF/quarry/repositories/";

    private RepositoryIndex() {}

    public static void write(Filer filer, Elements elements, TypeElement repository) throws IOException {
        String name = elements.getBinaryName(repository).toString();
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", FOLDER + name, repository);
        try (Writer out = file.openWriter()) {
            out.write(name);
            out.write('\n');
        }
    }
}
