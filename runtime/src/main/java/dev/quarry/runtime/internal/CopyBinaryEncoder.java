package dev.quarry.runtime.internal;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's binary COPY format and streams them to a {@link CopyIn} through a
 * fixed buffer, so memory stays bounded whatever the input size: a signature and two zero words,
 * then per row a 16-bit field count and the fields as {@link BinaryValues} writes them, and a
 * 16-bit -1 to end the data.
 */
final class CopyBinaryEncoder extends BinaryValues {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private CopyIn copy;
    /** Per column, whether it is jsonb (text sent in jsonb's binary format), and the element type of an array column. */
    private final boolean[] jsonb;
    private final int[] elementOids;

    /**
     * @param jsonb per column, whether it is a jsonb column written from text
     * @param elementOids per column, the element type OID of the column's array type, or 0
     */
    CopyBinaryEncoder(boolean[] jsonb, int[] elementOids) {
        super(MAX_INLINE);
        this.jsonb = jsonb.clone();
        this.elementOids = elementOids.clone();
    }

    @Override
    public void writeString(String value) throws SQLException {
        if (fields < jsonb.length && jsonb[fields]) {
            writeJsonb(value);
        } else {
            super.writeString(value);
        }
    }

    /** An array must carry its column's element type exactly (varchar or an enum for text, say). */
    @Override
    int arrayElementOid(String elementType) {
        int column = fields < elementOids.length ? elementOids[fields] : 0;
        return column != 0 ? column : super.arrayElementOid(elementType);
    }

    /** Begins the data of one COPY command. */
    void start(CopyIn target) {
        this.copy = target;
        this.position = 0;
        put(SIGNATURE, 0, SIGNATURE.length);
        putInt(0);
        putInt(0);
    }

    void beginRow(int columns) throws SQLException {
        ensure(2);
        putShort((short) columns);
        fields = 0;
    }

    /** Fields written since {@link #beginRow}; the caller checks it against the column count. */
    int fieldsInRow() {
        return fields;
    }

    /** Ends the data and sends what is still buffered; the caller then ends the COPY. */
    void finish() throws SQLException {
        ensure(2);
        putShort((short) -1);
        flush();
        copy = null;
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    @Override
    void ensure(int bytes) throws SQLException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    /** Sent straight after what is buffered, never copied into the buffer. */
    @Override
    void writeOversized(byte[] bytes) throws SQLException {
        flush();
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
