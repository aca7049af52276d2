package dev.quarry.it;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

/** How result columns find record components. */
@Repository
interface Mapping {
    enum Color { RED, GREEN }

    /** Components map to lower_snake_case columns. */
    record Person(long personId, String firstName, String lastName, Integer birthYear) {}

    /** {@code @Column} names a column that is not the component's snake_case name. */
    record Renamed(long personId, @Column("first_name") String given, @Column("last_name") String surname) {}

    /** {@code nickname} is not a column of {@code person}. */
    record WithNickname(long personId, String firstName, String nickname) {}

    /** {@code birthYear} is primitive, but the column is nullable. */
    record Born(long personId, int birthYear) {}

    record Painted(long personId, Color favoriteColor) {}

    @Query("SELECT person_id, first_name, last_name, birth_year FROM person ORDER BY person_id")
    List<Person> people();

    @Query("SELECT birth_year, last_name, person_id, first_name FROM person ORDER BY person_id")
    List<Person> peopleColumnsShuffled();

    @Query("SELECT * FROM person ORDER BY person_id")
    List<Person> peopleStar();

    @Query("SELECT person_id, first_name, last_name FROM person ORDER BY person_id")
    List<Renamed> renamed();

    @Query("SELECT p.person_id, upper(p.first_name) AS first_name, p.last_name FROM person p ORDER BY p.person_id")
    List<Renamed> renamedFromExpressions();

    @Query("SELECT * FROM person ORDER BY person_id")
    List<WithNickname> withNickname();

    @Query("SELECT person_id, birth_year FROM person WHERE person_id = :id")
    Born born(long id);

    @Query("SELECT person_id, favorite_color FROM person WHERE person_id = :id")
    Painted painted(long id);
}
