package dev.quarry.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.quarry.processor.model.TransactionModel;

/**
 * The body of a method that runs a call in a transaction ({@code _core.transaction(…)}), on the
 * database's executor ({@code _core.async(…)}), or both.
 */
final class TransactionCode {
    private static final ClassName ISOLATION = ClassName.get("dev.quarry.annotations", "Isolation");

    private TransactionCode() {}

    /**
     * @param label the constant holding the method's label, for errors beginning the transaction or the call
     * @param transaction the settings, or {@code null} for no transaction
     * @param async whether to run on the executor and return the future
     * @param call the call to run
     * @param returnsValue whether the call returns a value to pass on
     */
    static CodeBlock body(String label, TransactionModel transaction, boolean async, CodeBlock call,
                          boolean returnsValue) {
        CodeBlock.Builder opening = CodeBlock.builder();
        int closers = 0;
        if (async) {
            opening.add("return _core.async($N, () -> ", label);
            closers++;
        } else if (returnsValue) {
            opening.add("return ");
        }
        if (transaction != null) {
            opening.add("_core.transaction($N, $T.$L, $L, $L, () -> ", label, ISOLATION, transaction.isolation().name(),
                    transaction.readOnly(), transaction.retries());
            closers++;
        }
        String close = ")".repeat(closers) + ";\n";
        if (returnsValue) {
            return CodeBlock.builder().add(opening.build()).add("$L", call).add(close).build();
        }
        return CodeBlock.builder()
                .add(opening.build()).add("{\n").indent()
                .addStatement("$L", call)
                .addStatement("return null")
                .unindent().add("}").add(close)
                .build();
    }
}
