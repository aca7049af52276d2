package example.pages;

import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.time.Instant;
import java.util.List;

@Repository
public interface ItemPages {
    enum ItemSort { NAME, CREATED_AT }

    record Item(long id, String name, Instant createdAt) {}

    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY id")
    List<Item> list(long tenantId, PageRequest page);

    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("name ILIKE :pattern")
    Page<Item> search(long tenantId, String pattern, Sort<ItemSort> sort, PageRequest page);

    @Query("SELECT id, name, created_at FROM items WHERE tenant_id = :tenantId ORDER BY created_at DESC, id DESC")
    CursoredPage<Item> feed(long tenantId, PageRequest page);

    @Query("SELECT id, name, created_at FROM items ORDER BY name, id DESC")
    @Filter("tenant_id = :tenantId")
    CursoredPage<Item> byName(Long tenantId, PageRequest page);
}
