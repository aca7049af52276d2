package dev.quarry.it.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.SqlCapture;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.internal.SqlErrors;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A chunk is bounded by bytes as well as rows: 70 rows of 1 MiB of text, which the default chunk
 * size of 10 000 rows would send in one statement, go in statements of about 64 MiB each (PostgreSQL
 * refuses a message of 1 GB). One string is shared by every row, so the test's heap stays small.
 */
@PostgresTest
class LargeValuesTest {
    private static final int ROWS = 70;
    private static final String MEBIBYTE;

    static {
        char[] text = new char[1 << 20];
        Arrays.fill(text, 'x');
        MEBIBYTE = new String(text);
    }

    private static TestDatabase testDb;
    private static Database db;
    private static BlobRepository repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        testDb = database;
        database.execute(Blob.DDL);
        db = BulkJdbc.open(database, 1);
        repo = db.repository(BlobRepository.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        testDb.execute("TRUNCATE blobs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"insert", "values", "upsert"})
    void largeValuesGoInStatementsOfAbout64MiB(String method) {
        List<Blob> rows = LongStream.rangeClosed(1, ROWS).mapToObj(id -> new Blob(id, MEBIBYTE)).toList();
        try (SqlCapture sql = new SqlCapture()) {
            long written = switch (method) {
                case "insert" -> repo.insert(rows);
                case "values" -> repo.values(rows);
                default -> repo.upsert(rows);
            };
            assertEquals(ROWS, written);
            // 64 rows reach 64 MiB: 64 + 6
            assertEquals(2, sql.statements("BlobRepository." + method).size(), sql.statements("BlobRepository." + method).toString());
        }
        assertEquals(List.of(String.valueOf(ROWS), String.valueOf((long) ROWS << 20), "1", String.valueOf(ROWS)),
                BulkJdbc.row(testDb, "SELECT count(*), sum(length(body)), count(DISTINCT body), max(id) FROM blobs"));
    }

    /**
     * pgjdbc refuses a bind message over 1 GB as "Unable to bind parameter values"; only its cause
     * says why. A stream declared that long makes the driver refuse it without sending a byte.
     */
    @Test
    void aFailureTheDriverWrapsNamesItsCause() throws SQLException {
        try (Connection conn = testDb.dataSource().getConnection();
             PreparedStatement stmt = conn.prepareStatement("SELECT ?::bytea")) {
            stmt.setBinaryStream(1, new ByteArrayInputStream(new byte[1]), 0x40000000);
            SQLException e = assertThrows(SQLException.class, stmt::executeQuery);
            String message = SqlErrors.translate(e, "BlobRepository.insert", "SELECT ?::bytea").getMessage();
            assertTrue(message.contains("Unable to bind parameter values")
                    && message.contains("Cause: Bind message length ") && message.contains(" too long"), message);
        }
    }
}
