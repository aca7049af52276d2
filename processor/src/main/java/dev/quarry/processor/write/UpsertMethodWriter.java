package dev.quarry.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.processor.model.BulkResult;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.UpsertMethodModel;
import dev.quarry.processor.sql.BulkSql;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * Writes an {@code @Upsert} method: its statement, row writer, its key expressions, and the
 * conflict-key order the runtime sorts and de-duplicates each chunk by.
 */
final class UpsertMethodWriter implements MethodWriter {
    private final UpsertMethodModel method;
    private final String label;

    UpsertMethodWriter(UpsertMethodModel method) {
        this.method = method;
        this.label = method.constant();
    }

    @Override
    public List<FieldSpec> constants() {
        RecordModel record = method.input().element();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(BulkCode.string(label, method.label()));
        fields.add(BulkCode.string(label + "_SQL", BulkSql.upsert(method.table(), record.components(),
                method.conflict(), method.update(), method.touch(), method.doNothing(), method.result().returning())));
        List<CodeBlock> keyColumns = new ArrayList<>();
        List<CodeBlock> keyExpressions = new ArrayList<>();
        List<String> expressions = BulkSql.upsertKeys(method.conflict());
        for (int i = 0; i < method.conflict().size(); i++) {
            keyColumns.add(CodeBlock.of("$L", record.components().indexOf(method.conflict().get(i))));
            keyExpressions.add(CodeBlock.of("$S", expressions.get(i)));
        }
        // the statement's key expressions, which the runtime casts to the column types
        fields.add(FieldSpec.builder(ClassNameOf.UPSERT_KEY, label + "_KEY", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("new $T(new int[] {$L}, $L)", ClassNameOf.UPSERT_KEY,
                        CodeBlock.join(keyColumns, ", "), CodeBlock.join(keyExpressions, ", ")).build());
        fields.add(FieldSpec.builder(ParameterizedTypeName.get(ClassNameOf.COMPARATOR, record.type()),
                label + "_KEY_ORDER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(keyOrder(record.type())).build());
        if (!method.touch().isEmpty()) {
            // the columns set to now(): the row writer writes every column, the statement takes these from no array
            List<CodeBlock> indexes = new ArrayList<>();
            for (ComponentModel c : method.touch()) {
                indexes.add(CodeBlock.of("$L", record.components().indexOf(c)));
            }
            fields.add(FieldSpec.builder(int[].class, label + "_TOUCHED", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).initializer("{$L}", CodeBlock.join(indexes, ", ")).build());
        }
        List<ComponentModel> nullable = method.conflict().stream().filter(c -> !c.type().primitive()).toList();
        if (!nullable.isEmpty()) {
            List<CodeBlock> tests = new ArrayList<>();
            for (ComponentModel c : nullable) {
                tests.add(CodeBlock.of("_row.$N() == null", c.name()));
            }
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(ClassNameOf.PREDICATE, record.type()),
                    label + "_NULL_KEY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("_row -> $L", CodeBlock.join(tests, " || ")).build());
        }
        return fields;
    }

    /**
     * {@code Comparator.<User, String>comparing(User::email, nullsFirst(naturalOrder())).thenComparingLong(User::id)}:
     * any total order works for lock ordering, as long as every caller uses the same one.
     */
    private CodeBlock keyOrder(TypeName record) {
        CodeBlock.Builder code = CodeBlock.builder();
        List<ComponentModel> key = method.conflict();
        for (int i = 0; i < key.size(); i++) {
            ComponentModel c = key.get(i);
            CodeBlock accessor = CodeBlock.of("$T::$N", record, c.name());
            String primitive = primitiveComparing(c);
            if (primitive != null) {
                code.add(i == 0 ? CodeBlock.of("$T.<$T>comparing$L($L)", Comparator.class, record, primitive, accessor)
                        : CodeBlock.of("\n.thenComparing$L($L)", primitive, accessor));
                continue;
            }
            TypeName keyType = c.type().type().box();
            // A primitive boolean boxes to a Boolean that is never null; references may be.
            CodeBlock arguments = c.type().primitive() ? accessor
                    : CodeBlock.of("$L, $L", accessor, nullsFirst(c, keyType));
            code.add(i == 0 ? CodeBlock.of("$T.<$T, $T>comparing($L)", Comparator.class, record, keyType, arguments)
                    : CodeBlock.of("\n.thenComparing($L)", arguments));
        }
        return code.build();
    }

    /** {@code Int}, {@code Long} or {@code Double} for a primitive number key, which compares without boxing. */
    private static String primitiveComparing(ComponentModel c) {
        if (!c.type().primitive()) {
            return null;
        }
        return switch (c.type().kind()) {
            case INT, SHORT -> "Int";
            case LONG -> "Long";
            case DOUBLE, FLOAT -> "Double";
            default -> null;
        };
    }

    private static CodeBlock nullsFirst(ComponentModel c, TypeName key) {
        return switch (c.type().kind()) {
            case BYTES -> CodeBlock.of("$T.<$T>nullsFirst($T::compare)", Comparator.class, key, Arrays.class);
            case OFFSET_DATE_TIME -> CodeBlock.of("$T.nullsFirst($T.timeLineOrder())", Comparator.class,
                    OffsetDateTime.class);
            default -> CodeBlock.of("$T.nullsFirst($T.naturalOrder())", Comparator.class, Comparator.class);
        };
    }

    @Override
    public List<TypeSpec> types() {
        return List.of(BulkCode.holder(method.input().element()));
    }

    @Override
    public MethodSpec method() {
        MethodSpec.Builder builder = BulkCode.signature(method.element(), method.name(), method.visibility(),
                method.input(), method.result().type(), label);
        boolean nullable = method.conflict().stream().anyMatch(c -> !c.type().primitive());
        CodeBlock nullKey = nullable ? CodeBlock.of("$N", label + "_NULL_KEY") : CodeBlock.of("null");
        RecordModel record = method.input().element();
        CodeBlock touched = method.touch().isEmpty() ? CodeBlock.of("null") : CodeBlock.of("$N", label + "_TOUCHED");
        CodeBlock common = CodeBlock.of("_core, $N, $L, $N, $L, $L, $L, $L, $N, $N, $L", label,
                BulkCode.tableOf(record), label + "_SQL", BulkCode.rows(method.input()), method.chunkSize(),
                BulkCode.writerOf(record), touched, label + "_KEY", label + "_KEY_ORDER", nullKey);
        CodeBlock call = method.result().shape() == BulkResult.Shape.LIST
                ? CodeBlock.of("$T.upsertReturning($L,\n$L)", BulkCode.BULK_WRITES, common,
                        BulkCode.returnedRow(method.result(), label))
                : CodeBlock.of("$T.upsert($L)", BulkCode.BULK_WRITES, common);
        return builder.addCode(BulkCode.returning(method.result(), call, label)).build();
    }

    /** JDK types named in the constants. */
    private static final class ClassNameOf {
        static final com.palantir.javapoet.ClassName COMPARATOR = com.palantir.javapoet.ClassName.get(Comparator.class);
        static final com.palantir.javapoet.ClassName PREDICATE = com.palantir.javapoet.ClassName.get(Predicate.class);
        static final com.palantir.javapoet.ClassName UPSERT_KEY =
                com.palantir.javapoet.ClassName.get(RuntimeNames.INTERNAL, "UpsertKey");
    }
}
