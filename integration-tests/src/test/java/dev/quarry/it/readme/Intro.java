package dev.quarry.it.readme;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.runtime.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The README's first sample. */
final class Intro {
    enum Status { ACTIVE, BLOCKED }

    @Table("users")
    public record User(@Id long id, String email, Status status, Instant createdAt) {}

    @Repository
    public interface UserRepository {
        @Query("SELECT id, email, status, created_at FROM users WHERE id = :id")
        Optional<User> findById(long id);

        @Query("SELECT id, email, status, created_at FROM users WHERE tenant_id = :tenantId AND status IN (:statuses)")
        List<User> findByStatus(long tenantId, Set<Status> statuses);

        @Query("UPDATE users SET status = :status, updated_at = now() WHERE id = :id")
        int setStatus(long id, Status status);
    }

    static void run() {
        try (Database db = Database.builder().url("jdbc:postgresql://localhost/shop").user("shop").password("…").build()) {
            UserRepository users = db.repository(UserRepository.class);
            users.findById(42).ifPresent(System.out::println);
            db.transaction(Isolation.SERIALIZABLE, 3, () -> users.setStatus(42, Status.BLOCKED));
        }
    }

    private Intro() {}
}
