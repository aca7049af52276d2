package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.it.Mapping.Born;
import dev.quarry.it.Mapping.Color;
import dev.quarry.it.Mapping.Painted;
import dev.quarry.it.Mapping.Person;
import dev.quarry.it.Mapping.Renamed;
import dev.quarry.runtime.DataException;
import dev.quarry.runtime.Database;
import dev.quarry.testing.PostgresTest;
import dev.quarry.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@PostgresTest
class MappingTest {
    private static final List<Person> PEOPLE = List.of(
            new Person(1, "Ada", "Lovelace", 1815),
            new Person(2, "Alan", "Turing", 1912),
            new Person(3, "Anon", "Ymous", null));

    private static Database db;
    private static Mapping repo;

    @BeforeAll
    static void setUp(TestDatabase database) {
        // columns deliberately not in the components' order
        database.execute("""
                CREATE TABLE person (
                    last_name text NOT NULL,
                    birth_year int,
                    person_id bigint PRIMARY KEY,
                    favorite_color text,
                    first_name text NOT NULL
                );
                """);
        Jdbc.insert(database, "INSERT INTO person (person_id, first_name, last_name, birth_year) VALUES (?, ?, ?, ?)",
                PEOPLE, (stmt, p) -> {
                    stmt.setLong(1, p.personId());
                    stmt.setString(2, p.firstName());
                    stmt.setString(3, p.lastName());
                    stmt.setObject(4, p.birthYear(), Types.INTEGER);
                });
        database.execute("UPDATE person SET favorite_color = 'GREEN' WHERE person_id = 1;"
                + "UPDATE person SET favorite_color = 'PURPLE' WHERE person_id = 2;");
        db = Databases.open(database);
        repo = db.repository(Mapping.class);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @AfterEach
    void everyConnectionReturned() throws SQLException {
        assertEquals(0, Databases.activeConnections(db));
    }

    @Test
    void snakeCaseColumnsMapToCamelCaseComponents() {
        assertEquals(PEOPLE, repo.people());
    }

    @Test
    void columnsMayComeInAnyOrder() {
        assertEquals(PEOPLE, repo.peopleColumnsShuffled());
        // SELECT * returns the table's order, which differs from the components'
        assertEquals(PEOPLE, repo.peopleStar());
    }

    @Test
    void columnAnnotationNamesTheColumn() {
        List<Renamed> expected = PEOPLE.stream()
                .map(p -> new Renamed(p.personId(), p.firstName(), p.lastName())).toList();
        assertEquals(expected, repo.renamed());
        List<Renamed> upper = PEOPLE.stream()
                .map(p -> new Renamed(p.personId(), p.firstName().toUpperCase(Locale.ROOT), p.lastName())).toList();
        assertEquals(upper, repo.renamedFromExpressions());
    }

    @Test
    void missingColumnIsAnErrorNamingIt() {
        DataException e = assertThrows(DataException.class, () -> repo.withNickname());
        assertEquals("Mapping.withNickname: the result has no column \"nickname\" for the record component that "
                + "reads it; its columns are [last_name, birth_year, person_id, favorite_color, first_name]",
                e.getMessage());
        assertEquals("Mapping.withNickname", e.method());
    }

    @Test
    void nullIntoPrimitiveComponentIsAnErrorNamingTheColumn() {
        assertEquals(new Born(1, 1815), repo.born(1));
        DataException e = assertThrows(DataException.class, () -> repo.born(3));
        assertEquals("Mapping.born: column \"birth_year\" is NULL but is read into a int; declare the component or "
                + "return type as the boxed type to accept NULL", e.getMessage());
        assertEquals("Mapping.born", e.method());
    }

    @Test
    void enumValueOutsideTheJavaEnumIsAnError() {
        assertEquals(new Painted(1, Color.GREEN), repo.painted(1));
        assertEquals(new Painted(3, null), repo.painted(3));
        DataException e = assertThrows(DataException.class, () -> repo.painted(2));
        assertEquals("Mapping.painted: column \"favorite_color\" holds 'PURPLE', which is not a constant of "
                + Color.class.getName(), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
    }
}
