package dev.quarry.example.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example's whole run, line by line, on a database of its own. */
@PostgresTest
class ShopApplicationTest {
    @Test
    void printsWhatItDid(TestDatabase database) {
        database.execute(ShopApplication.SCHEMA);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ShopApplication.run(database, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(List.of(
                "registered 3 customers in a Spring @Transactional method",
                "purchase 1 committed: purchases 1, ann spent 42.50",
                "purchase 2 rolled back (purchase 2 of 900.00 is over the limit of 500.00): purchases 1, ann spent 42.50",
                "Spring's @Transactional inside db.transaction: one transaction",
                "a stream inside a Spring transaction saw 4 customers, its uncommitted one included; after the "
                        + "rollback there are 3",
                "connections still borrowed: 0"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(1, database.queryLong("SELECT count(*) FROM purchases"));
    }
}
