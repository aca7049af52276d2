package dev.quarry.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.processor.model.InsertMethodModel;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.sql.BulkSql;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@code @Insert} method: constants for its SQL, the shared holder of its table and row
 * writer, and one call
 * into {@code BulkWrites} for its strategy.
 */
final class InsertMethodWriter implements MethodWriter {
    private final InsertMethodModel method;
    private final String label;

    InsertMethodWriter(InsertMethodModel method) {
        this.method = method;
        this.label = method.constant();
    }

    private RecordModel record() {
        return method.input().element();
    }

    private boolean returnsRows() {
        return method.result().shape().returnsRows();
    }

    @Override
    public List<FieldSpec> constants() {
        RecordModel record = record();
        String table = method.table();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(BulkCode.string(label, method.label()));
        String unnest = BulkSql.unnestInsert(table, record.components(), method.result().returning());
        switch (returnsRows() ? InsertStrategy.UNNEST : method.strategy()) {
            case AUTO -> {
                fields.add(BulkCode.string(label + "_COPY_SQL", BulkSql.copy(table, record.components())));
                fields.add(BulkCode.string(label + "_UNNEST_SQL", unnest));
            }
            case COPY -> fields.add(BulkCode.string(label + "_SQL", BulkSql.copy(table, record.components())));
            case UNNEST -> fields.add(BulkCode.string(label + "_SQL", unnest));
            case BATCH -> {
                fields.add(BulkCode.string(label + "_SQL", BulkSql.valuesPrefix(table, record.components())));
                fields.add(BulkCode.string(label + "_VALUES_ROW", BulkSql.valuesRow(record.components().size())));
            }
        }
        return fields;
    }

    @Override
    public List<TypeSpec> types() {
        return List.of(BulkCode.holder(record()));
    }

    @Override
    public MethodSpec method() {
        MethodSpec.Builder builder = BulkCode.signature(method.element(), method.name(), method.visibility(),
                method.input(), method.result().type(), label);
        CodeBlock rows = BulkCode.rows(method.input());
        CodeBlock table = BulkCode.tableOf(record());
        CodeBlock writer = BulkCode.writerOf(record());
        int chunk = method.chunkSize();
        CodeBlock call;
        if (returnsRows()) {
            call = CodeBlock.of("$T.unnestReturning(_core, $N, $L, $N, $L, $L, $L,\n$L)", BulkCode.BULK_WRITES, label,
                    table, label + "_SQL", rows, chunk, writer, BulkCode.returnedRow(method.result(), label));
        } else {
            call = switch (method.strategy()) {
                case AUTO -> CodeBlock.of("$T.auto(_core, $N, $L, $N, $N, $L, $L, $L)", BulkCode.BULK_WRITES, label,
                        table, label + "_COPY_SQL", label + "_UNNEST_SQL", rows, chunk, writer);
                case COPY -> CodeBlock.of("$T.copy(_core, $N, $L, $N, $L, $L, $L)", BulkCode.BULK_WRITES, label, table,
                        label + "_SQL", rows, chunk, writer);
                case UNNEST -> CodeBlock.of("$T.unnest(_core, $N, $L, $N, $L, $L, $L)", BulkCode.BULK_WRITES, label,
                        table, label + "_SQL", rows, chunk, writer);
                case BATCH -> CodeBlock.of("$T.values(_core, $N, $L, $N, $N, $L, $L, $L)", BulkCode.BULK_WRITES,
                        label, table, label + "_SQL", label + "_VALUES_ROW", rows, chunk, writer);
            };
        }
        return builder.addCode(BulkCode.returning(method.result(), call, label)).build();
    }
}
