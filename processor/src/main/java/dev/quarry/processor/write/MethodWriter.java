package dev.quarry.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Writes one repository method and the constants it uses. */
interface MethodWriter {
    /** Static constants of the implementation class (method label, SQL text, …). */
    List<FieldSpec> constants();

    /** The implementing method. */
    MethodSpec method();

    /** Private methods the implementing method calls. */
    default List<MethodSpec> helpers() {
        return List.of();
    }

    /** Private nested types the method needs; writers share one when two return the same name. */
    default List<TypeSpec> types() {
        return List.of();
    }
}
