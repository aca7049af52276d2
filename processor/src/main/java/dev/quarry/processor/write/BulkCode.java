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
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RowType;
import dev.quarry.processor.sql.BulkSql;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Code the bulk method writers share: the constants describing the table and writing a row, the
 * input wrapper, the reader of RETURNING rows, and the method signature and return.
 */
final class BulkCode {
    static final ClassName BULK_WRITES = ClassName.get(RuntimeNames.INTERNAL, "BulkWrites");
    static final ClassName BULK_ROWS = ClassName.get(RuntimeNames.INTERNAL, "BulkRows");
    static final ClassName BULK_TABLE = ClassName.get(RuntimeNames.INTERNAL, "BulkTable");
    static final ClassName ROW_WRITER = ClassName.get(RuntimeNames.INTERNAL, "RowWriter");

    private BulkCode() {}

    static FieldSpec string(String name, String value) {
        return FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", value).build();
    }

    /**
     * The nested class holding what every bulk method writing {@code record} shares: its table
     * ({@code TABLE}) and its row writer ({@code WRITER}), one for all strategies.
     */
    static ClassName holderName(RecordModel record) {
        return ClassName.get("", Names.nested(record.type()) + "Rows");
    }

    static CodeBlock tableOf(RecordModel record) {
        return CodeBlock.of("$T.TABLE", holderName(record));
    }

    static CodeBlock writerOf(RecordModel record) {
        return CodeBlock.of("$T.WRITER", holderName(record));
    }

    static TypeSpec holder(RecordModel record) {
        List<CodeBlock> columns = new ArrayList<>();
        List<CodeBlock> types = new ArrayList<>();
        CodeBlock.Builder writer = CodeBlock.builder().add("(_row, _out) -> {\n").indent();
        for (ComponentModel c : record.components()) {
            columns.add(CodeBlock.of("$S", c.column()));
            types.add(CodeBlock.of("$S", BulkSql.writtenAs(c)));
            writer.addStatement(ColumnCode.write(c.type(), CodeBlock.of("_row.$N()", c.name()), c.column()));
        }
        writer.unindent().add("}");
        return TypeSpec.classBuilder(holderName(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("How bulk writes send {@link $T} rows: its table's columns and the row writer every strategy uses.\n",
                        record.type())
                .addField(FieldSpec.builder(BULK_TABLE, "TABLE", Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($S,\nnew String[] {$L},\nnew String[] {$L})", BULK_TABLE,
                                BulkSql.table(record.table()), CodeBlock.join(columns, ", "), CodeBlock.join(types, ", "))
                        .build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ROW_WRITER, record.type()), "WRITER",
                        Modifier.STATIC, Modifier.FINAL).initializer(writer.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
    }

    /** {@code BulkRows.<Item>of(items, "items")}, or {@code one} for a single record. */
    static CodeBlock rows(BulkInput input) {
        String factory = input.form() == BulkInput.Form.ONE ? "one" : "of";
        return CodeBlock.of("$T.<$T>$L($N, $S)", BULK_ROWS, input.element().type(), factory, input.parameter(),
                input.parameter());
    }

    /** Reads one RETURNING row: the single column, or a record whose columns sit where RETURNING lists them. */
    static CodeBlock returnedRow(BulkResult result, String methodConstant) {
        if (result.row() instanceof RowType.Scalar scalar) {
            return CodeBlock.of("_rs -> $L", ColumnCode.read(scalar.type(), CodeBlock.of("1"), methodConstant));
        }
        RecordModel record = ((RowType.Record) result.row()).model();
        List<CodeBlock> arguments = new ArrayList<>();
        for (ComponentModel c : record.components()) {
            int column = result.returning().indexOf(c.column()) + 1;
            arguments.add(ColumnCode.read(c.type(), CodeBlock.of("$L", column), methodConstant));
        }
        return CodeBlock.of("_rs -> new $T($L)", record.type(), CodeBlock.join(arguments, ", "));
    }

    /** The overriding method's signature, with the null check of its argument. */
    static MethodSpec.Builder signature(ExecutableElement element, String name, Modifier visibility, BulkInput input,
                                        TypeName returns, String labelConstant) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .returns(returns)
                .addParameter(input.type(), input.parameter());
        if (visibility != null) {
            method.addModifiers(visibility);
        }
        return method.addStatement("$T.requireArgument($N, $N, $S)", BINDERS, input.parameter(), labelConstant,
                input.parameter());
    }

    /** Returns (or just makes) the runtime call, as the declared return type wants it. */
    static CodeBlock returning(BulkResult result, CodeBlock call, String labelConstant) {
        return switch (result.shape()) {
            case VOID -> CodeBlock.builder().addStatement("$L", call).build();
            case INT -> CodeBlock.builder().addStatement("return $T.toInt($L, $N)", BULK_WRITES, call, labelConstant)
                    .build();
            case LONG, LIST -> CodeBlock.builder().addStatement("return $L", call).build();
            case ONE -> CodeBlock.builder().addStatement("return $T.one($L, $N)", BULK_WRITES, call, labelConstant)
                    .build();
        };
    }
}
