package dev.quarry.it.search;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.it.search.People.Person;
import dev.quarry.it.search.People.PersonNotes;
import dev.quarry.it.search.People.PersonSort;
import dev.quarry.it.search.People.Status;
import dev.quarry.runtime.CursoredPage;
import dev.quarry.runtime.Page;
import dev.quarry.runtime.PageRequest;
import dev.quarry.runtime.Sort;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The search screen of {@link People}, a page at a time. */
@Repository
public interface PagedPeople {
    @Query(People.COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    List<Person> list(long tenantId, Status status, PageRequest page);

    @Query(People.COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    Page<Person> page(long tenantId, Status status, Sort<PersonSort> sort, PageRequest page);

    @Query(People.COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    CompletableFuture<Page<Person>> pageAsync(long tenantId, PageRequest page);

    @Query(People.COLUMNS + " WHERE tenant_id = :tenantId ORDER BY created_at DESC, id")
    @Filter("status = :status")
    CursoredPage<Person> feed(long tenantId, Status status, PageRequest page);

    /** NULL sorts first in a descending order: the first page ends with NULL keys. */
    @Query(People.COLUMNS + " ORDER BY score DESC, id")
    CursoredPage<Person> byScore(PageRequest page);

    @Query("SELECT id, email FROM people ORDER BY email DESC")
    @Fetch(value = "notes", strategy = FetchStrategy.JOINED)
    CursoredPage<PersonNotes> notesJoined(PageRequest page);

    @Query("SELECT id, email FROM people ORDER BY email DESC")
    @Fetch(value = "notes", strategy = FetchStrategy.SELECT_IN)
    Page<PersonNotes> notesSelectIn(PageRequest page);

    @Query("SELECT id, email FROM people ORDER BY email DESC")
    @Fetch(value = "notes", strategy = FetchStrategy.JOINED)
    Page<PersonNotes> notesJoinedPage(PageRequest page);
}
