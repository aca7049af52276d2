package dev.quarry.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.TransactionalMethodModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Overrides a concrete {@code @Transactional} method to run the original in a transaction. */
final class TransactionalMethodWriter implements MethodWriter {
    private static final ClassName CHECKED_WORK = ClassName.get("dev.quarry.runtime.internal", "CheckedWorkException");

    private final TransactionalMethodModel method;

    TransactionalMethodWriter(TransactionalMethodModel method) {
        this.method = method;
    }

    @Override
    public List<FieldSpec> constants() {
        return List.of(FieldSpec.builder(String.class, method.constant(), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("$S", method.label()).build());
    }

    @Override
    public MethodSpec method() {
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .returns(method.returnType())
                .varargs(method.varargs())
                .addExceptions(method.thrown());
        if (method.visibility() != null) {
            builder.addModifiers(method.visibility());
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < method.parameterNames().size(); i++) {
            builder.addParameter(method.parameterTypes().get(i), method.parameterNames().get(i));
            arguments.add(CodeBlock.of("$N", method.parameterNames().get(i)));
        }
        boolean returnsValue = !method.returnType().equals(TypeName.VOID);
        CodeBlock call = method.superInterface() == null
                ? CodeBlock.of("super.$N($L)", method.name(), CodeBlock.join(arguments, ", "))
                : CodeBlock.of("$T.super.$N($L)", method.superInterface(), method.name(),
                        CodeBlock.join(arguments, ", "));
        CodeBlock body = TransactionCode.body(method.constant(), method.transaction(), false, call, returnsValue);
        if (method.rethrown().isEmpty()) {
            return builder.addCode(body).build();
        }
        // the transaction carries a checked exception out unchecked; callers were promised the original
        String failure = unused("failure");
        String cause = unused("cause");
        builder.beginControlFlow("try").addCode(body)
                .nextControlFlow("catch ($T $N)", CHECKED_WORK, failure);
        for (TypeName thrown : method.rethrown()) {
            builder.beginControlFlow("if ($N.getCause() instanceof $T $N)", failure, thrown, cause)
                    .addStatement("throw $N", cause)
                    .endControlFlow();
        }
        return builder.addStatement("throw $N", failure).endControlFlow().build();
    }

    /** {@code name}, or a variant no parameter of the method has. */
    private String unused(String name) {
        String candidate = name;
        while (method.parameterNames().contains(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }
}
