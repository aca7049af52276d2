package dev.quarry.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.runtime.internal.Secrets;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password given in the JDBC URL or to {@code password(…)} appears in no message, cause or
 * stack trace of a failed {@code build()}: the URL is printed with {@code <masked>} in its place.
 */
@PostgresTest
class SecretsTest {
    private static final String SECRET = "Hunter2-s3cr3t";

    /** Everything a log would show of a failure: messages and stack traces of the whole chain. */
    private static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertNoSecret(Throwable failure) {
        String printed = printed(failure);
        assertFalse(printed.contains(SECRET), () -> "the password leaked:\n" + printed);
    }

    private static Database build(String url, String password) {
        return Database.builder().url(url).user("nobody").password(password)
                .connectionTimeout(Duration.ofMillis(500)).build();
    }

    @Test
    void aServerThatCannotBeReachedIsNamedWithTheUrlsPasswordMasked() {
        String url = "jdbc:postgresql://127.0.0.1:1/shop?user=app&password=" + SECRET + "&ssl=false";
        DataException e = assertThrows(DataException.class, () -> build(url, null));
        assertNoSecret(e);
        assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/shop?user=app&password=<masked>&ssl=false"),
                e.getMessage());
    }

    @Test
    void anUnknownDatabaseIsNamedWithTheUrlsPasswordMasked(TestDatabase database) {
        String url = database.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database$1")
                + (database.url().contains("?") ? "&" : "?") + "password=" + database.password() + SECRET;
        DataException e = assertThrows(DataException.class, () -> build(url, null));
        assertNoSecret(e);
        assertTrue(e.getMessage().contains("password=<masked>"), e.getMessage());
    }

    @Test
    void aUrlTheDriverCannotParseIsNotPrintedWithItsPassword() {
        // the pool prints a URL the driver does not accept
        String url = "jdbc:postgresql://localhost:notaport/db?password=" + SECRET;
        RuntimeException e = assertThrows(RuntimeException.class, () -> build(url, SECRET));
        assertNoSecret(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://db/shop?user=app&password=" + SECRET,
            "postgres://app:" + SECRET + "@db/shop",
            "jdbc:postgres://db/shop;password=" + SECRET})
    void aUrlOfAnotherSchemeIsRefusedWithoutItsPassword(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Database.builder().url(url));
        assertNoSecret(e);
        assertTrue(e.getMessage().contains("<masked>"), e.getMessage());
    }

    @Test
    void aReplicaUrlIsMaskedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.builder().replica("jdbc:oracle:thin:@db?password=" + SECRET, "app", null));
        assertNoSecret(e);
    }

    @Test
    void aWorkingUrlWithAPasswordStillConnects(TestDatabase database) throws SQLException {
        String url = database.url() + (database.url().contains("?") ? "&" : "?") + "password=" + database.password();
        try (Database db = Database.builder().url(url).user(database.user()).build();
             var connection = db.dataSource().getConnection()) {
            assertTrue(connection.isValid(1));
        }
    }

    @Test
    void thePasswordParameterEndsAtTheNextSeparator() {
        assertEquals(List.of("jdbc:postgresql://db/shop?password=<masked>&user=app",
                        "jdbc:postgresql://app:<masked>@db/shop",
                        "jdbc:postgresql://db/shop?sslpassword=<masked>;PASSWORD=<masked>",
                        "jdbc:postgresql://db/shop?user=app"),
                List.of(Secrets.maskUrl("jdbc:postgresql://db/shop?password=x&user=app"),
                        Secrets.maskUrl("jdbc:postgresql://app:x@db/shop"),
                        Secrets.maskUrl("jdbc:postgresql://db/shop?sslpassword=a;PASSWORD=b"),
                        Secrets.maskUrl("jdbc:postgresql://db/shop?user=app")));
    }
}
