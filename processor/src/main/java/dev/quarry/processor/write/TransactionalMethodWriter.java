package dev.quarry.processor.write;

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
        CodeBlock call = CodeBlock.of("super.$N($L)", method.name(), CodeBlock.join(arguments, ", "));
        return builder.addCode(TransactionCode.body(method.constant(), method.transaction(), false, call, returnsValue)).build();
    }
}
