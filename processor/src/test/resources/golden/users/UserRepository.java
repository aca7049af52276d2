package example.users;

import dev.quarry.annotations.Bind;
import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

@Repository
public interface UserRepository {
    @Query("SELECT id, email, display_name, status, created_at FROM users WHERE id = :id")
    User findById(long id);

    @Query("SELECT id, email, display_name, status, created_at FROM users WHERE email = :email")
    Optional<User> findByEmail(String email);

    @Query("SELECT id, email, display_name, status, created_at FROM users WHERE id IN (:ids) ORDER BY id")
    List<User> findAll(List<Long> ids);

    @Query("SELECT DISTINCT status FROM users WHERE created_at >= :since")
    Set<UserStatus> statusesSince(Instant since);

    @Query("SELECT count(*) FROM users WHERE status = :status")
    long countByStatus(UserStatus status);

    @Query("SELECT display_name FROM users WHERE id = :id")
    Optional<String> nameOf(@Bind("id") long userId);

    @Query("INSERT INTO users (email, display_name, status) VALUES (:user.email, :user.name, :user.status) RETURNING id")
    long insert(NewUser user);

    @Query("UPDATE users SET status = :status WHERE id = ANY(:ids)")
    int setStatus(UserStatus status, long[] ids);

    @Query("UPDATE users SET last_seen = now() WHERE external_id NOT IN (:keep)")
    long touchAllBut(Set<UUID> keep);

    @Query("DELETE FROM users WHERE id = :id")
    void delete(long id);

    @FetchSize(500)
    @Query("SELECT id, email, display_name, status, created_at FROM users WHERE created_at >= :since ORDER BY id")
    Stream<User> streamSince(Instant since);
}
