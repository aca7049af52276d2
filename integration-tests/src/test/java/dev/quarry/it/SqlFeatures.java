package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.time.Instant;
import java.util.List;

/** SQL the parser must leave alone while it finds the named parameters. */
@Repository
interface SqlFeatures {
    record RankedEvent(long id, int tenantId, Instant createdAt, long tenantRank) {}

    record TenantCount(int tenantId, long events) {}

    record TenantSummary(int id, String name, long events) {}

    @Query("SELECT :n::int + 1")
    int castPlusOne(String n);

    @Query("SELECT CAST(:n AS bigint) * 2")
    long castTwice(String n);

    @Query("SELECT ':notaparam' || :x || 'it''s :also_not' || E'\\' :nor_this' || $$:dollar$$ || $q$:tagged$q$")
    String literals(String x);

    @Query("""
            SELECT :x -- a line comment with :x and :notaparam
                   /* a block comment /* nested */ with :notaparam */ || 'end'
            """)
    String comments(String x);

    @Query("SELECT \"a:b\" FROM (SELECT 1 AS \"a:b\") AS quoted")
    int quotedIdentifier();

    @Query("""
            SELECT t.id FROM tenant t
            WHERE EXISTS (SELECT 1 FROM tenant_event e WHERE e.tenant_id = t.id AND e.kind = :kind)
            ORDER BY t.id
            """)
    List<Integer> tenantsWithEventKind(String kind);

    @Query("""
            SELECT t.id, t.name, (SELECT count(*) FROM tenant_event e WHERE e.tenant_id = t.id) AS events
            FROM tenant t
            ORDER BY t.id
            """)
    List<TenantSummary> tenantSummaries();

    @Query("""
            SELECT id, tenant_id, created_at,
                   row_number() OVER (PARTITION BY tenant_id ORDER BY created_at DESC) AS tenant_rank
            FROM tenant_event
            ORDER BY id
            """)
    List<RankedEvent> rankedEvents();

    @Query("""
            WITH recent AS (
                SELECT tenant_id FROM tenant_event WHERE created_at >= :since
            )
            SELECT tenant_id, count(*) AS events FROM recent GROUP BY tenant_id ORDER BY tenant_id
            """)
    List<TenantCount> recentCounts(Instant since);

    @Query("""
            WITH gone AS (DELETE FROM scratch WHERE n < :below RETURNING n)
            INSERT INTO scratch_log (n) SELECT n FROM gone
            """)
    int moveBelow(int below);

    @Query("SELECT id FROM tenant_event WHERE payload ?? :key ORDER BY id")
    List<Long> eventsWithKey(String key);

    @Query("SELECT id FROM tenant_event WHERE payload ?| :keys ORDER BY id")
    List<Long> eventsWithAnyKey(String[] keys);

    @Query("SELECT id FROM tenant_event WHERE payload ?& :keys ORDER BY id")
    List<Long> eventsWithAllKeys(List<String> keys);
}
