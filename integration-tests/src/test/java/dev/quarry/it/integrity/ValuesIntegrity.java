package dev.quarry.it.integrity;

import dev.quarry.annotations.Batch;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Values at the edges of what PostgreSQL and Java hold, on every path they are bound, written or read. */
@Repository
public interface ValuesIntegrity {
    String DDL = """
            CREATE TABLE vi_amounts (id int PRIMARY KEY, amount numeric);
            CREATE TABLE vi_moments (id int PRIMARY KEY, ts timestamptz);
            CREATE TABLE vi_days (id int PRIMARY KEY, d date, ldt timestamp, ts timestamptz);
            CREATE TABLE vi_lists (id int PRIMARY KEY, scores bigint[], labels text[]);
            """;

    @Table("vi_amounts")
    record Amount(int id, BigDecimal amount) {}

    @Table("vi_moments")
    record Moment(int id, Instant ts) {}

    record Lists(int id, List<Long> scores, List<String> labels) {}

    enum Shade { LIGHT, DARK }

    record Ints(List<Integer> v) {}

    record Shorts(List<Short> v) {}

    record Longs(List<Long> v) {}

    record Strings(List<String> v) {}

    record Count(int n) {}

    record BoxedCount(Integer n) {}

    record Day(LocalDate d) {}

    // numbers read from arrays of a wider type

    @Query("SELECT ARRAY[1, 5000000000]::int8[] AS v")
    Ints intsFromBigints();

    @Query("SELECT ARRAY[1, -2147483648, 2147483647, NULL]::int8[] AS v")
    Ints intsThatFit();

    @Query("SELECT ARRAY[1, 40000]::int4[] AS v")
    Shorts shortsFromInts();

    @Query("SELECT ARRAY[1.0, 1.9]::numeric[] AS v")
    Longs longsFromFractions();

    @Query("SELECT ARRAY[1.0, 2, 9223372036854775807]::numeric[] AS v")
    Longs longsFromWholeNumerics();

    @Query("SELECT ARRAY[1, 99999999999999999999]::numeric[] AS v")
    Longs longsFromHugeNumerics();

    // values of another type than the component's

    @Query("SELECT ARRAY[1, 2]::int4[] AS v")
    Strings stringsFromInts();

    @Query("SELECT ARRAY[[1, 2], [3, 4]]::int8[] AS v")
    Longs longsFromTwoDimensions();

    @Query("SELECT 'The Snowman'::text AS n")
    Count countFromText();

    @Query("SELECT 'The Snowman'::text AS n")
    BoxedCount boxedCountFromText();

    @Query("SELECT 'The Snowman'::text AS n")
    int intFromText();

    @Query("SELECT 'The Snowman'::text AS d")
    Day dayFromText();

    // numeric at and beyond PostgreSQL's limits

    @Query("INSERT INTO vi_amounts (id, amount) VALUES (:id, :amount)")
    int addAmount(int id, BigDecimal amount);

    @Query("INSERT INTO vi_amounts (id, amount) VALUES (:a.id, :a.amount)")
    int addAmountRecord(Amount a);

    @Insert(strategy = InsertStrategy.COPY)
    long copyAmounts(List<Amount> amounts);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnestAmounts(List<Amount> amounts);

    @Insert(strategy = InsertStrategy.BATCH)
    long valuesAmounts(List<Amount> amounts);

    @Batch
    @Query("INSERT INTO vi_amounts (id, amount) VALUES (:id, :amount)")
    long batchAmounts(List<Amount> amounts);

    @Query("SELECT amount::text FROM vi_amounts WHERE id = :id")
    Optional<String> amountText(int id);

    @Query("SELECT amount FROM vi_amounts WHERE id = :id")
    BigDecimal amount(int id);

    @Query("SELECT count(*) FROM vi_amounts")
    long amounts();

    @Query("SELECT count(*) FROM vi_amounts WHERE amount = ANY(:amounts)")
    long countAmounts(List<BigDecimal> amounts);

    // timestamps: infinity and the ends of Instant

    @Query("SELECT 'infinity'::timestamptz AS ts")
    Instant infinity();

    @Query("SELECT '-infinity'::timestamptz AS ts")
    Instant minusInfinity();

    @Query("INSERT INTO vi_moments (id, ts) VALUES (:id, :ts)")
    int addMoment(int id, Instant ts);

    @Query("INSERT INTO vi_moments (id, ts) VALUES (:m.id, :m.ts)")
    int addMomentRecord(Moment m);

    @Insert(strategy = InsertStrategy.COPY)
    long copyMoments(List<Moment> moments);

    @Insert(strategy = InsertStrategy.UNNEST)
    long unnestMoments(List<Moment> moments);

    @Insert(strategy = InsertStrategy.BATCH)
    long valuesMoments(List<Moment> moments);

    @Query("SELECT ts::text FROM vi_moments WHERE id = :id")
    String momentText(int id);

    @Query("SELECT ts FROM vi_moments WHERE id = :id")
    Instant moment(int id);

    @Query("SELECT id FROM vi_moments WHERE ts = ANY(:ts) ORDER BY id")
    List<Integer> momentsAt(List<Instant> ts);

    @Query("SELECT count(*) FROM vi_moments")
    long moments();

    // dates and times compared one at a time and as array elements

    @Query("INSERT INTO vi_days (id, d, ldt, ts) VALUES (:id, :d, :ldt, :ts)")
    int addDay(int id, LocalDate d, LocalDateTime ldt, Instant ts);

    @Query("SELECT id FROM vi_days WHERE d = :d ORDER BY id")
    List<Integer> byDate(LocalDate d);

    @Query("SELECT id FROM vi_days WHERE d = ANY(:ds) ORDER BY id")
    List<Integer> byDates(List<LocalDate> ds);

    @Query("SELECT id FROM vi_days WHERE ldt = :ldt ORDER BY id")
    List<Integer> byDateTime(LocalDateTime ldt);

    @Query("SELECT id FROM vi_days WHERE ldt = ANY(:ldts) ORDER BY id")
    List<Integer> byDateTimes(List<LocalDateTime> ldts);

    @Query("SELECT id FROM vi_days WHERE ts = :ts ORDER BY id")
    List<Integer> byInstant(Instant ts);

    @Query("SELECT id FROM vi_days WHERE ts = ANY(:ts) ORDER BY id")
    List<Integer> byInstants(List<Instant> ts);

    @Query("SELECT id FROM vi_days WHERE ts = :ts ORDER BY id")
    List<Integer> byOffsetDateTime(OffsetDateTime ts);

    @Query("SELECT id FROM vi_days WHERE ts = ANY(:ts) ORDER BY id")
    List<Integer> byOffsetDateTimes(OffsetDateTime[] ts);

    @Query("SELECT d FROM vi_days WHERE id = :id")
    LocalDate date(int id);

    @Query("SELECT ldt FROM vi_days WHERE id = :id")
    LocalDateTime dateTime(int id);

    @Query("SELECT ts FROM vi_days WHERE id = :id")
    Instant instant(int id);

    // null elements of collection parameters

    @Query("SELECT n FROM generate_series(1, 3) AS n WHERE n IN (:ids) ORDER BY n")
    List<Integer> in(List<Integer> ids);

    @Query("SELECT n FROM generate_series(1, 3) AS n WHERE n NOT IN (:ids) ORDER BY n")
    List<Integer> notIn(List<Integer> ids);

    @Query("SELECT n FROM generate_series(1, 3) AS n WHERE n = ANY(:ids) ORDER BY n")
    List<Integer> any(Long[] ids);

    @Query("SELECT n FROM generate_series(1, 3) AS n WHERE n <> ALL(:ids) ORDER BY n")
    List<Integer> notAny(List<Long> ids);

    @Query("SELECT s FROM unnest(ARRAY['LIGHT', 'DARK']) AS s WHERE s = ANY(:shades) ORDER BY s")
    List<String> shades(List<Shade> shades);

    @Query("SELECT d FROM unnest(ARRAY['2024-01-01'::date]) AS d WHERE d = ANY(:days)")
    List<LocalDate> days(List<LocalDate> days);

    // a record's list component is data: its NULL elements are kept

    @Query("INSERT INTO vi_lists (id, scores, labels) VALUES (:l.id, :l.scores, :l.labels)")
    int addLists(Lists l);

    @Query("SELECT id, scores, labels FROM vi_lists WHERE id = :id")
    Lists lists(int id);
}
