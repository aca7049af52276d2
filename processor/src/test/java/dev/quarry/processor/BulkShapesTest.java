package dev.quarry.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * Every method shape bulk writes accept compiles, with its generated code, warning-free under
 * {@code -Xlint:all}; and the statements are the ones the processor is meant to write.
 */
class BulkShapesTest {
    /** A component of every scalar kind, primitive and boxed, so upsert keys of each kind compile. */
    private static final TestSource EVERYTHING = source("Everything",
            "@Table(\"billing.everything\")",
            "public record Everything(int i, Integer iBoxed, long l, Long lBoxed, short s, Short sBoxed,",
            "        double d, Double dBoxed, float f, Float fBoxed, boolean b, Boolean bBoxed, String text,",
            "        BigDecimal amount, Instant at, OffsetDateTime odt, LocalDate day, LocalDateTime ldt, UUID uuid,",
            "        byte[] bytes, Status status, @Column(\"Order\") int order) {",
            "    public enum Status { ON, OFF }",
            "}");

    private static final TestSource CREATED = source("Created",
            "public record Created(long l, String text) {}");

    private static String generated(Compilation compilation, String name) {
        try {
            return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listComponentsCompileForEveryStrategyAndTravelAsOneLiteralPerRowUnderUnnest() {
        TestSource post = source("Post",
                "@Table(\"posts\")",
                "public record Post(long id, List<String> tags, List<Long> counts, List<Integer> ranks, List<Short> small,",
                "        List<Double> ratios, List<Float> floats, List<Boolean> flags, List<BigDecimal> amounts,",
                "        List<UUID> keys, List<Mood> moods, @Column(\"Order\") List<Long> order, String body) {",
                "    public enum Mood { CALM, TENSE }",
                "}");
        TestSource repo = repository("Posts",
                "    @Insert long auto(List<Post> rows);",
                "    @Insert(strategy = InsertStrategy.COPY) void copy(Stream<Post> rows);",
                "    @Insert(strategy = InsertStrategy.UNNEST) int unnest(Collection<Post> rows);",
                "    @Insert(strategy = InsertStrategy.BATCH) long batch(Iterable<Post> rows);",
                "    @Insert(returning = \"id\") List<Long> ids(List<Post> rows);",
                "    @Upsert(conflict = \"id\") long upsert(List<Post> rows);");
        Compilation compilation = Compilations.compile(post, repo);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation, "test.Posts_Impl");
        assertThat(code).contains("_out.writeArray(\"text\", _row.tags())");
        assertThat(code).contains("_out.writeArray(\"numeric\", _row.amounts())");
        assertThat(code).contains("_out.writeArray(\"text\", _row.moods())");
        assertThat(code).contains("new String[] {\"int8\", \"text[]\", \"int8[]\", \"int4[]\", \"int2[]\", \"float8[]\", "
                + "\"float4[]\", \"bool[]\", \"numeric[]\", \"uuid[]\", \"text[]\", \"int8[]\", \"text\"}");
        // each row's array is one text element, cast back to an array per row in the select list
        assertThat(code).contains("INSERT INTO posts (id, tags, counts, ranks, small, ratios, floats, flags, amounts, keys, "
                + "moods, \\\"Order\\\", body) SELECT u.id, u.tags::text[], u.counts::int8[], u.ranks::int4[], u.small::int2[], "
                + "u.ratios::float8[], u.floats::float4[], u.flags::bool[], u.amounts::numeric[], u.keys::uuid[], "
                + "u.moods::text[], u.\\\"Order\\\"::int8[], u.body FROM unnest(?::int8[], ?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(");
    }

    @Test
    void everyInsertShapeCompilesWithoutWarnings() {
        TestSource repo = repository("Inserts",
                "    @Insert long auto(List<Everything> rows);",
                "    @Insert(strategy = InsertStrategy.COPY) void copy(Stream<Everything> rows);",
                "    @Insert(strategy = InsertStrategy.UNNEST) int unnest(Collection<Everything> rows);",
                "    @Insert(strategy = InsertStrategy.BATCH, chunkSize = 5) long batch(Iterable<? extends Everything> rows);",
                "    @Insert void set(Set<Everything> rows);",
                "    @Insert long one(Everything row);",
                "    @Insert(returning = \"l\") List<Long> ids(List<Everything> rows);",
                "    @Insert(returning = {\"l\", \"text\"}, strategy = InsertStrategy.UNNEST) List<Created> rows(Stream<Everything> rows);");
        Compilation compilation = Compilations.compile(EVERYTHING, CREATED, repo);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation, "test.Inserts_Impl");
        // quoted where PostgreSQL needs it: a reserved word, upper case; schema-qualified table
        assertThat(code).contains("\"COPY billing.everything (i, i_boxed, l, l_boxed, s, s_boxed, d, d_boxed, f, f_boxed, b, "
                + "b_boxed, text, amount, at, odt, day, ldt, uuid, bytes, status, \\\"Order\\\") FROM STDIN (FORMAT binary)\"");
        assertThat(code).contains("SELECT * FROM unnest(?::int4[], ?::int4[], ?::int8[], ?::int8[], ?::int2[], ?::int2[], "
                + "?::float8[], ?::float8[], ?::float4[], ?::float4[], ?::bool[], ?::bool[], ?::text[], ?::numeric[], "
                + "?::timestamptz[], ?::timestamptz[], ?::date[], ?::timestamp[], ?::uuid[], ?::bytea[], ?::text[], ?::int4[])");
        assertThat(code).contains("WITH ORDINALITY AS u(i, i_boxed, l, l_boxed, s, s_boxed, d, d_boxed, f, f_boxed, b, "
                + "b_boxed, text, amount, at, odt, day, ldt, uuid, bytes, status, \\\"Order\\\", _ord) ORDER BY u._ord RETURNING l, text\"");
        assertThat(code).contains("\"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\"");
        // one table and row writer for every method that writes the record
        assertThat(code.split("static final class EverythingRows", -1)).hasLength(2);
    }

    @Test
    void upsertKeysOfEveryKindCompileWithoutWarnings() {
        TestSource repo = repository("Upserts",
                "    @Upsert(conflict = {\"i\", \"i_boxed\", \"l\", \"lBoxed\", \"s\", \"s_boxed\", \"d\", \"d_boxed\"})",
                "    long numbers(List<Everything> rows);",
                "    @Upsert(conflict = {\"f\", \"f_boxed\", \"b\", \"b_boxed\", \"text\", \"amount\", \"at\", \"odt\"}, touch = \"ldt\")",
                "    long mixed(Stream<Everything> rows);",
                "    @Upsert(conflict = {\"day\", \"ldt\", \"uuid\", \"bytes\", \"status\", \"Order\"}, doNothing = true)",
                "    void references(Iterable<Everything> rows);",
                "    @Upsert(conflict = \"l\", update = \"text\", returning = {\"l\", \"text\"})",
                "    List<Created> returning(List<Everything> rows);");
        Compilation compilation = Compilations.compile(EVERYTHING, CREATED, repo);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation, "test.Upserts_Impl");
        assertThat(code).contains("Comparator.<Everything>comparingInt(Everything::i)");
        assertThat(code).contains(".thenComparing(Everything::bytes, Comparator.<byte[]>nullsFirst(Arrays::compare))");
        assertThat(code).contains(".thenComparing(Everything::odt, Comparator.nullsFirst(OffsetDateTime.timeLineOrder()))");
        assertThat(code).contains("ON CONFLICT (f, f_boxed, b, b_boxed, text, amount, at, odt) DO UPDATE SET i = EXCLUDED.i");
        assertThat(code).contains("ldt = now()\"");
        assertThat(code).contains("ON CONFLICT (day, ldt, uuid, bytes, status, \\\"Order\\\") DO NOTHING\"");
        // only rows with a NULL in a boxed key component are kept apart
        assertThat(code).contains("_row -> _row.iBoxed() == null || _row.lBoxed() == null || _row.sBoxed() == null "
                + "|| _row.dBoxed() == null");
    }

    @Test
    void everyBatchShapeCompilesWithoutWarnings() {
        TestSource repo = repository("Batches",
                "    @Batch @Query(\"UPDATE billing.everything SET text = :text WHERE l = :l\") void update(List<Everything> rows);",
                "    @Batch(chunkSize = 1) @Query(\"DELETE FROM billing.everything WHERE l = :rows.l\") int delete(Stream<Everything> rows);",
                "    @Batch @Query(\"INSERT INTO t (a, b, c) VALUES (:amount, :at, :status)\") long insert(Collection<Everything> rows);");
        Compilation compilation = Compilations.compile(EVERYTHING, repo);
        assertThat(compilation).succeededWithoutWarnings();
        String code = generated(compilation, "test.Batches_Impl");
        assertThat(code).contains("\"INSERT INTO t (a, b, c) VALUES (?, ?, ?)\"");
        assertThat(code).contains("Binders.setDecimal(_stmt, 1, _row.amount(), \"amount\");");
        assertThat(code).contains("Binders.setInstant(_stmt, 2, _row.at(), \"at\");");
        assertThat(code).contains("Binders.setEnum(_stmt, 3, _row.status());");
    }
}
