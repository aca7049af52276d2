package dev.quarry.processor.model;

/** The column values Quarry reads and binds, each with the PostgreSQL element type of its arrays. */
public enum ScalarKind {
    INT("int4"),
    LONG("int8"),
    SHORT("int2"),
    DOUBLE("float8"),
    FLOAT("float4"),
    BOOLEAN("bool"),
    STRING("text"),
    DECIMAL("numeric"),
    INSTANT("timestamptz"),
    OFFSET_DATE_TIME("timestamptz"),
    LOCAL_DATE("date"),
    LOCAL_DATE_TIME("timestamp"),
    UUID("uuid"),
    /** {@code java.time.Duration} ↔ {@code interval}: exact time, so an interval with months is refused on read. */
    DURATION("interval"),
    BYTES("bytea"),
    /** Bound and read by constant name, as text (which PostgreSQL also casts to and from its enum types). */
    ENUM("text"),
    /** A {@code List} of one of the kinds above, read from and bound as a PostgreSQL array. */
    ARRAY(null);

    private final String arrayElementType;

    ScalarKind(String arrayElementType) {
        this.arrayElementType = arrayElementType;
    }

    /**
     * What the names of typed accessors end with for this kind: {@code setLong}, {@code putInstant},
     * {@code getUuid}; {@code null} for bytes and arrays, which have none of their own.
     */
    public String accessorSuffix() {
        return switch (this) {
            case INT -> "Int";
            case LONG -> "Long";
            case SHORT -> "Short";
            case DOUBLE -> "Double";
            case FLOAT -> "Float";
            case BOOLEAN -> "Boolean";
            case STRING -> "String";
            case DECIMAL -> "Decimal";
            case INSTANT -> "Instant";
            case OFFSET_DATE_TIME -> "OffsetDateTime";
            case LOCAL_DATE -> "LocalDate";
            case LOCAL_DATE_TIME -> "LocalDateTime";
            case UUID -> "Uuid";
            case DURATION -> "Duration";
            case ENUM -> "Enum";
            case BYTES, ARRAY -> null;
        };
    }

    /** The type name {@code Connection.createArrayOf} takes for an array of these. */
    public String arrayElementType() {
        return arrayElementType;
    }
}
