package dev.quarry.processor.verify;

import dev.quarry.processor.model.ScalarKind;
import dev.quarry.processor.model.ScalarType;
import java.util.Map;
import java.util.Set;

/**
 * Which PostgreSQL types a Java scalar reads from and binds to, as the generated code does it
 * (pgjdbc getters and setters, and the runtime's readers and binders).
 */
final class TypeCompatibility {
    /** Whether a column of some type can be read into a Java type, and what it costs. */
    sealed interface Verdict {
        Verdict FITS = new Fits();

        /** Reads every value. */
        record Fits() implements Verdict {}

        /** Reads, but some values lose something (range, precision, the zone); {@code loss} says what. */
        record Lossy(String loss) implements Verdict {}

        /** Never reads (or reads only by accident); {@code advice} says what would. */
        record Incompatible(String advice) implements Verdict {}
    }

    static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "name", "char", "citext");
    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "numeric", "float4", "float8");
    private static final Set<String> DATES = Set.of("date", "timestamp", "timestamptz");
    /** pgjdbc names a column by its default: a {@code serial} is an {@code int4} to everything else. */
    private static final Map<String, String> SERIALS = Map.of("serial", "int4", "bigserial", "int8",
            "smallserial", "int2");

    private TypeCompatibility() {}

    /** The type name pgjdbc reports, as this class compares it: no schema, no quotes, serials as integers. */
    static String canonical(String reported) {
        String name = reported;
        int dot = name.lastIndexOf("\".\"");
        if (dot >= 0) {
            name = name.substring(dot + 2);
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return SERIALS.getOrDefault(name, name);
    }

    /**
     * Reading a column of {@code type} (canonical; {@code isEnum} when it, or its element, is a
     * PostgreSQL enum) into {@code java}.
     */
    static Verdict read(ScalarType java, String type, boolean isEnum) {
        boolean array = type.startsWith("_");
        if (java.kind() == ScalarKind.ARRAY) {
            if (!array) {
                return incompatible("an array type");
            }
            String element = type.substring(1);
            // pgjdbc hands out an array's elements as the Java types of their own type, converting only numbers
            if (java.element().kind() == ScalarKind.STRING) {
                return TEXT.contains(element) || isEnum ? Verdict.FITS : incompatible("text[]");
            }
            return read(java.element().kind(), element, isEnum);
        }
        if (array && java.kind() != ScalarKind.STRING) {
            return new Verdict.Incompatible("it is an array; read it into a List, or unnest it in the SQL");
        }
        return read(java.kind(), type, isEnum);
    }

    private static Verdict read(ScalarKind kind, String type, boolean isEnum) {
        return switch (kind) {
            case INT -> integer(type, Set.of("int2", "int4"), "int");
            case SHORT -> integer(type, Set.of("int2"), "short");
            case LONG -> integer(type, INTEGERS, "long");
            case DOUBLE -> Set.of("float4", "float8", "int2", "int4").contains(type) ? Verdict.FITS
                    : type.equals("int8") ? new Verdict.Lossy("precision above 2^53")
                    : type.equals("numeric") ? new Verdict.Lossy("precision (numeric is exact, double is not)")
                    : incompatible("a number type");
            case FLOAT -> Set.of("float4", "int2").contains(type) ? Verdict.FITS
                    : NUMBERS.contains(type) ? new Verdict.Lossy("precision (float holds about 7 digits)")
                    : incompatible("a number type");
            case DECIMAL -> Set.of("numeric", "int2", "int4", "int8").contains(type) ? Verdict.FITS
                    : type.startsWith("float") ? new Verdict.Lossy("exactness (a binary float read as a decimal)")
                    : incompatible("numeric");
            case BOOLEAN -> exactly(type, "bool");
            // every type has a text form, and reading it as one is a deliberate choice; bytea's is hex
            case STRING -> type.equals("bytea") ? new Verdict.Lossy("its bytes (the String holds the hex text form)")
                    : Verdict.FITS;
            case BYTES -> exactly(type, "bytea");
            case INSTANT, OFFSET_DATE_TIME -> type.equals("timestamptz") ? Verdict.FITS
                    : type.equals("timestamp") ? new Verdict.Incompatible("timestamp without time zone names no "
                    + "instant; read it as LocalDateTime, or convert it in the SQL with AT TIME ZONE")
                    : incompatible("timestamptz");
            case LOCAL_DATE -> exactly(type, "date");
            case LOCAL_DATE_TIME -> type.equals("timestamp") ? Verdict.FITS
                    : type.equals("timestamptz") ? new Verdict.Incompatible("timestamptz is an instant; read it "
                    + "as Instant or OffsetDateTime, or convert it in the SQL with AT TIME ZONE")
                    : incompatible("timestamp");
            case UUID -> exactly(type, "uuid");
            case DURATION -> exactly(type, "interval");
            case ENUM -> TEXT.contains(type) || isEnum ? Verdict.FITS
                    : incompatible("text or a PostgreSQL enum type");
            case ARRAY -> isArray(type) ? Verdict.FITS : incompatible("an array type");
        };
    }

    /**
     * Whether PostgreSQL expecting {@code type} (canonical) takes a value of {@code kind} as the
     * generated code binds it; used to name the parameter that made PostgreSQL reject a statement.
     */
    static boolean binds(ScalarKind kind, String type, boolean isEnum) {
        return switch (kind) {
            case INT, LONG, SHORT, DOUBLE, FLOAT, DECIMAL -> NUMBERS.contains(type);
            case BOOLEAN -> type.equals("bool");
            // pgjdbc sends strings as varchar, which PostgreSQL casts to text types only
            case STRING -> TEXT.contains(type);
            case BYTES -> type.equals("bytea");
            case INSTANT, OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_DATE_TIME -> DATES.contains(type);
            case UUID -> type.equals("uuid");
            case DURATION -> type.equals("interval");
            // bound untyped by name: PostgreSQL parses the name as whatever it expects
            case ENUM -> TEXT.contains(type) || isEnum;
            case ARRAY -> isArray(type);
        };
    }

    /** PostgreSQL names array types with a leading underscore ({@code _int8}); a cast may show {@code int8[]}. */
    private static boolean isArray(String type) {
        return type.startsWith("_") || type.endsWith("[]");
    }

    private static Verdict integer(String type, Set<String> fits, String java) {
        if (fits.contains(type)) {
            return Verdict.FITS;
        }
        if (NUMBERS.contains(type)) {
            return new Verdict.Lossy(type.equals("numeric") || type.startsWith("float")
                    ? "fractions and range (" + java + " holds whole numbers only)" : "range (" + type
                    + " holds values beyond " + java + ")");
        }
        return incompatible("an integer type");
    }

    private static Verdict exactly(String type, String expected) {
        return type.equals(expected) ? Verdict.FITS : incompatible(expected);
    }

    private static Verdict incompatible(String expected) {
        return new Verdict.Incompatible("cast the column to " + expected + " in the SQL, or change the Java type");
    }
}
