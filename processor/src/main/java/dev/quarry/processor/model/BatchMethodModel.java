package dev.quarry.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * A {@code @Batch} {@code @Query} method: one statement run once per element of its parameter.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}, as it appears in exceptions and the SQL log
 * @param constant the stem of the generated constants
 * @param visibility the method's access modifier, or {@code null} for package access
 * @param input the elements
 * @param sql the JDBC SQL with {@code ?} placeholders
 * @param binds the element component each {@code ?} binds, in order
 * @param chunkSize statements per JDBC batch
 * @param result void or the affected rows
 */
public record BatchMethodModel(ExecutableElement element, String name, String label, String constant,
                               Modifier visibility, BulkInput input, String sql, List<ComponentModel> binds,
                               int chunkSize, BulkResult result) implements MethodModel {}
