package dev.quarry.it.pages;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Transactional;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** One table walked page by page: by number ({@link Page}, {@code List}) and by keyset ({@link CursoredPage}). */
@Repository
public interface Items {
    String COLUMNS = "SELECT id, tenant_id, name, kind, price, created_at FROM items";

    enum ItemSort { NAME, PRICE, @Column("lower(kind)") KIND }

    record Item(long id, long tenantId, String name, String kind, BigDecimal price, Instant createdAt) {}

    record KindCount(String kind, long n) {}

    record Stamped(long id, String name, Instant createdAt) {}

    record Happened(long id, String name, Instant happenedAt) {}

    /** A key that may be NULL. */
    record Ranked(long id, Integer rank) {}

    @Table("tags")
    record Tag(@Id long id, long itemId, String label) {}

    @Table("items")
    record Tagged(@Id long id, String name, Instant createdAt,
                  @Relation(parentColumn = "id", childColumn = "item_id") List<Tag> tags) {}

    // ---- by number

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    @Filter("name LIKE :prefix")
    Page<Item> page(long tenantId, Set<String> kinds, Optional<String> prefix, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    List<Item> list(long tenantId, Set<String> kinds, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    Page<Item> sorted(long tenantId, Set<String> kinds, Sort<ItemSort> sort, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    CompletableFuture<Page<Item>> pageAsync(long tenantId, Set<String> kinds, PageRequest page);

    @Query("SELECT kind, count(*) AS n FROM items WHERE tenant_id = :tenantId GROUP BY kind ORDER BY kind")
    Page<KindCount> kindCounts(long tenantId, PageRequest page);

    @Query("SELECT DISTINCT name FROM items WHERE tenant_id = :tenantId ORDER BY name")
    Page<String> names(long tenantId, PageRequest page);

    @Query("WITH mine AS (SELECT * FROM items WHERE tenant_id = :tenantId) "
            + "SELECT id, tenant_id, name, kind, price, created_at FROM mine ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    Page<Item> viaWith(long tenantId, Set<String> kinds, PageRequest page);

    /** The rows and their count in one snapshot of their own. */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    Page<Item> pageInSnapshot(long tenantId, Set<String> kinds, PageRequest page);

    @Query("INSERT INTO items (id, tenant_id, name, kind, price, created_at) "
            + "VALUES (:id, :tenantId, 'added ' || :id, 'a', 1.00, timestamptz '2025-01-01 00:00:00+00')")
    int add(long id, long tenantId);

    // ---- by keyset

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    CursoredPage<Item> feedAsc(long tenantId, Set<String> kinds, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    CompletableFuture<CursoredPage<Item>> feedAsync(long tenantId, Set<String> kinds, PageRequest page);

    /** The same statement as {@link #feedAsc} under another name: its cursors are its own. */
    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at, id")
    @Filter("kind = ANY(:kinds)")
    CursoredPage<Item> feedAscAgain(long tenantId, Set<String> kinds, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC")
    @Filter("kind = ANY(:kinds)")
    CursoredPage<Item> feedDesc(long tenantId, Set<String> kinds, PageRequest page);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY kind, created_at DESC, id")
    @Filter("kind = ANY(:kinds)")
    CursoredPage<Item> feedMixed(long tenantId, Set<String> kinds, PageRequest page);

    /** Keys of other types: text under the database's collation, and numeric. */
    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY name DESC, price, id DESC")
    CursoredPage<Item> feedByName(long tenantId, PageRequest page);

    /** Keys named with the table's alias in the statement. */
    @Query("SELECT i.id, i.name, i.created_at FROM items i WHERE i.tenant_id = :tenantId ORDER BY i.created_at, i.id")
    CursoredPage<Stamped> feedQualified(long tenantId, PageRequest page);

    /** A key under another name in the select list. */
    @Query("SELECT id, name, created_at AS happened_at FROM items WHERE tenant_id = :tenantId "
            + "ORDER BY happened_at DESC, id DESC")
    CursoredPage<Happened> feedAliased(long tenantId, PageRequest page);

    /** Parents that have a tag ending in .1, through a join. */
    @Query("SELECT i.id, i.name, i.created_at FROM items i JOIN tags t ON t.item_id = i.id "
            + "WHERE i.tenant_id = :tenantId AND t.label LIKE '%.1' ORDER BY i.created_at DESC, i.id")
    CursoredPage<Stamped> feedJoined(long tenantId, PageRequest page);

    @Query("SELECT i.id, i.name, i.created_at FROM items i JOIN tags t ON t.item_id = i.id "
            + "WHERE i.tenant_id = :tenantId AND t.label LIKE '%.1' ORDER BY i.created_at DESC, i.id")
    Page<Stamped> pageJoined(long tenantId, PageRequest page);

    @Query("SELECT id, rank FROM items WHERE tenant_id = :tenantId ORDER BY rank, id")
    CursoredPage<Ranked> byRank(long tenantId, PageRequest page);

    // ---- relations: pages of parents

    @Fetch(value = "tags", strategy = FetchStrategy.SELECT_IN)
    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at, id")
    Page<Tagged> taggedSelectIn(long tenantId, PageRequest page);

    @Fetch(value = "tags", strategy = FetchStrategy.JOINED)
    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at, id")
    Page<Tagged> taggedJoined(long tenantId, PageRequest page);

    @Fetch(value = "tags", strategy = FetchStrategy.JOINED)
    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at, id")
    List<Tagged> taggedListJoined(long tenantId, PageRequest page);

    @Fetch(value = "tags", strategy = FetchStrategy.SELECT_IN)
    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at DESC, id")
    CursoredPage<Tagged> taggedFeedSelectIn(long tenantId, PageRequest page);

    @Fetch(value = "tags", strategy = FetchStrategy.JOINED)
    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at DESC, id")
    CursoredPage<Tagged> taggedFeedJoined(long tenantId, PageRequest page);
}
