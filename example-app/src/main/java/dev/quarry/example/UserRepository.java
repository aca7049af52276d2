package dev.quarry.example;

import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Lookups, counts and writes on {@code users}. */
@Repository
public interface UserRepository {

    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE id = :id""")
    Optional<User> findById(long id);

    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE email = :email""")
    Optional<User> findByEmail(String email);

    /** The list binds as one {@code text[]}, so the statement is the same for any number of statuses. */
    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE tenant_id = :tenantId AND status = ANY(:statuses)
            ORDER BY id""")
    List<User> findByTenantAndStatuses(long tenantId, List<String> statuses);

    @Query("SELECT count(*) FROM users WHERE status = :status")
    long countByStatus(String status);

    /** Returns the number of rows changed: 0 means there is no such user. */
    @Query("UPDATE users SET status = :status, updated_at = now() WHERE id = :id")
    int updateStatus(long id, String status);

    @Query("""
            INSERT INTO users (tenant_id, email, status)
            VALUES (:user.tenantId, :user.email, :user.status)
            RETURNING id""")
    long insert(NewUser user);

    /** EXISTS stops at the first matching order of each user instead of joining and de-duplicating. */
    @Query("""
            SELECT u.email
            FROM users u
            WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total > :minTotal)
            ORDER BY u.id""")
    List<String> emailsWithOrderAbove(BigDecimal minTotal);

    @Query("""
            SELECT u.id, u.email,
                   (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS order_count
            FROM users u
            WHERE u.tenant_id = :tenantId
            ORDER BY order_count DESC, u.id
            LIMIT :limit""")
    List<UserOrderCount> busiestUsers(long tenantId, int limit);

    /** What a caller of {@link #search} may sort by. */
    enum UserSort { EMAIL, CREATED_AT }

    /**
     * A search screen: each filter applies when its argument is given, and the caller picks the
     * order; the statement's own {@code ORDER BY id} breaks ties.
     */
    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE tenant_id = :tenantId
            ORDER BY id
            LIMIT :limit""")
    @Filter("status = ANY(:statuses)")
    @Filter("email LIKE :emailPattern")
    List<User> search(long tenantId, List<String> statuses, Optional<String> emailPattern, Sort<UserSort> sort,
                      int limit);

    /** A tenant's users by number, with the total a pager shows; the status filter applies when given. */
    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE tenant_id = :tenantId
            ORDER BY id""")
    @Filter("status = :status")
    Page<User> page(long tenantId, String status, PageRequest page);

    /** A tenant's newest users, a keyset page at a time: the hundredth page costs what the first does. */
    @Query("""
            SELECT id, tenant_id, email, status, created_at, updated_at
            FROM users
            WHERE tenant_id = :tenantId
            ORDER BY created_at DESC, id DESC""")
    CursoredPage<User> newest(long tenantId, PageRequest page);
}
