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

    /**
     * {@code _stmt.setLong(1, id)} and the like; {@code name} is the parameter as a failure to bind
     * its value names it ({@code price}, {@code g.price}).
     */
    static CodeBlock bind(ScalarType type, Object index, CodeBlock value, String name) {
        if (type.primitive()) {
            return CodeBlock.of("_stmt.$L($L, $L)", jdbcSetter(type), index, value);
        }
        return switch (type.kind()) {
            case STRING -> CodeBlock.of("_stmt.setString($L, $L)", index, value);
            case DECIMAL -> CodeBlock.of("$T.setDecimal(_stmt, $L, $L, $S)", BINDERS, index, value, name);
            case BYTES -> CodeBlock.of("_stmt.setBytes($L, $L)", index, value);
            case INT -> CodeBlock.of("$T.setInt(_stmt, $L, $L)", BINDERS, index, value);
            case LONG -> CodeBlock.of("$T.setLong(_stmt, $L, $L)", BINDERS, index, value);
            case SHORT -> CodeBlock.of("$T.setShort(_stmt, $L, $L)", BINDERS, index, value);
            case DOUBLE -> CodeBlock.of("$T.setDouble(_stmt, $L, $L)", BINDERS, index, value);
            case FLOAT -> CodeBlock.of("$T.setFloat(_stmt, $L, $L)", BINDERS, index, value);
            case BOOLEAN -> CodeBlock.of("$T.setBoolean(_stmt, $L, $L)", BINDERS, index, value);
            case INSTANT -> CodeBlock.of("$T.setInstant(_stmt, $L, $L, $S)", BINDERS, index, value, name);
            case OFFSET_DATE_TIME -> CodeBlock.of("$T.setOffsetDateTime(_stmt, $L, $L)", BINDERS, index, value);
            case LOCAL_DATE -> CodeBlock.of("$T.setLocalDate(_stmt, $L, $L)", BINDERS, index, value);
            case LOCAL_DATE_TIME -> CodeBlock.of("$T.setLocalDateTime(_stmt, $L, $L)", BINDERS, index, value);
            case UUID -> CodeBlock.of("$T.setUuid(_stmt, $L, $L)", BINDERS, index, value);
            case DURATION -> CodeBlock.of("$T.setDuration(_stmt, $L, $L, $S)", BINDERS, index, value, valueName(value));
            case ENUM -> CodeBlock.of("$T.setEnum(_stmt, $L, $L)", BINDERS, index, value);
            case ARRAY -> type.element().kind() == ScalarKind.ENUM
                    ? CodeBlock.of("$T.setEnumArrayOrNull(_stmt, $L, $L)", BINDERS, index, value)
                    : CodeBlock.of("$T.setArrayOrNull(_stmt, $L, $S, $L, $S)", BINDERS, index,
                            type.element().kind().arrayElementType(), value, name);
        };
    }

    /**
     * {@code Binders.setArray(_stmt, 1, "int8", ids, FIND, "ids")}; the runtime picks the overload for
     * the Java shape, and names the method and parameter when it refuses an element.
     */
    static CodeBlock bindArray(ScalarType element, Object index, CodeBlock value, String methodConstant,
                               String name) {
        if (element.kind() == ScalarKind.ENUM) {
            return CodeBlock.of("$T.setEnumArray(_stmt, $L, $L, $N, $S)", BINDERS, index, value, methodConstant, name);
        }
        if (element.kind() == ScalarKind.DURATION) {
            return CodeBlock.of("$T.setDurationArray(_stmt, $L, $L, $N, $S)", BINDERS, index, value, methodConstant, name);
        }
        return CodeBlock.of("$T.setArray(_stmt, $L, $S, $L, $N, $S)", BINDERS, index, element.kind().arrayElementType(),
                value, methodConstant, name);
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
                    CodeBlock.of("$T.getObject(_rs, $L, $T.class)", READERS, column, javaType);
            case ENUM -> CodeBlock.of("$T.getEnum(_rs, $L, $T.class, $N)", READERS, column, javaType, methodConstant);
            case DURATION -> CodeBlock.of("$T.getDuration(_rs, $L, $N)", READERS, column, methodConstant);
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
        return write(type, value, null);
    }

    /**
     * As {@link #write(ScalarType, CodeBlock)}; values that can be refused on the way (a
     * {@code Duration} finer than a microsecond) also take {@code column}, for the message.
     */
    static CodeBlock write(ScalarType type, CodeBlock value, String column) {
        if (type.kind() == ScalarKind.DURATION) {
            return CodeBlock.of("_out.writeDuration($L, $S)", value, column);
        }
        if (type.kind() == ScalarKind.ARRAY) {
            return CodeBlock.of("_out.writeArray($S, $L)", type.element().kind().arrayElementType(), value);
        }
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
            case DURATION, ARRAY -> throw new IllegalStateException("written above");
        };
        return CodeBlock.of("_out.$L($L)", method, value);
    }

    /**
     * What a bound value is called in a message: the parameter ({@code timeout}) or the record's
     * component ({@code job.timeout}) the generated expression reads.
     */
    private static String valueName(CodeBlock value) {
        String text = value.toString();
        return text.endsWith("()") ? text.substring(0, text.length() - 2) : text;
    }

    private static String jdbcSetter(ScalarType type) {
        return "set" + capitalized(type);
    }

    private static String capitalized(ScalarType type) {
        return switch (type.kind()) {
            case INT, LONG, SHORT, DOUBLE, FLOAT, BOOLEAN -> type.kind().accessorSuffix();
            default -> throw new IllegalArgumentException("not a primitive kind: " + type.kind());
        };
    }
}
