package dev.quarry.it.readme;

import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.time.Instant;

/** The README's pages sample. */
final class PagesSample {
    enum Status { ACTIVE, BLOCKED }

    enum UserSort { EMAIL, CREATED_AT }

    record User(long id, String email, Instant createdAt) {}

    @Repository
    interface Users {
        @Query("SELECT id, email, created_at FROM users WHERE tenant_id = :tenantId ORDER BY id")
        @Filter("status = :status")
        Page<User> list(long tenantId, Status status, Sort<UserSort> sort, PageRequest page);

        @Query("SELECT id, email, created_at FROM users WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC")
        CursoredPage<User> feed(long tenantId, PageRequest page);
    }

    static void calls(Users users) {
        Page<User> third = users.list(5, Status.ACTIVE, Sort.desc(UserSort.CREATED_AT), PageRequest.ofPage(3, 50));
        System.out.println(third.totalElements() + " users in " + third.totalPages() + " pages");

        CursoredPage<User> first = users.feed(5, PageRequest.ofSize(50));
        String cursor = first.nextCursor().orElseThrow();   // hand it to the client
        CursoredPage<User> second = users.feed(5, PageRequest.afterCursor(cursor, 50));
        System.out.println(second.content().size() + " more, " + (second.hasNext() ? "and more after" : "the last"));
    }

    private PagesSample() {}
}
