package example.search;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.Sort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
public interface UserSearch {
    enum UserSort { EMAIL, CREATED_AT, @Column("lower(display_name)") NAME }

    record User(long id, String email, String displayName, String status, Instant createdAt) {}

    @Query("SELECT id, email, display_name, status, created_at FROM users WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = ANY(:statuses)")
    @Filter("created_at >= :since")
    @Filter("email ILIKE :pattern")
    List<User> search(long tenantId, Set<String> statuses, Optional<Instant> since, String pattern,
                      Sort<UserSort> sort);
}
