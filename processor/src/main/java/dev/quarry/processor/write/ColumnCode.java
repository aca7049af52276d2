package dev.quarry.processor.write;

import static dev.quarry.processor.write.RuntimeNames.BINDERS;
import static dev.quarry.processor.write.RuntimeNames.READERS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.quarry.processor.model.ComponentModel;
import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC call that binds or reads one value of a scalar type: plain JDBC where it does the right
 * thing, a runtime helper where NULL or a conversion needs care.
 */
final class ColumnCode {
    private ColumnCode() {}

    /** {@code _stmt.setLong(1, id)} and the like. */
    static CodeBlock bind(ScalarType type, Object index, CodeBlock value) {
        if (type.primitive()) {
            return CodeBlock.of("_stmt.$L($L, $L)", jdbcSetter(type), index, value);
        }
        return switch (type.kind()) {
            case STRING -> CodeBlock.of("_stmt.setString($L, $L)", index, value);
            case DECIMAL -> CodeBlock.of("_stmt.setBigDecimal($L, $L)", index, value);
            case BYTES -> CodeBlock.of("_stmt.setBytes($L, $L)", index, value);
            case INT -> CodeBlock.of("$T.setInt(_stmt, $L, $L)", BINDERS, index, value);
            case LONG -> CodeBlock.of("$T.setLong(_stmt, $L, $L)", BINDERS, index, value);
            case SHORT -> CodeBlock.of("$T.setShort(_stmt, $L, $L)", BINDERS, index, value);
            case DOUBLE -> CodeBlock.of("$T.setDouble(_stmt, $L, $L)", BINDERS, index, value);
            case FLOAT -> CodeBlock.of("$T.setFloat(_stmt, $L, $L)", BINDERS, index, value);
            case BOOLEAN -> CodeBlock.of("$T.setBoolean(_stmt, $L, $L)", BINDERS, index, value);
            case INSTANT -> CodeBlock.of("$T.setInstant(_stmt, $L, $L)", BINDERS, index, value);
            case OFFSET_DATE_TIME -> CodeBlock.of("$T.setOffsetDateTime(_stmt, $L, $L)", BINDERS, index, value);
            case LOCAL_DATE -> CodeBlock.of("$T.setLocalDate(_stmt, $L, $L)", BINDERS, index, value);
            case LOCAL_DATE_TIME -> CodeBlock.of("$T.setLocalDateTime(_stmt, $L, $L)", BINDERS, index, value);
            case UUID -> CodeBlock.of("$T.setUuid(_stmt, $L, $L)", BINDERS, index, value);
            case ENUM -> CodeBlock.of("$T.setEnum(_stmt, $L, $L)", BINDERS, index, value);
            case ARRAY -> type.element().kind() == ScalarKind.ENUM
                    ? CodeBlock.of("$T.setEnumArrayOrNull(_stmt, $L, $L)", BINDERS, index, value)
                    : CodeBlock.of("$T.setArrayOrNull(_stmt, $L, $S, $L)", BINDERS, index,
                            type.element().kind().arrayElementType(), value);
        };
    }

    /** {@code Binders.setArray(_stmt, 1, "int8", ids)}; the runtime picks the overload for the Java shape. */
    static CodeBlock bindArray(ScalarType element, Object index, CodeBlock value) {
        if (element.kind() == dev.quarry.processor.model.ScalarKind.ENUM) {
            return CodeBlock.of("$T.setEnumArray(_stmt, $L, $L)", BINDERS, index, value);
        }
        return CodeBlock.of("$T.setArray(_stmt, $L, $S, $L)", BINDERS, index, element.kind().arrayElementType(), value);
    }

    /** The expression reading column {@code column} of {@code _rs} as {@code type}. */
    static CodeBlock read(ScalarType type, CodeBlock column, String methodConstant) {
        if (type.primitive()) {
            return CodeBlock.of("$T.$L(_rs, $L, $N)", READERS, "get" + capitalized(type), column, methodConstant);
        }
        TypeName javaType = type.type();
        return switch (type.kind()) {
            case STRING -> CodeBlock.of("_rs.getString($L)", column);
            case DECIMAL -> CodeBlock.of("$T.getBigDecimal(_rs, $L)", READERS, column);
            case BYTES -> CodeBlock.of("_rs.getBytes($L)", column);
            case INT, LONG, SHORT, DOUBLE, FLOAT, BOOLEAN ->
                    CodeBlock.of("$T.$L(_rs, $L)", READERS, "get" + capitalized(type) + "OrNull", column);
            case INSTANT -> CodeBlock.of("$T.getInstant(_rs, $L)", READERS, column);
            case OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_DATE_TIME, UUID ->
                    CodeBlock.of("_rs.getObject($L, $T.class)", column, javaType);
            case ENUM -> CodeBlock.of("$T.getEnum(_rs, $L, $T.class, $N)", READERS, column, javaType, methodConstant);
            case ARRAY -> type.element().kind() == ScalarKind.ENUM
                    ? CodeBlock.of("$T.getEnumList(_rs, $L, $T.class, $N)", READERS, column, type.element().type(),
                            methodConstant)
                    : CodeBlock.of("$T.getList(_rs, $L, $T.class)", READERS, column, type.element().type());
        };
    }

    /**
     * {@code new Type(reads…)} reading {@code components} from {@code _rs} at the positions held in
     * {@code _c}, the array {@code ResultColumns.resolve} returned for the same components.
     */
    static CodeBlock newRow(TypeName type, List<ComponentModel> components, String methodConstant) {
        return newRow(type, components, methodConstant, "_c");
    }

    /** As {@link #newRow(TypeName, List, String)}, with the positions in the array named {@code positions}. */
    static CodeBlock newRow(TypeName type, List<ComponentModel> components, String methodConstant, String positions) {
        return newRow(type, components, methodConstant, positions, -1, CodeBlock.of(""));
    }

    /** As {@link #newRow(TypeName, List, String, String)}, with component {@code known} given as {@code value}, read already. */
    static CodeBlock newRow(TypeName type, List<ComponentModel> components, String methodConstant, String positions,
                            int known, CodeBlock value) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            arguments.add(i == known ? value
                    : read(components.get(i).type(), CodeBlock.of("$N[$L]", positions, i), methodConstant));
        }
        if (arguments.size() <= 2) {
            return CodeBlock.of("new $T($L)", type, CodeBlock.join(arguments, ", "));
        }
        return CodeBlock.of("new $T(\n$L)", type, CodeBlock.join(arguments, ",\n"));
    }

    /** The column labels of {@code components}, as {@code ResultColumns.resolve} arguments. */
    static CodeBlock columnLabels(List<ComponentModel> components) {
        List<CodeBlock> labels = new ArrayList<>();
        for (ComponentModel component : components) {
            labels.add(CodeBlock.of("$S", component.column()));
        }
        return CodeBlock.join(labels, ", ");
    }

    /**
     * {@code _out.writeLong(value)} and the like: one value to a bulk write's {@code ColumnSink},
     * whose overloads take the primitive or the boxed (nullable) form.
     */
    static CodeBlock write(ScalarType type, CodeBlock value) {
        String method = switch (type.kind()) {
            case INT -> "writeInt";
            case LONG -> "writeLong";
            case SHORT -> "writeShort";
            case DOUBLE -> "writeDouble";
            case FLOAT -> "writeFloat";
            case BOOLEAN -> "writeBoolean";
            case STRING -> "writeString";
            case DECIMAL -> "writeDecimal";
            case INSTANT -> "writeInstant";
            case OFFSET_DATE_TIME -> "writeOffsetDateTime";
            case LOCAL_DATE -> "writeLocalDate";
            case LOCAL_DATE_TIME -> "writeLocalDateTime";
            case UUID -> "writeUuid";
            case BYTES -> "writeBytes";
            case ENUM -> "writeEnum";
            case ARRAY -> throw new IllegalArgumentException("bulk writes take no array columns");
        };
        return CodeBlock.of("_out.$L($L)", method, value);
    }

    private static String jdbcSetter(ScalarType type) {
        return "set" + capitalized(type);
    }

    private static String capitalized(ScalarType type) {
        return switch (type.kind()) {
            case INT -> "Int";
            case LONG -> "Long";
            case SHORT -> "Short";
            case DOUBLE -> "Double";
            case FLOAT -> "Float";
            case BOOLEAN -> "Boolean";
            default -> throw new IllegalArgumentException("not a primitive kind: " + type.kind());
        };
    }
}
