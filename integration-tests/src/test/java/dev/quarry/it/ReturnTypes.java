package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One method per result shape the processor accepts (streams and futures aside). */
@Repository
interface ReturnTypes {
    /** Read from a {@code text} column. */
    enum Category { TOOLS, GARDEN, BOOKS, TOYS }

    /** Read from the PostgreSQL enum type {@code mood}. */
    enum Mood { HAPPY, SAD, ANGRY }

    record Item(long id, String name, Category category, Mood mood, BigDecimal price, Integer qty,
                Instant createdAt, LocalDateTime localAt, LocalDate day, UUID token, Boolean active) {}

    record Note(long id, String body, int version, String tag) {}

    String ITEM_COLUMNS = "id, name, category, mood, price, qty, created_at, local_at, day, token, active";

    @Query("SELECT " + ITEM_COLUMNS + " FROM item WHERE id = :id")
    Item get(long id);

    @Query("SELECT " + ITEM_COLUMNS + " FROM item WHERE category = :category ORDER BY id")
    Item oneInCategory(Category category);

    @Query("SELECT " + ITEM_COLUMNS + " FROM item WHERE category = :category ORDER BY id")
    Optional<Item> findInCategory(Category category);

    @Query("SELECT " + ITEM_COLUMNS + " FROM item WHERE category = :category ORDER BY id")
    List<Item> inCategory(Category category);

    @Query("SELECT " + ITEM_COLUMNS + " FROM item ORDER BY id")
    List<Item> all();

    @Query("SELECT " + ITEM_COLUMNS + " FROM item ORDER BY id DESC")
    Set<Item> allNewestFirst();

    // scalars

    @Query("SELECT qty FROM item WHERE id = :id")
    int qtyOf(long id);

    @Query("SELECT count(*) FROM item")
    long countAll();

    @Query("SELECT name FROM item WHERE id = :id")
    String nameOf(long id);

    @Query("SELECT price FROM item WHERE id = :id")
    BigDecimal priceOf(long id);

    @Query("SELECT created_at FROM item WHERE id = :id")
    Instant createdAtOf(long id);

    @Query("SELECT created_at FROM item WHERE id = :id")
    OffsetDateTime createdAtWithOffsetOf(long id);

    @Query("SELECT day FROM item WHERE id = :id")
    LocalDate dayOf(long id);

    @Query("SELECT local_at FROM item WHERE id = :id")
    LocalDateTime localAtOf(long id);

    @Query("SELECT token FROM item WHERE id = :id")
    UUID tokenOf(long id);

    @Query("SELECT active FROM item WHERE id = :id")
    boolean activeOf(long id);

    @Query("SELECT payload FROM item WHERE id = :id")
    byte[] payloadOf(long id);

    @Query("SELECT category FROM item WHERE id = :id")
    Category categoryOf(long id);

    @Query("SELECT mood FROM item WHERE id = :id")
    Mood moodOf(long id);

    @Query("SELECT mood FROM item ORDER BY id")
    List<Mood> moods();

    // boxed: NULL stays null

    @Query("SELECT qty FROM item WHERE id = :id")
    Integer qtyOrNull(long id);

    @Query("SELECT qty::bigint FROM item WHERE id = :id")
    Long qtyAsLongOrNull(long id);

    @Query("SELECT qty::smallint FROM item WHERE id = :id")
    Short qtyAsShortOrNull(long id);

    @Query("SELECT qty::float8 FROM item WHERE id = :id")
    Double qtyAsDoubleOrNull(long id);

    @Query("SELECT qty::float4 FROM item WHERE id = :id")
    Float qtyAsFloatOrNull(long id);

    @Query("SELECT active FROM item WHERE id = :id")
    Boolean activeOrNull(long id);

    @Query("SELECT category FROM item WHERE id = :id")
    Category categoryOrNull(long id);

    @Query("SELECT created_at FROM item WHERE id = :id")
    Instant createdAtOrNull(long id);

    // Optional and List of scalars

    @Query("SELECT name FROM item WHERE id = :id")
    Optional<String> findName(long id);

    @Query("SELECT qty FROM item WHERE id = :id")
    Optional<Integer> findQty(long id);

    @Query("SELECT name FROM item WHERE category = :category ORDER BY id")
    Optional<String> findNameInCategory(Category category);

    @Query("SELECT name FROM item ORDER BY id")
    List<String> names();

    @Query("SELECT qty FROM item ORDER BY id")
    List<Integer> quantities();

    // DML

    @Query("INSERT INTO note (body, tag) VALUES (:body, :tag)")
    int insertNote(String body, String tag);

    @Query("UPDATE note SET tag = :to WHERE tag = :from")
    long retag(String from, String to);

    @Query("DELETE FROM note WHERE tag = :tag")
    void deleteTagged(String tag);

    @Query("INSERT INTO note (body, tag) VALUES (:body, :tag) RETURNING id, body, version, tag")
    Note addNote(String body, String tag);

    @Query("INSERT INTO note (body, tag) VALUES (:first, :tag), (:second, :tag) RETURNING id, body, version, tag")
    List<Note> addTwoNotes(String first, String second, String tag);

    @Query("INSERT INTO note (body) VALUES (:body) RETURNING id")
    long addNoteReturningId(String body);

    @Query("UPDATE note SET version = version + 1 WHERE id = :id RETURNING id, body, version, tag")
    Optional<Note> bump(long id);
}
