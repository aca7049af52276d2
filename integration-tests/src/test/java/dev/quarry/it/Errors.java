package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** Statements that violate constraints of the schema in {@link ErrorsTest}. */
@Repository
interface Errors {
    String INSERT_MEMBER = "INSERT INTO member (id, team_id, name, email) VALUES (:id, :teamId, :name, :email)";

    @Query("INSERT INTO team (id) VALUES (:id)")
    int insertTeam(int id);

    @Query(INSERT_MEMBER)
    int insertMember(int id, int teamId, String name, String email);

    @Query("UPDATE member SET age = :age WHERE id = :id")
    int setAge(int id, int age);

    @Query("SELECT 1 / :zero")
    int divide(int zero);
}
