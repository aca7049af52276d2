package dev.quarry.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * An {@code @Update} or {@code @Delete} method: rows of a {@code @Table} matched by their {@code @Id},
 * sent as arrays ({@code … FROM unnest(…)} or {@code USING unnest(…)}) a chunk at a time, each
 * chunk's rows locked in key order first.
 *
 * @param element the method, for diagnostics and {@code @Override} only
 * @param name the method name
 * @param label {@code Repository.method}
 * @param constant the stem of the generated constants
 * @param visibility the method's access modifier, or {@code null} for package access
 * @param kind what it does
 * @param parameter the Java name of its one parameter
 * @param parameterType that parameter's declared type
 * @param form how the parameter's elements are read
 * @param record the {@code @Table} record
 * @param id the {@code @Id} component
 * @param version the {@code @Version} component, or {@code null}
 * @param sent the columns of the unnest arrays, in order (the elements' values, each chunk)
 * @param set the columns an update sets from the row (besides the version)
 * @param byIds whether the elements are id values rather than records
 * @param result what the method returns
 * @param chunkSize rows per statement
 */
public record KeyedWriteModel(ExecutableElement element, String name, String label, String constant,
                              Modifier visibility, Kind kind, String parameter, com.palantir.javapoet.TypeName parameterType,
                              BulkInput.Form form, RecordModel record, ComponentModel id, ComponentModel version,
                              List<ComponentModel> sent, List<ComponentModel> set, boolean byIds, Result result,
                              int chunkSize) implements MethodModel {

    public enum Kind { UPDATE, DELETE }

    /** What the method returns. */
    public enum Result {
        VOID, BOOLEAN, INT, LONG,
        /** The rows as updated, in id order: the record the method takes. */
        LIST
    }
}
