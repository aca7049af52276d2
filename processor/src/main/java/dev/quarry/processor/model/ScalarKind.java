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

    /** The type name {@code Connection.createArrayOf} takes for an array of these. */
    public String arrayElementType() {
        return arrayElementType;
    }
}
