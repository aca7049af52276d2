package dev.quarry.runtime.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The two forms a bulk write sends a {@code List} component in: PostgreSQL's binary array (COPY,
 * whose field is the array itself) and the text of an array literal (UNNEST, which cannot take an
 * array of arrays: {@code unnest} flattens a two-dimensional array, and PostgreSQL has no ragged ones,
 * so each row's array travels as one {@code text} element and is cast back per row).
 */
final class ArrayValues {
    private ArrayValues() {}

    /** The element type OID of {@code elementType}, as {@code ScalarKind.arrayElementType()} names it. */
    static int oid(String elementType) {
        return switch (elementType) {
            case "int4" -> 23;
            case "int8" -> 20;
            case "int2" -> 21;
            case "float8" -> 701;
            case "float4" -> 700;
            case "bool" -> 16;
            case "text" -> 25;
            case "numeric" -> 1700;
            case "uuid" -> 2950;
            default -> throw new IllegalArgumentException("no array of " + elementType + " in bulk writes");
        };
    }

    /**
     * {@code values} in binary array format, elements of {@code elementOid} as {@link BinaryValues}
     * writes them, NULL elements kept; an empty list is PostgreSQL's empty array.
     */
    static byte[] binary(int elementOid, String elementType, Collection<?> values) throws SQLException {
        BinaryArray out = new BinaryArray(elementOid, 256);
        for (Object value : values) {
            element(out, elementType, value);
        }
        return out.toBytes();
    }

    private static void element(BinaryValues out, String elementType, Object value) throws SQLException {
        switch (elementType) {
            case "int4" -> out.writeInt((Integer) value);
            case "int8" -> out.writeLong((Long) value);
            case "int2" -> out.writeShort((Short) value);
            case "float8" -> out.writeDouble((Double) value);
            case "float4" -> out.writeFloat((Float) value);
            case "bool" -> out.writeBoolean((Boolean) value);
            case "text" -> out.writeString(text(value));
            case "numeric" -> out.writeDecimal((BigDecimal) value);
            case "uuid" -> out.writeUuid((UUID) value);
            default -> throw new IllegalArgumentException("no array of " + elementType + " in bulk writes");
        }
    }

    /**
     * {@code values} as an array literal, every element quoted ({@code {"a","b \"c\"",NULL}}), so
     * that commas, braces, quotes, backslashes and spaces in text come back as they were.
     */
    static String literal(Collection<?> values) {
        StringBuilder out = new StringBuilder(2 + values.size() * 8).append('{');
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (value == null) {
                out.append("NULL");
                continue;
            }
            String text = text(value);
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** An element's text: an enum by its constant's name, a number or UUID as PostgreSQL reads it back. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        return value.toString();
    }

    /** About the bytes {@code values} take on the wire, counting a text element by its length. */
    static long estimate(Collection<?> values) {
        if (values == null) {
            return 4;
        }
        long bytes = 24;
        for (Object value : values) {
            bytes += 4 + (value instanceof CharSequence s ? s.length() : 16);
        }
        return bytes;
    }
}
