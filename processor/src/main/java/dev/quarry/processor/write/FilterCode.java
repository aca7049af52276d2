package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.BINDERS;
import static dev.quarry.processor.write.RuntimeNames.SQL_LOG;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.quarry.processor.model.BindStep;
import dev.quarry.processor.model.ParameterModel;
import dev.quarry.processor.model.QueryMethodModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.Variants;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The generated code of a method with {@code @Filter}s, a {@code Sort} or {@code Optional}
 * parameters: a mask of the filters that apply, the constant text for it, and binds that follow it.
 */
final class FilterCode {
    static final ClassName FILTERS = ClassName.get(RuntimeNames.INTERNAL, "Filters");
    static final ClassName TEXTS = FILTERS.nestedClass("Texts");

    private FilterCode() {}

    private static String texts(QueryMethodModel method) {
        return method.constant() + "_SQLS";
    }

    private static String sortKeys(QueryMethodModel method) {
        return method.constant() + "_SORT_KEYS";
    }

    /** The texts by mask (or their pieces, past a few filters) and the sort keys' SQL. */
    static List<FieldSpec> constants(QueryMethodModel method) {
        Variants variants = method.variants();
        List<FieldSpec> fields = new ArrayList<>();
        if (variants == null) {
            return fields;
        }
        ArrayTypeName strings = ArrayTypeName.of(String.class);
        if (!variants.filters().isEmpty() && !variants.texts().isEmpty()) {
            List<CodeBlock> texts = variants.texts().stream().map(t -> CodeBlock.of("$S", t)).toList();
            fields.add(FieldSpec.builder(strings, texts(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("{\n$>$L$<\n}", CodeBlock.join(texts, ",\n")).build());
        } else if (!variants.filters().isEmpty()) {
            List<CodeBlock> filters = variants.filterTexts().stream().map(t -> CodeBlock.of("$S", t)).toList();
            fields.add(FieldSpec.builder(TEXTS, texts(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S, $S, $S, $L,\n$>$L$<)", TEXTS, variants.pieces().prefix(),
                            variants.pieces().condition(), variants.pieces().suffix(), variants.pieces().hasWhere(),
                            CodeBlock.join(filters, ",\n"))
                    .build());
        }
        if (variants.sort() != null) {
            List<CodeBlock> keys = variants.sortKeys().stream().map(k -> CodeBlock.of("$S", k)).toList();
            fields.add(FieldSpec.builder(strings, sortKeys(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("{$L}", CodeBlock.join(keys, ", ")).build());
        }
        return fields;
    }

    /** {@code int _mask = …; String _sql = …;} at the start of the method's body. */
    static CodeBlock statement(QueryMethodModel method, String sqlConstant) {
        Variants variants = method.variants();
        CodeBlock.Builder code = CodeBlock.builder();
        CodeBlock text;
        if (variants.filters().isEmpty()) {
            text = CodeBlock.of("$N", sqlConstant);
        } else {
            List<CodeBlock> bits = new ArrayList<>();
            for (int i = 0; i < variants.filters().size(); i++) {
                List<CodeBlock> present = new ArrayList<>();
                for (ParameterModel parameter : variants.filters().get(i).parameters()) {
                    if (parameter.optional()) {
                        present.add(CodeBlock.of("$T.present($N)", FILTERS, parameter.name()));
                    } else if (!parameter.type().isPrimitive()) {
                        present.add(CodeBlock.of("$N != null", parameter.name()));
                    }
                }
                bits.add(present.isEmpty() ? CodeBlock.of("$L", 1 << i)
                        : CodeBlock.of("($L ? $L : 0)", CodeBlock.join(present, " && "), 1 << i));
            }
            code.addStatement("int _mask = $L", CodeBlock.join(bits, "\n$>$>| $<$<"));
            text = variants.texts().isEmpty()
                    ? CodeBlock.of("$N.text(_mask)", texts(method))
                    : CodeBlock.of("$N[_mask]", texts(method));
        }
        if (variants.sort() != null) {
            text = CodeBlock.of("$T.sorted($L, $L, $L, $N, $N)", FILTERS, text, variants.sortTail(), variants.ownOrder(),
                    variants.sort(), sortKeys(method));
        }
        return code.addStatement("String _sql = $L", text).build();
    }

    /** Whether a null argument for {@code parameter} means "absent" rather than a mistake. */
    static boolean absentAllowed(QueryMethodModel method, ParameterModel parameter) {
        return method.variants() != null && method.variants().filterOnly().contains(parameter.name());
    }

    /** The binds in order, those of a filter under its bit of the mask, numbered as they go. */
    static CodeBlock binds(QueryMethodModel method, String label) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (method.timeout() > 0) {
            code.addStatement("_stmt.setQueryTimeout($L)", method.timeout());
        }
        List<BindStep> binds = method.binds();
        if (binds.isEmpty()) {
            return code.build();
        }
        code.addStatement("int _i = 1");
        int open = -1;
        List<CodeBlock> traced = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int k = 0; k < binds.size(); k++) {
            BindStep bind = binds.get(k);
            int filter = method.variants() == null ? -1 : method.variants().bindFilter().get(k);
            if (filter != open) {
                if (open >= 0) {
                    code.endControlFlow();
                }
                if (filter >= 0) {
                    code.beginControlFlow("if ((_mask & $L) != 0)", 1 << filter);
                }
                open = filter;
            }
            code.addStatement(bind(bind, filter >= 0, label));
            traced.add(traceValue(method, bind));
            owners.add(filter);
        }
        if (open >= 0) {
            code.endControlFlow();
        }
        code.beginControlFlow("if ($T.tracing())", SQL_LOG);
        if (owners.stream().allMatch(o -> o < 0)) {
            code.addStatement("$T.values($N, new Object[] {$L})", SQL_LOG, label, CodeBlock.join(traced, ", "));
        } else {
            code.addStatement("$T.values($N, $T.applied(_mask, new int[] {$L}, $L))", SQL_LOG, label, FILTERS,
                    owners.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow(),
                    CodeBlock.join(traced, ", "));
        }
        return code.endControlFlow().build();
    }

    /**
     * One bind: in a filter's block its parameter is present; elsewhere an empty Optional binds
     * NULL. A refused value or element names {@code label}'s method and the parameter.
     */
    private static CodeBlock bind(BindStep bind, boolean present, String label) {
        ParameterModel parameter = bind.parameter();
        CodeBlock value;
        String name = bind.component() == null ? parameter.name() : parameter.name() + "." + bind.component().name();
        if (bind.component() != null) {
            value = CodeBlock.of("$N.$N()", parameter.name(), bind.component().name());
        } else if (parameter.optional()) {
            value = present ? CodeBlock.of("$N.get()", parameter.name())
                    : CodeBlock.of("$T.orNull($N)", FILTERS, parameter.name());
        } else {
            value = CodeBlock.of("$N", parameter.name());
        }
        if (!bind.array()) {
            return ColumnCode.bind(bind.type(), "_i++", value, name);
        }
        if (parameter.optional() && !present) {
            return bind.type().kind() == ScalarKind.ENUM
                    ? CodeBlock.of("$T.setEnumArrayOrNull(_stmt, _i++, $L, $N, $S)", BINDERS, value, label, name)
                    : CodeBlock.of("$T.setArrayOrNull(_stmt, _i++, $S, $L, $N, $S)", BINDERS,
                            bind.type().kind().arrayElementType(), value, label, name);
        }
        return ColumnCode.bindArray(bind.type(), "_i++", value, label, name);
    }

    /** A bound value for the trace log, safe to evaluate whether or not its filter applies. */
    private static CodeBlock traceValue(QueryMethodModel method, BindStep bind) {
        ParameterModel parameter = bind.parameter();
        if (bind.component() != null) {
            return absentAllowed(method, parameter)
                    ? CodeBlock.of("($N == null ? null : $N.$N())", parameter.name(), parameter.name(), bind.component().name())
                    : CodeBlock.of("$N.$N()", parameter.name(), bind.component().name());
        }
        return parameter.optional() ? CodeBlock.of("$T.orNull($N)", FILTERS, parameter.name())
                : CodeBlock.of("$N", parameter.name());
    }
}
