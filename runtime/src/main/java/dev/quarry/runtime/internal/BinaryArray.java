package dev.quarry.runtime.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * One PostgreSQL array in binary form: a 20-byte header (one dimension, its length, lower bound
 * 1), then the elements as {@link BinaryValues} encodes them, in a buffer that grows as needed
 * and can be reused. UNNEST binds one per column; array parameters of dates and times are built
 * with it so that their elements are encoded as the same values bound alone are.
 */
final class BinaryArray extends BinaryValues {
    /** The element and array type OIDs of the arrays a column can become (pg_type.oid). */
    enum Type {
        INT4(23, 1007), INT8(20, 1016), INT2(21, 1005), FLOAT8(701, 1022), FLOAT4(700, 1021), BOOL(16, 1000),
        TEXT(25, 1009), NUMERIC(1700, 1231), TIMESTAMPTZ(1184, 1185), TIMESTAMP(1114, 1115), DATE(1082, 1182),
        UUID(2950, 2951), BYTEA(17, 1001), INTERVAL(1186, 1187);

        final int oid;
        final int arrayOid;

        Type(int oid, int arrayOid) {
            this.oid = oid;
            this.arrayOid = arrayOid;
        }

        /** The type for date and time elements ({@code "date"}, …), {@code null} for others. */
        static Type temporal(String elementType) {
            return switch (elementType) {
                case "date" -> DATE;
                case "timestamp" -> TIMESTAMP;
                case "timestamptz" -> TIMESTAMPTZ;
                default -> null;
            };
        }
    }

    private static final int HEADER = 20;
    /** The array's type, or {@code null} for one built with an element OID alone. */
    final Type type;
    private final int elementOid;

    BinaryArray(Type type, int capacity) {
        this(type, type.oid, capacity);
    }

    /** An array of elements of {@code elementOid}, which the caller encodes as that type's binary input reads them. */
    BinaryArray(int elementOid, int capacity) {
        this(null, elementOid, capacity);
    }

    private BinaryArray(Type type, int elementOid, int capacity) {
        super(Math.max(HEADER, capacity));
        this.type = type;
        this.elementOid = elementOid;
        this.position = HEADER;
    }

    @Override
    void ensure(int bytes) {
        if (position + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, position + bytes));
        }
    }

    @Override
    void writeOversized(byte[] bytes) {
        ensure(bytes.length);
        put(bytes, 0, bytes.length);
    }

    void clear() {
        position = HEADER;
        fields = 0;
        nulls = 0;
    }

    /** A {@code LocalDate}, {@code LocalDateTime}, {@code Instant} or {@code OffsetDateTime}, or NULL. */
    void writeTemporal(Object value) throws SQLException {
        if (value instanceof LocalDate date) {
            writeLocalDate(date);
        } else if (value instanceof LocalDateTime dateTime) {
            writeLocalDateTime(dateTime);
        } else if (value instanceof Instant instant) {
            writeInstant(instant);
        } else if (value instanceof OffsetDateTime offsetDateTime) {
            writeOffsetDateTime(offsetDateTime);
        } else if (value == null) {
            writeInstant(null);
        } else {
            throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
        }
    }

    /** The array in binary form: header filled in, elements as written; no dimension when empty. */
    byte[] toBytes() {
        if (fields == 0) {
            // PostgreSQL's empty array has no dimensions
            position = 0;
            putInt(0);
            putInt(0);
            putInt(elementOid);
            return Arrays.copyOf(buffer, 12);
        }
        int end = position;
        position = 0;
        putInt(1);
        putInt(nulls > 0 ? 1 : 0);
        putInt(elementOid);
        putInt(fields);
        putInt(1);
        position = end;
        return Arrays.copyOf(buffer, end);
    }
}
