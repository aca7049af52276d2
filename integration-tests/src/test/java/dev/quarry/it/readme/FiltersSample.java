package dev.quarry.it.readme;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.Sort;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The README's filter and sort sample. */
final class FiltersSample {
    enum Status { ACTIVE, BLOCKED }

    record User(long id, String email, Instant createdAt) {}

    enum UserSort { EMAIL, CREATED_AT, @Column("lower(email)") EMAIL_IGNORING_CASE }

    @Repository
    interface Users {
        @Query("SELECT id, email, created_at FROM users WHERE tenant_id = :tenantId ORDER BY id")
        @Filter("status = ANY(:statuses)")
        @Filter("created_at >= :since")
        List<User> search(long tenantId, Set<Status> statuses, Optional<Instant> since, Sort<UserSort> sort);
    }

    /** Stands for a web framework's request. */
    interface Request {
        String getParameter(String name);
    }

    static void calls(Users users, Request request) {
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        users.search(5, Set.of(Status.ACTIVE), Optional.empty(), Sort.desc(UserSort.CREATED_AT).thenAsc(UserSort.EMAIL));
        users.search(5, null, Optional.of(lastWeek), Sort.parse(UserSort.class, request.getParameter("sort")));
    }

    private FiltersSample() {}
}
