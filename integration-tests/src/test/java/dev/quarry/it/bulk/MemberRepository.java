package dev.quarry.it.bulk;

import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.stream.Stream;

@Repository
public interface MemberRepository {
    /** On conflict only the status changes, and updated_at moves to now(). */
    @Upsert(conflict = "email", update = "status", touch = "updated_at")
    long upsertStatus(List<Member> members);

    /** Every column but the key is taken from the new row (by column or component name). */
    @Upsert(conflict = "email")
    int upsertAll(List<Member> members);

    @Upsert(conflict = "email", doNothing = true)
    long insertMissing(List<Member> members);

    /** Chunks of two, from a stream: each chunk is reduced and sorted on its own. */
    @Upsert(conflict = "email", update = {"status", "visits"}, touch = "updatedAt", chunkSize = 2)
    long upsertInPairs(Stream<Member> members);

    @Upsert(conflict = "email", update = "status", returning = {"email", "status"})
    List<Member.Key> upsertReturning(List<Member> members);

    @Upsert(conflict = "code", update = "label")
    long upsertTags(List<Tag> tags);
}
