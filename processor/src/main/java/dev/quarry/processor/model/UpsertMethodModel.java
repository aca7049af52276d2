package dev.quarry.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * An {@code @Upsert} method.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}, as it appears in exceptions and the SQL log
 * @param constant the stem of the generated constants
 * @param visibility the method's access modifier, or {@code null} for package access
 * @param input the records to write; their components are the columns, in order
 * @param table the table, as {@code @Table} names it
 * @param conflict the components of the conflict key, in key order
 * @param update the components set from the new row on conflict (empty with {@code doNothing})
 * @param touch the components set to {@code now()}
 * @param doNothing {@code ON CONFLICT … DO NOTHING}
 * @param chunkSize rows per statement
 * @param result what the method returns
 */
public record UpsertMethodModel(ExecutableElement element, String name, String label, String constant,
                                Modifier visibility, BulkInput input, String table, List<ComponentModel> conflict,
                                List<ComponentModel> update, List<ComponentModel> touch, boolean doNothing,
                                int chunkSize, BulkResult result) implements MethodModel {}
