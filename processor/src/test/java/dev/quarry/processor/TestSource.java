package dev.quarry.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * An inline source that also answers which line a fragment is on, so a test names the line it
 * expects by its text rather than by a number that goes stale when the source is edited.
 */
record TestSource(JavaFileObject file, List<String> lines) {

    static TestSource of(String qualifiedName, String... lines) {
        return new TestSource(JavaFileObjects.forSourceLines(qualifiedName, lines), List.of(lines));
    }

    /** The 1-based line holding {@code fragment}, which must occur on exactly one line. */
    long line(String fragment) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                found.add(i + 1);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("'" + fragment + "' is on lines " + found + ", expected exactly one");
        }
        return found.get(0);
    }
}
