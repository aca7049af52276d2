package dev.quarry.it.reliability;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Upsert;
import java.util.List;
import java.util.Optional;

/** One method per way a value can reach a statement. */
@Repository
public interface Injection {
    @Query("INSERT INTO users (id, name, note, role) VALUES (:id, :name, :note, :role)")
    int add(long id, String name, String note, Member.Role role);

    @Query("INSERT INTO users (id, name, note, role) VALUES (:m.id, :m.name, :m.note, :m.role)")
    int addRecord(Member m);

    @Query("UPDATE users SET tags = :tags WHERE id = :id")
    int setTags(long id, List<String> tags);

    @Insert(strategy = InsertStrategy.COPY)
    long copy(List<Member> members);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnest(List<Member> members);

    @Insert(strategy = InsertStrategy.BATCH)
    long batch(List<Member> members);

    @Upsert(conflict = "id")
    long upsert(List<Member> members);

    @Batch
    @Query("UPDATE users SET note = :name WHERE id = :id")
    long copyNameToNote(List<Member> members);

    @Query("SELECT id, name, note, role FROM users WHERE name = :name")
    List<Member> byName(String name);

    @Query("SELECT id FROM users WHERE name = ANY(:names) ORDER BY id")
    List<Long> idsByNames(List<String> names);

    @Query("SELECT id FROM users WHERE name IN (:names) ORDER BY id")
    List<Long> idsByNamesIn(List<String> names);

    @Query("SELECT id FROM users WHERE role = :role ORDER BY id")
    List<Long> idsByRole(Member.Role role);

    @Query("SELECT id, name, note, role FROM users WHERE id = :id")
    Optional<Member> find(long id);

    @Query("SELECT :value")
    String echo(String value);

    @Query("SELECT count(*) FROM users")
    long count();
}
