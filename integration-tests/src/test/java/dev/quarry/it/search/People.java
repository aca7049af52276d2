package dev.quarry.it.search;

import dev.quarry.annotations.Column;
import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.annotations.Filter;
import dev.quarry.annotations.Id;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.TopPerGroup;
import dev.quarry.runtime.Sort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A search screen over {@code people}: optional criteria, a sort the caller picks. */
@Repository
public interface People {
    String COLUMNS = "SELECT id, tenant_id, email, display_name, status, score, created_at FROM people";

    enum Status { ACTIVE, BLOCKED, INVITED }

    enum PersonSort { EMAIL, CREATED_AT, @Column("lower(display_name)") NAME, SCORE }

    record Person(long id, long tenantId, String email, String displayName, Status status, Integer score,
                  Instant createdAt) {}

    @Table("notes")
    record Note(@Id long id, long personId, String body) {}

    @Table("people")
    record PersonNotes(@Id long id, String email,
                       @Relation(parentColumn = "id", childColumn = "person_id") List<Note> notes) {}

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = ANY(:statuses)")
    @Filter("created_at >= :since")
    @Filter("email ILIKE :pattern")
    @Filter("score BETWEEN :minScore AND :maxScore")
    List<Person> search(long tenantId, Set<Status> statuses, Optional<Instant> since, String pattern,
                        Integer minScore, Optional<Integer> maxScore);

    /** More filters than the generated class writes out: each set's text is built from constant pieces once. */
    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    @Filter("score >= :minScore")
    @Filter("score <= :maxScore")
    @Filter("created_at >= :since")
    @Filter("email LIKE :prefix")
    @Filter("display_name <> :notName")
    List<Person> wide(long tenantId, Status status, Integer minScore, Integer maxScore, Optional<Instant> since,
                      String prefix, String notName, Sort<PersonSort> sort);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    List<Person> sorted(long tenantId, Status status, Sort<PersonSort> sort);

    /** No WHERE and no ORDER BY of its own: both come from the filter and the sort, before the LIMIT. */
    @Query(COLUMNS + " LIMIT :limit")
    @Filter("email = :email")
    List<Person> first(Optional<String> email, Sort<PersonSort> sort, int limit);

    /** Nothing after the FROM: the filter ends the statement. */
    @Query(COLUMNS)
    @Filter("id = :id")
    List<Person> plain(Long id);

    @Query("WITH t AS (SELECT * FROM people WHERE tenant_id = :tenantId) "
            + "SELECT id, tenant_id, email, display_name, status, score, created_at FROM t ORDER BY id")
    @Filter("email LIKE :prefix || '%'")
    List<Person> viaWith(long tenantId, String prefix);

    /** An Optional outside filters: empty binds NULL. */
    @Query(COLUMNS + " WHERE status = coalesce(:status, status) ORDER BY id")
    List<Person> byOptionalStatus(Optional<Status> status);

    @Query(COLUMNS + " GROUP BY id HAVING count(*) = 1 ORDER BY id")
    @Filter("tenant_id = :tenant")
    Stream<Person> stream(Long tenant);

    @TopPerGroup(partitionBy = "tenant_id", orderBy = "created_at DESC, id DESC", limit = "2")
    @Query(COLUMNS)
    @Filter("status = :status")
    List<Person> latestPerTenant(Status status);

    @Query(COLUMNS + " WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    CompletableFuture<List<Person>> searchAsync(long tenantId, Status status);

    @Query("SELECT id, email FROM people WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    List<PersonNotes> withNotes(long tenantId, Status status, Sort<PersonSort> sort);

    @Fetch(value = "notes", strategy = FetchStrategy.JOINED)
    @Query("SELECT id, email FROM people WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    List<PersonNotes> withNotesJoined(long tenantId, Status status, Sort<PersonSort> sort);

    @Query("SELECT id, email FROM people WHERE tenant_id = :tenantId ORDER BY id")
    @Filter("status = :status")
    Stream<PersonNotes> streamWithNotes(long tenantId, Status status);
}
