package dev.quarry.it.readme.testing;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.Optional;

/** The repository of the README's test sample. */
@Repository
public interface UserRepository {
    record User(long id, String name) {}

    @Query("SELECT id, name FROM users WHERE name = :name")
    Optional<User> findByName(String name);
}
