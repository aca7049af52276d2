package dev.quarry.it.readme.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's test sample, run as it stands there. */
@PostgresTest
class UserRepositoryTest {
    static Database db;

    @BeforeAll
    static void open(TestDatabase database) {
        database.execute("CREATE TABLE users (id bigserial PRIMARY KEY, name text NOT NULL)");
        db = Database.of(database.dataSource());
    }

    @Test
    void findsByName(TestDatabase database) {
        database.execute("INSERT INTO users (name) VALUES ('ann')");
        UserRepository users = db.repository(UserRepository.class);
        assertEquals("ann", users.findByName("ann").orElseThrow().name());
    }
}
