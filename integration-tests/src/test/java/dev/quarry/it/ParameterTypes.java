package dev.quarry.it;

import dev.quarry.annotations.Bind;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** One method per way a parameter binds. */
@Repository
interface ParameterTypes {
    enum Category { TOOLS, GARDEN, BOOKS }

    enum Mood { HAPPY, SAD, ANGRY }

    /** Every column of {@code val} but {@code bytes}, which has no useful {@code equals}. */
    record Val(int id, Integer i, Long l, Short sh, Double db, Float fl, Boolean b, String s, BigDecimal d,
               Instant ts, OffsetDateTime odt, LocalDate ld, LocalDateTime ldt, UUID u, Category cat, Mood mood) {}

    // scalars

    @Query("INSERT INTO val (id, i, l, sh, db, fl, b) VALUES (:id, :i, :l, :sh, :db, :fl, :b)")
    int insertPrimitives(int id, int i, long l, short sh, double db, float fl, boolean b);

    @Query("""
            INSERT INTO val (id, i, l, sh, db, fl, b, s, d, ts, odt, ld, ldt, u, bytes, cat, mood)
            VALUES (:id, :i, :l, :sh, :db, :fl, :b, :s, :d, :ts, :odt, :ld, :ldt, :u, :bytes, :cat, :mood)
            """)
    int insertReferences(int id, Integer i, Long l, Short sh, Double db, Float fl, Boolean b, String s, BigDecimal d,
                         Instant ts, OffsetDateTime odt, LocalDate ld, LocalDateTime ldt, UUID u, byte[] bytes,
                         Category cat, Mood mood);

    // records

    @Query("""
            INSERT INTO val (id, i, l, sh, db, fl, b, s, d, ts, odt, ld, ldt, u, cat, mood)
            VALUES (:v.id, :v.i, :v.l, :v.sh, :v.db, :v.fl, :v.b, :v.s, :v.d, :v.ts, :v.odt, :v.ld, :v.ldt, :v.u,
                    :v.cat, :v.mood)
            """)
    int insertRecord(Val v);

    @Query("UPDATE val SET s = :row.s WHERE id = :row.id")
    int updateS(@Bind("row") Val value);

    // @Bind and repeated names

    @Query("SELECT s FROM val WHERE id = :key")
    String sByKey(@Bind("key") int id);

    @Query("SELECT :x || '/' || :x")
    String twice(String x);

    // collections and arrays, bound as one PostgreSQL array

    @Query("SELECT id FROM entry WHERE id = ANY(:ids) ORDER BY id")
    List<Integer> idsInList(List<Integer> ids);

    @Query("SELECT id FROM entry WHERE id = ANY(:ids) ORDER BY id")
    List<Integer> idsInSet(Set<Integer> ids);

    @Query("SELECT id FROM entry WHERE id = ANY(:ids) ORDER BY id")
    List<Integer> idsInCollection(Collection<Integer> ids);

    @Query("SELECT id FROM entry WHERE id = ANY(:ids) ORDER BY id")
    List<Integer> idsInIntArray(int[] ids);

    @Query("SELECT id FROM entry WHERE big = ANY(:bigs) ORDER BY id")
    List<Integer> idsByBig(long[] bigs);

    @Query("SELECT id FROM entry WHERE big = ANY(:bigs) ORDER BY id")
    List<Integer> idsByBigVarargs(long... bigs);

    @Query("SELECT id FROM entry WHERE label = ANY(:labels) ORDER BY id")
    List<Integer> idsByLabel(String[] labels);

    @Query("SELECT id FROM entry WHERE token = ANY(:tokens) ORDER BY id")
    List<Integer> idsByToken(List<UUID> tokens);

    @Query("SELECT id FROM entry WHERE day = ANY(:days) ORDER BY id")
    List<Integer> idsByDay(List<LocalDate> days);

    @Query("SELECT id FROM entry WHERE cat = ANY(:cats) ORDER BY id")
    List<Integer> idsByCategory(List<Category> cats);

    @Query("SELECT id FROM entry WHERE mood = ANY(:moods) ORDER BY id")
    List<Integer> idsByMood(List<Mood> moods);

    @Query("SELECT id FROM entry WHERE id IN (:ids) ORDER BY id")
    List<Integer> idsIn(List<Integer> ids);

    @Query("SELECT id FROM entry WHERE id NOT IN (:ids) ORDER BY id")
    List<Integer> idsNotIn(List<Integer> ids);

    /** A single scalar in {@code IN (…)} stays a plain parameter. */
    @Query("SELECT id FROM entry WHERE id IN (:id) ORDER BY id")
    List<Integer> idsInScalar(int id);

    // arrays of every element type, unpacked again by PostgreSQL in their original order

    String UNNEST = "SELECT v FROM unnest(:values) WITH ORDINALITY AS t(v, n) ORDER BY n";

    @Query(UNNEST)
    List<Integer> unnestInts(List<Integer> values);

    @Query(UNNEST)
    List<Long> unnestLongs(Long[] values);

    @Query(UNNEST)
    List<Short> unnestShorts(List<Short> values);

    @Query(UNNEST)
    List<Double> unnestDoubles(List<Double> values);

    @Query(UNNEST)
    List<Float> unnestFloats(List<Float> values);

    @Query(UNNEST)
    List<Boolean> unnestBooleans(List<Boolean> values);

    @Query(UNNEST)
    List<String> unnestStrings(List<String> values);

    @Query(UNNEST)
    List<BigDecimal> unnestDecimals(List<BigDecimal> values);

    @Query(UNNEST)
    List<Instant> unnestInstants(List<Instant> values);

    @Query(UNNEST)
    List<OffsetDateTime> unnestOffsetDateTimes(List<OffsetDateTime> values);

    @Query(UNNEST)
    List<LocalDate> unnestDates(List<LocalDate> values);

    @Query(UNNEST)
    List<LocalDateTime> unnestDateTimes(List<LocalDateTime> values);

    @Query(UNNEST)
    List<UUID> unnestUuids(UUID[] values);

    /**
     * Enum arrays bind without a type, so that they compare with text and PostgreSQL enum columns
     * alike; where nothing implies the type, the SQL names it.
     */
    @Query("SELECT v FROM unnest(:values::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n")
    List<Category> unnestCategories(List<Category> values);

    @Query("INSERT INTO tagged (id, labels) VALUES (:id, :labels)")
    int tag(int id, List<String> labels);
}
