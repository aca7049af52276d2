package dev.quarry.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.List;

/** Writes one repository method and the constants it uses. */
interface MethodWriter {
    /** Static constants of the implementation class (method label, SQL text, …). */
    List<FieldSpec> constants();

    /** The implementing method. */
    MethodSpec method();
}
