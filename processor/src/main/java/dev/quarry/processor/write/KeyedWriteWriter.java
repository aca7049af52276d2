package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.BINDERS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.model.BulkInput;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.KeyedWriteModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import dev.quarry.processor.sql.BulkSql;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes an {@code @Update} or {@code @Delete} method: its statements and row writer as constants,
 * and a call of the runtime that sends them a chunk at a time.
 */
final class KeyedWriteWriter implements MethodWriter {
    static final ClassName KEYED_WRITES = ClassName.get(RuntimeNames.INTERNAL, "KeyedWrites");

    private final KeyedWriteModel method;
    private final String label;

    KeyedWriteWriter(KeyedWriteModel method) {
        this.method = method;
        this.label = method.constant();
    }

    /** What the runtime reads: the record, or the boxed id for a delete by id values. */
    private TypeName element() {
        return method.byIds() ? method.id().type().type().box() : method.record().type();
    }

    @Override
    public List<FieldSpec> constants() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(BulkCode.string(label, method.label()));
        String table = method.record().table();
        String write = BulkSql.keyed(method);
        List<CodeBlock> columns = new ArrayList<>();
        List<CodeBlock> types = new ArrayList<>();
        for (ComponentModel c : method.sent()) {
            columns.add(CodeBlock.of("$S", c.column()));
            types.add(CodeBlock.of("$S", BulkSql.writtenAs(c)));
        }
        fields.add(FieldSpec.builder(KEYED_WRITES.nestedClass("Statements"), label + "_SQL", Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T(\n$>new $T($S, new String[] {$L}, new String[] {$L}),\n$S,\n$S,\n$S,\n$S$<)",
                        KEYED_WRITES.nestedClass("Statements"), BulkCode.BULK_TABLE, BulkSql.table(table),
                        CodeBlock.join(columns, ", "), CodeBlock.join(types, ", "), write,
                        BulkSql.keyLock(method), BulkSql.keyExisting(table, method.id()),
                        BulkSql.writtenAs(method.id()))
                .build());
        CodeBlock.Builder writer = CodeBlock.builder().add("(_row, _out) -> {\n").indent();
        for (ComponentModel c : method.sent()) {
            if (method.byIds()) {
                ScalarType boxed = new ScalarType(c.type().kind(), false, c.type().type().box());
                writer.addStatement(ColumnCode.write(boxed, CodeBlock.of("_row"), c.column()));
            } else {
                writer.addStatement(ColumnCode.write(c.type(), CodeBlock.of("_row.$N()", c.name()), c.column()));
            }
        }
        writer.unindent().add("}");
        fields.add(FieldSpec.builder(ParameterizedTypeName.get(BulkCode.ROW_WRITER, element()), label + "_WRITER",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(writer.build()).build());
        return fields;
    }

    @Override
    public List<TypeSpec> types() {
        return List.of();
    }

    @Override
    public MethodSpec method() {
        TypeName returns = switch (method.result()) {
            case VOID -> TypeName.VOID;
            case BOOLEAN -> TypeName.BOOLEAN;
            case INT -> TypeName.INT;
            case LONG -> TypeName.LONG;
            case LIST -> ParameterizedTypeName.get(ClassName.get(List.class), method.record().type());
        };
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .returns(returns)
                .addParameter(method.parameterType(), method.parameter());
        if (method.visibility() != null) {
            builder.addModifiers(method.visibility());
        }
        if (!method.parameterType().isPrimitive()) {
            builder.addStatement("$T.requireArgument($N, $N, $S)", BINDERS, method.parameter(), label, method.parameter());
        }
        String factory = method.form() == BulkInput.Form.ONE ? "one" : "of";
        CodeBlock rows = CodeBlock.of("$T.<$T>$L($N, $S)", BulkCode.BULK_ROWS, element(), factory, method.parameter(),
                method.parameter());
        CodeBlock call = CodeBlock.of("$T.write(_core, $N, $N, $L, $L,\n$N, $L, $L, $T.$L, $L)", KEYED_WRITES, label,
                label + "_SQL", rows, method.chunkSize(), label + "_WRITER", key(), version(),
                KEYED_WRITES.nestedClass("Repeats"), method.byIds() ? "MERGE" : "REFUSE",
                method.result() == KeyedWriteModel.Result.VOID);
        if (method.result() == KeyedWriteModel.Result.LIST) {
            List<CodeBlock> columns = new ArrayList<>();
            int column = 2;
            for (ComponentModel c : method.record().components()) {
                columns.add(ColumnCode.read(c.type(), CodeBlock.of("$L", column++), label));
            }
            return builder.addStatement("return $T.writeReturning(_core, $N, $N, $L, $L,\n$N, $L, $L,\n$>_rs -> new $T($L))$<",
                    KEYED_WRITES, label, label + "_SQL", rows, method.chunkSize(), label + "_WRITER", key(), version(),
                    method.record().type(), CodeBlock.join(columns, ", ")).build();
        }
        return switch (method.result()) {
            case VOID -> builder.addStatement("$L", call).build();
            case BOOLEAN -> builder.addStatement("return $L > 0", call).build();
            case INT -> builder.addStatement("return $T.toInt($L, $N)", BulkCode.BULK_WRITES, call, label).build();
            case LONG -> builder.addStatement("return $L", call).build();
            case LIST -> throw new IllegalStateException("written above");
        };
    }

    /** The id of an element, as the statement returns it ({@code int2} comes back as an {@code Integer}). */
    private CodeBlock key() {
        CodeBlock id = method.byIds() ? CodeBlock.of("_row") : CodeBlock.of("_row.$N()", method.id().name());
        if (method.id().type().kind() == ScalarKind.SHORT) {
            return CodeBlock.of("_row -> (int) $L", id);
        }
        return method.byIds() ? CodeBlock.of("_row -> _row") : CodeBlock.of("$T::$N", method.record().type(),
                method.id().name());
    }

    /** The {@code @Version} of an element, which the lock's versions are checked against; {@code null} without one. */
    private CodeBlock version() {
        return method.version() == null || method.byIds() ? CodeBlock.of("null")
                : CodeBlock.of("$T::$N", method.record().type(), method.version().name());
    }

    @Override
    public List<MethodSpec> helpers() {
        return List.of();
    }
}
