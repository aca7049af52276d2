package dev.quarry.processor.model;

import dev.quarry.annotations.InsertStrategy;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * An {@code @Insert} method.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}, as it appears in exceptions and the SQL log
 * @param constant the stem of the generated constants
 * @param visibility the method's access modifier, or {@code null} for package access
 * @param input the records to write; their components are the columns, in order
 * @param table the table, as {@code @Table} names it
 * @param strategy how rows are sent
 * @param chunkSize rows per statement or COPY
 * @param result what the method returns
 */
public record InsertMethodModel(ExecutableElement element, String name, String label, String constant,
                                Modifier visibility, BulkInput input, String table, InsertStrategy strategy,
                                int chunkSize, BulkResult result) implements MethodModel {}
