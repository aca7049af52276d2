package dev.quarry.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.quarry.processor.model.BatchMethodModel;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import java.util.List;

/**
 * Writes a {@code @Batch} method: the statement bound from each element and added to a JDBC
 * batch, through {@code BulkWrites.batch}.
 */
final class BatchMethodWriter implements MethodWriter {
    private final BatchMethodModel method;
    private final String label;

    BatchMethodWriter(BatchMethodModel method) {
        this.method = method;
        this.label = method.constant();
    }

    @Override
    public List<FieldSpec> constants() {
        return List.of(BulkCode.string(label, method.label()), BulkCode.string(label + "_SQL", method.sql()));
    }

    @Override
    public MethodSpec method() {
        MethodSpec.Builder builder = BulkCode.signature(method.element(), method.name(), method.visibility(),
                method.input(), method.result().type(), label);
        CodeBlock.Builder binder = CodeBlock.builder().add("(_stmt, _row) -> {\n").indent();
        int index = 1;
        for (ComponentModel component : method.binds()) {
            // Plain lines, not statements: the lambda sits inside the method's return statement.
            binder.add("$L;\n", ColumnCode.bind(component.type(), index++, CodeBlock.of("_row.$N()", component.name()),
                    component.name()));
        }
        binder.unindent().add("}");
        // a void method needs no count, which the driver may not report (reWriteBatchedInserts)
        String entry = method.result().shape() == BulkResult.Shape.VOID ? "batchIgnoringCount" : "batch";
        CodeBlock call = CodeBlock.of("$T.$L(_core, $N, $N, $L, $L, $L)", BulkCode.BULK_WRITES, entry, label,
                label + "_SQL", BulkCode.rows(method.input()), method.chunkSize(), binder.build());
        return builder.addCode(BulkCode.returning(method.result(), call, label)).build();
    }
}
