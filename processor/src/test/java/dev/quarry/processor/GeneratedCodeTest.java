package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjectSubject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Valid repositories, one for each family of method shapes DESIGN.md accepts: each must compile
 * with no error and no warning under {@code -Xlint:all}, generated code included.
 */
class GeneratedCodeTest {
    /** An enum, a record of every scalar type, and a small record for parameters, shared by the repositories. */
    private static final TestSource COLOR = source("Color",
            "public enum Color { RED, GREEN }");
    private static final TestSource EVERYTHING = source("Everything",
            "public record Everything(",
            "        int anInt, Integer boxedInt, long aLong, Long boxedLong, short aShort, Short boxedShort,",
            "        double aDouble, Double boxedDouble, float aFloat, Float boxedFloat,",
            "        boolean aBoolean, Boolean boxedBoolean, String text, BigDecimal amount,",
            "        Instant instant, OffsetDateTime offsetDateTime, LocalDate localDate, LocalDateTime localDateTime,",
            "        UUID uuid, byte[] bytes, Color color, @Column(\"renamed_column\") String renamed) {}");
    private static final TestSource USER = source("User",
            "public record User(long id, String email, Instant createdAt) {}");

    /** Compiles with the shared types; the compilation is clean and wrote {@code implementation}. */
    private static JavaFileObjectSubject assertCompilesCleanly(String implementation, TestSource... sources) {
        TestSource[] all = Stream.concat(Stream.of(COLOR, EVERYTHING, USER), Stream.of(sources)).toArray(TestSource[]::new);
        Compilation compilation = Compilations.compile(all);
        assertThat(compilation).succeededWithoutWarnings();
        return assertThat(compilation).generatedSourceFile(implementation);
    }

    @Test
    void everyScalarAsParameterAndAsResult() {
        assertCompilesCleanly("test.Scalars_Impl", repository("Scalars",
                "    @Query(\"SELECT :v\") int anInt(int v);",
                "    @Query(\"SELECT :v\") Integer boxedInt(Integer v);",
                "    @Query(\"SELECT :v\") long aLong(long v);",
                "    @Query(\"SELECT :v\") Long boxedLong(Long v);",
                "    @Query(\"SELECT :v\") short aShort(short v);",
                "    @Query(\"SELECT :v\") Short boxedShort(Short v);",
                "    @Query(\"SELECT :v\") double aDouble(double v);",
                "    @Query(\"SELECT :v\") Double boxedDouble(Double v);",
                "    @Query(\"SELECT :v\") float aFloat(float v);",
                "    @Query(\"SELECT :v\") Float boxedFloat(Float v);",
                "    @Query(\"SELECT :v\") boolean aBoolean(boolean v);",
                "    @Query(\"SELECT :v\") Boolean boxedBoolean(Boolean v);",
                "    @Query(\"SELECT :v\") String text(String v);",
                "    @Query(\"SELECT :v\") BigDecimal amount(BigDecimal v);",
                "    @Query(\"SELECT :v\") Instant instant(Instant v);",
                "    @Query(\"SELECT :v\") OffsetDateTime offsetDateTime(OffsetDateTime v);",
                "    @Query(\"SELECT :v\") LocalDate localDate(LocalDate v);",
                "    @Query(\"SELECT :v\") LocalDateTime localDateTime(LocalDateTime v);",
                "    @Query(\"SELECT :v\") UUID uuid(UUID v);",
                "    @Query(\"SELECT :v\") byte[] bytes(byte[] v);",
                "    @Query(\"SELECT :v\") Color color(Color v);"));
    }

    @Test
    void scalarsInContainers() {
        assertCompilesCleanly("test.ScalarContainers_Impl", repository("ScalarContainers",
                "    @Query(\"SELECT email FROM users WHERE id = :id\") Optional<String> email(long id);",
                "    @Query(\"SELECT max(id) FROM users\") Optional<Long> maxId();",
                "    @Query(\"SELECT created_at FROM users\") Optional<Instant> firstSeen();",
                "    @Query(\"SELECT color FROM paint\") Optional<Color> favourite();",
                "    @Query(\"SELECT data FROM blobs\") Optional<byte[]> blob();",
                "    @Query(\"SELECT id FROM users\") List<Long> ids();",
                "    @Query(\"SELECT id FROM users\") List<UUID> uuids();",
                "    @Query(\"SELECT day FROM calendar\") List<LocalDate> days();",
                "    @Query(\"SELECT data FROM blobs\") List<byte[]> blobs();",
                "    @Query(\"SELECT DISTINCT color FROM paint\") Set<Color> colors();",
                "    @Query(\"SELECT DISTINCT email FROM users\") Set<String> emails();",
                "    @Query(\"SELECT flag FROM flags\") List<Boolean> flags();"));
    }

    @Test
    void recordOfEveryScalarInEveryContainer() {
        String columns = "SELECT an_int, boxed_int, a_long, boxed_long, a_short, boxed_short, a_double, boxed_double,"
                + " a_float, boxed_float, a_boolean, boxed_boolean, text, amount, instant, offset_date_time, local_date,"
                + " local_date_time, uuid, bytes, color, renamed_column FROM everything";
        assertCompilesCleanly("test.Records_Impl", repository("Records",
                "    @Query(\"" + columns + " WHERE a_long = :id\") Everything one(long id);",
                "    @Query(\"" + columns + " WHERE a_long = :id\") Optional<Everything> maybe(long id);",
                "    @Query(\"" + columns + "\") List<Everything> all();",
                "    @Query(\"" + columns + "\") Set<Everything> distinct();",
                "    @Query(\"SELECT * FROM everything\") List<Everything> star();"));
    }

    @Test
    void statementsWithoutRows() {
        assertCompilesCleanly("test.Statements_Impl", repository("Statements",
                "    @Query(\"UPDATE users SET email = :email WHERE id = :id\") int rename(long id, String email);",
                "    @Query(\"DELETE FROM users WHERE created_at < :before\") long purge(Instant before);",
                "    @Query(\"INSERT INTO users (email) VALUES (:email)\") void add(String email);",
                "    @Query(\"CREATE TEMPORARY TABLE scratch (id int8)\") void createScratch();",
                "    @Query(\"WITH gone AS (DELETE FROM sessions RETURNING user_id) "
                        + "UPDATE users SET online = false WHERE id IN (SELECT user_id FROM gone)\") int logOutAll();"));
    }

    @Test
    void statementsReturningRows() {
        assertCompilesCleanly("test.Returning_Impl", repository("Returning",
                "    @Query(\"INSERT INTO users (email) VALUES (:email) RETURNING id, email, created_at\")",
                "    User insert(String email);",
                "    @Query(\"UPDATE users SET email = :email WHERE id = :id RETURNING id, email, created_at\")",
                "    Optional<User> update(long id, String email);",
                "    @Query(\"DELETE FROM users WHERE created_at < :before RETURNING id, email, created_at\")",
                "    List<User> purge(Instant before);",
                "    @Query(\"INSERT INTO users (email) VALUES (:email) RETURNING id\")",
                "    long insertReturningId(String email);",
                "    @Query(\"DELETE FROM users RETURNING id\")",
                "    List<Long> deleteAll();"));
    }

    @Test
    void collectionsAndArraysBindAsOneArray() {
        JavaFileObjectSubject generated = assertCompilesCleanly("test.Arrays_Impl", repository("Arrays",
                "    @Query(\"SELECT id FROM t WHERE id IN (:ids)\") List<Long> list(List<Long> ids);",
                "    @Query(\"SELECT id FROM t WHERE name = ANY(:names)\") List<Long> collection(Collection<String> names);",
                "    @Query(\"SELECT id FROM t WHERE key NOT IN (:keys)\") List<Long> set(Set<UUID> keys);",
                "    @Query(\"SELECT id FROM t WHERE at = ANY(:at)\") List<Long> instants(List<Instant> at);",
                "    @Query(\"SELECT id FROM t WHERE color = ANY(:colors)\") List<Long> enums(Set<Color> colors);",
                "    @Query(\"SELECT id FROM t WHERE amount = ANY(:amounts)\") List<Long> decimals(List<BigDecimal> amounts);",
                "    @Query(\"SELECT id FROM t WHERE id = ANY(:ids)\") List<Long> longs(long[] ids);",
                "    @Query(\"SELECT id FROM t WHERE n = ANY(:ns)\") List<Long> ints(int[] ns);",
                "    @Query(\"SELECT id FROM t WHERE name = ANY(:names)\") List<Long> strings(String[] names);",
                "    @Query(\"SELECT id FROM t WHERE id = ANY(:ids)\") List<Long> boxedLongs(Long[] ids);",
                "    @Query(\"SELECT id FROM t WHERE key = ANY(:keys)\") List<Long> uuids(UUID[] keys);",
                "    @Query(\"SELECT id FROM t WHERE day = ANY(:days)\") List<Long> days(LocalDate[] days);",
                "    @Query(\"SELECT id FROM t WHERE id = ANY(:ids)\") List<Long> varargs(long... ids);",
                "    @Query(\"SELECT id FROM t WHERE name IN (:names) AND id = :id\")",
                "    List<Long> mixed(long id, String... names);"));
        // PostgreSQL's name for each element type is what createArrayOf needs; a wrong one fails only at run time
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"int8\", ids, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"text\", names, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"uuid\", keys, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"timestamptz\", at, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"numeric\", amounts, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"int4\", ns, ");
        generated.contentsAsUtf8String().contains("Binders.setArray(_stmt, 1, \"date\", days, ");
        generated.contentsAsUtf8String().contains("\"SELECT id FROM t WHERE id = ANY(?)\"");
        generated.contentsAsUtf8String().contains("\"SELECT id FROM t WHERE key <> ALL(?)\"");
        generated.contentsAsUtf8String().contains("\"SELECT id FROM t WHERE name = ANY(?) AND id = ?\"");
    }

    @Test
    void recordParametersBindByComponent() {
        assertCompilesCleanly("test.RecordParameters_Impl", repository("RecordParameters",
                "    @Query(\"UPDATE users SET email = :user.email, created_at = :user.createdAt WHERE id = :user.id\")",
                "    int update(User user);",
                "    @Query(\"INSERT INTO everything VALUES (:e.anInt, :e.boxedInt, :e.aLong, :e.boxedLong, :e.aShort,"
                        + " :e.boxedShort, :e.aDouble, :e.boxedDouble, :e.aFloat, :e.boxedFloat, :e.aBoolean,"
                        + " :e.boxedBoolean, :e.text, :e.amount, :e.instant, :e.offsetDateTime, :e.localDate,"
                        + " :e.localDateTime, :e.uuid, :e.bytes, :e.color, :e.renamed)\")",
                "    void insert(Everything e);",
                "    @Query(\"UPDATE users SET email = :u.email WHERE id = :u.id AND email = :old\")",
                "    int swap(@Bind(\"u\") User user, @Bind(\"old\") String previous);"));
    }

    @Test
    void abstractClassRepository() {
        assertCompilesCleanly("test.Store_Impl", source("Store",
                "@Repository",
                "public abstract class Store {",
                "    private final String name;",
                "",
                "    protected Store() {",
                "        this.name = \"store\";",
                "    }",
                "",
                "    @Query(\"SELECT id, email, created_at FROM users WHERE id = :id\")",
                "    public abstract Optional<User> find(long id);",
                "",
                "    @Query(\"SELECT count(*) FROM users\")",
                "    protected abstract long count();",
                "",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    abstract int delete(long id) throws java.io.IOException;",
                "",
                "    public String describe() {",
                "        return name + \" of \" + count();",
                "    }",
                "}"));
    }

    @Test
    void transactionalMethodsThatDeclareCheckedExceptions() {
        assertCompilesCleanly("test.Ledger_Impl", source("Ledger",
                "@Repository",
                "public abstract class Ledger {",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    abstract int delete(long id);",
                "",
                "    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 2)",
                "    public int purge(long failure, long cause) throws java.io.IOException, InterruptedException {",
                "        return delete(failure) + delete(cause);",
                "    }",
                "",
                "    @Transactional",
                "    protected void purgeQuietly(long id) {",
                "        delete(id);",
                "    }",
                "}"))
                .contentsAsUtf8String().contains("catch (CheckedWorkException failure_)");
        assertCompilesCleanly("test.Journal_Impl", source("Journal",
                "@Repository",
                "public interface Journal {",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    int delete(long id);",
                "",
                "    @Transactional",
                "    default int purge(long id) throws java.io.IOException {",
                "        return delete(id);",
                "    }",
                "}"))
                .contentsAsUtf8String().contains("Journal.super.purge(id)");
    }

    @Test
    void inheritedQueriesAndNonAbstractMethods() {
        TestSource base = source("Base",
                "public interface Base {",
                "    @Query(\"SELECT count(*) FROM users\")",
                "    long count();",
                "}");
        assertCompilesCleanly("test.Derived_Impl", base, source("Derived",
                "@Repository",
                "public interface Derived extends Base {",
                "    @Query(\"SELECT email FROM users WHERE id = :id\")",
                "    String email(long id);",
                "",
                "    default boolean isEmpty() {",
                "        return count() == 0;",
                "    }",
                "",
                "    static String table() {",
                "        return \"users\";",
                "    }",
                "}"));
    }

    @Test
    void recordsWithTheSameSimpleNameGetHoldersOfTheirOwn() {
        TestSource shop = source("Shop",
                "public final class Shop {",
                "    @Table(\"orders\") public record Order(@Id long id, long userId) {}",
                "    @Table(\"users\") public record User(@Id long id, String email,",
                "            @Relation(parentColumn = \"id\", childColumn = \"user_id\") List<Order> orders) {}",
                "}");
        TestSource admin = source("Admin",
                "public final class Admin {",
                "    @Table(\"grants\") public record Grant(@Id long id, long userId, String role) {}",
                "    @Table(\"users\") public record User(@Id long id, String email,",
                "            @Relation(parentColumn = \"id\", childColumn = \"user_id\") List<Grant> grants) {}",
                "}");
        assertCompilesCleanly("test.People_Impl", shop, admin, repository("People",
                "    @Query(\"SELECT id, email FROM users\") List<Shop.User> customers();",
                "    @Query(\"SELECT id, email FROM users\") List<Admin.User> admins();",
                "    @Insert void addCustomers(List<Shop.Order> orders);",
                "    @Insert void addGrants(List<Admin.Grant> grants);"))
                .contentsAsUtf8String().containsMatch("record Shop_UserRow[\\s\\S]*record Admin_UserRow");
    }

    @Test
    void joinedKeysOfEveryIntegerWidthAreReadOnceAndOthersTogether() {
        TestSource boxes = source("Boxes",
                "public final class Boxes {",
                "    @Table(\"boxes\") public record Box(@Id short id, String label,",
                "            @Relation(parentColumn = \"id\", childColumn = \"box_id\") List<Slot> slots) {}",
                "    @Table(\"slots\") public record Slot(@Id int id, short boxId,",
                "            @Relation(parentColumn = \"id\", childColumn = \"slot_id\") List<Tag> tags) {}",
                "    @Table(\"tags\") public record Tag(@Id int slotId, @Id String name) {}",
                "}");
        assertCompilesCleanly("test.Store_Impl", boxes, repository("Store",
                "    @Fetch(value = \"slots\", strategy = FetchStrategy.JOINED)",
                "    @Fetch(value = \"slots.tags\", strategy = FetchStrategy.JOINED)",
                "    @Query(\"SELECT id, label FROM boxes ORDER BY label\") List<Boxes.Box> boxes();"))
                .contentsAsUtf8String().containsMatch("new Boxes_BoxRow\\(\\(short\\) _parentsSeen.lastLong\\(\\)"
                        + "[\\s\\S]*new Boxes_SlotRow\\(\\s*\\(int\\) _slotsSeen.lastLong\\(\\)"
                        + "[\\s\\S]*_slotsTagsSeen.firstSeen\\(_rs, _c2\\[0\\], _c2\\[1\\]\\)");
    }

    @Test
    void nestedRepositoriesAreNamedAfterTheirOuterTypes() {
        Compilation compilation = Compilations.compile(source("Outer",
                "public final class Outer {",
                "    @Repository",
                "    public interface Inner {",
                "        @Query(\"SELECT 1\")",
                "        int one();",
                "",
                "        @Repository",
                "        interface Deeper {",
                "            @Query(\"SELECT 2\")",
                "            int two();",
                "        }",
                "    }",
                "",
                "    @Repository",
                "    abstract static class Store {",
                "        @Query(\"SELECT 3\")",
                "        abstract int three();",
                "    }",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Outer_Inner_Impl");
        assertThat(compilation).generatedSourceFile("test.Outer_Inner_Deeper_Impl");
        assertThat(compilation).generatedSourceFile("test.Outer_Store_Impl");
    }

    @Test
    void repositoryInTheDefaultPackage() {
        Compilation compilation = Compilations.compile(TestSource.of("Plain",
                "@dev.quarry.annotations.Repository",
                "public interface Plain {",
                "    @dev.quarry.annotations.Query(\"SELECT 1\")",
                "    int one();",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("Plain_Impl");
    }

    @Test
    void overloadsAndNamesThatLookLikeGeneratedOnes() {
        assertCompilesCleanly("test.Names_Impl", repository("Names",
                "    @Query(\"SELECT email FROM users WHERE id = :id\") String find(long id);",
                "    @Query(\"SELECT email FROM users WHERE email = :email\") String find(String email);",
                "    @Query(\"SELECT email FROM users WHERE id = :conn AND id = :stmt AND id = :rs AND id = :start\")",
                "    List<String> locals(long conn, long stmt, long rs, long start);",
                "    @Query(\"SELECT email FROM users WHERE id = :e AND id = :c AND id = :rows AND id = :row\")",
                "    List<String> moreLocals(long e, long c, long rows, long row);",
                "    @Query(\"SELECT email FROM users WHERE id = :db AND id = :core AND id = :result\")",
                "    List<String> fields(long db, long core, long result);"));
    }

    @Test
    void methodWhoseConstantEndsLikeAnotherMethodsSqlConstant() {
        // find's SQL constant and findSql's label constant would both be FIND_SQL
        assertCompilesCleanly("test.Clash_Impl", repository("Clash",
                "    @Query(\"SELECT 1\") int find();",
                "    @Query(\"SELECT 2\") int findSql();"));
    }

    @Test
    void jsonbOperatorsAndLiteralsThatLookLikeParameters() {
        assertCompilesCleanly("test.Json_Impl", repository("Json",
                "    @Query(\"SELECT id FROM docs WHERE tags ?| :any AND tags ?& :all AND data ?? 'k'"
                        + " AND note <> ':not' AND created_at::date = :day\")",
                "    List<Long> find(String[] any, String[] all, LocalDate day);"))
                .contentsAsUtf8String()
                .contains("tags ??| ? AND tags ??& ? AND data ?? 'k' AND note <> ':not' AND created_at::date = ?");
    }

    @Test
    void deprecatedRepositoryAndTypes() {
        // a user's deprecated types must not make the generated code warn (and so fail a -Werror build)
        TestSource legacy = source("Legacy",
                "@Deprecated",
                "public record Legacy(long id) {}");
        assertCompilesCleanly("test.Old_Impl", legacy, source("Old",
                "@Deprecated",
                "@Repository",
                "public interface Old {",
                "    @Query(\"SELECT id FROM legacy\")",
                "    List<Legacy> all();",
                "",
                "    @Deprecated",
                "    @Query(\"SELECT 1\")",
                "    int one();",
                "}"));
    }

    /** Customers with a relation of every cardinality, one of them two tiers deep and one with its own query. */
    private static final TestSource[] RELATED = {
        source("Item",
                "@Table(\"items\")",
                "public record Item(@Id long id, long orderId, String sku) {}"),
        source("Order",
                "@Table(\"orders\")",
                "public record Order(@Id long id, long customerId, BigDecimal total,",
                "        @Relation(parentColumn = \"id\", childColumn = \"order_id\", orderBy = \"sku\") List<Item> items) {}"),
        source("Address",
                "@Table(\"addresses\")",
                "public record Address(@Id long customerId, String city) {}"),
        source("Note",
                "@Table(\"notes\")",
                "public record Note(@Id long id, long customerId, String text) {}"),
        source("Customer",
                "@Table(\"customers\")",
                "public record Customer(@Id long id, String email,",
                "        @Relation(parentColumn = \"id\", childColumn = \"customer_id\") List<Order> orders,",
                "        @Relation(parentColumn = \"id\", childColumn = \"customer_id\") Optional<Address> address,",
                "        @Relation(parentColumn = \"id\", childColumn = \"customer_id\") Address billing,",
                "        @Relation(parentColumn = \"id\", childColumn = \"customer_id\",",
                "                query = \"SELECT id, customer_id, text FROM notes WHERE customer_id = ANY(:keys) AND text <> ''\")",
                "        Set<Note> notes) {}"),
    };

    private static TestSource[] withRelated(TestSource repository) {
        return Stream.concat(Stream.of(RELATED), Stream.of(repository)).toArray(TestSource[]::new);
    }

    @Test
    void relationsLoadedSelectIn() {
        assertCompilesCleanly("test.Customers_Impl", withRelated(repository("Customers",
                "    @Query(\"SELECT id, email FROM customers ORDER BY id\")",
                "    List<Customer> all();",
                "    @Query(\"SELECT id, email FROM customers WHERE id = :id\")",
                "    Optional<Customer> find(long id);",
                "    @Query(\"SELECT id, email FROM customers WHERE email = :email\")",
                "    Customer byEmail(String email);",
                "    @Query(\"SELECT id, email FROM customers WHERE id = ANY(:ids)\")",
                "    Set<Customer> some(long[] ids);",
                "    @Query(\"SELECT id, customer_id, total FROM orders WHERE customer_id = :customer\")",
                "    @Fetch(\"items\")",
                "    List<Order> ordersOf(long customer);")));
    }

    @Test
    void relationsLoadedJoined() {
        assertCompilesCleanly("test.Customers_Impl", withRelated(repository("Customers",
                "    @Query(\"SELECT id, email FROM customers ORDER BY id LIMIT :limit\")",
                "    @Fetch(value = \"orders\", strategy = FetchStrategy.JOINED)",
                "    @Fetch(value = \"orders.items\", strategy = FetchStrategy.JOINED)",
                "    @Fetch(value = \"address\", strategy = FetchStrategy.JOINED)",
                "    List<Customer> page(int limit);")));
    }

    @Test
    void bulkWrites() {
        TestSource account = source("Account",
                "@Table(\"accounts\")",
                "public record Account(@Id long id, String email, @Column(\"owner\") String ownerName, Instant seenAt) {}");
        TestSource ids = source("AccountId",
                "public record AccountId(long id, String email) {}");
        assertCompilesCleanly("test.Accounts_Impl", account, ids, repository("Accounts",
                "    @Insert void insert(List<Account> accounts);",
                "    @Insert(strategy = InsertStrategy.BATCH, chunkSize = 500) long batch(Iterable<Account> accounts);",
                "    @Insert(strategy = InsertStrategy.UNNEST) int unnest(Collection<Account> accounts);",
                "    @Insert(strategy = InsertStrategy.COPY) long copy(Stream<Account> accounts);",
                "    @Insert void one(Account account);",
                "    @Insert(returning = \"id\") List<Long> insertReturningIds(List<Account> accounts);",
                "    @Insert(returning = {\"id\", \"email\"}) List<AccountId> insertReturningRows(Set<Account> accounts);",
                "    @Upsert(conflict = \"email\") void upsert(List<Account> accounts);",
                "    @Upsert(conflict = \"email\", update = \"owner\", touch = \"seen_at\") long touch(List<Account> accounts);",
                "    @Upsert(conflict = \"id\", doNothing = true) int insertMissing(List<Account> accounts);",
                "    @Upsert(conflict = \"email\", returning = \"id\") List<Long> upsertReturning(List<Account> accounts);",
                "    @Batch @Query(\"UPDATE accounts SET email = :email WHERE id = :id\") int rename(List<Account> accounts);",
                "    @Batch(chunkSize = 100) @Query(\"DELETE FROM accounts WHERE id = :a.id\")",
                "    void delete(@Bind(\"a\") Stream<Account> accounts);",
                "    @Batch @Query(\"UPDATE accounts SET email = :email WHERE id = :id\") long renameIds(Iterable<AccountId> ids);"));
    }

    @Test
    void transactionsTimeoutsAndTopPerGroup() {
        assertCompilesCleanly("test.Settings_Impl", source("Settings",
                "@Repository",
                "@Transactional(readOnly = true)",
                "public abstract class Settings {",
                "    @Query(value = \"SELECT id, email, created_at FROM users\", timeout = 5)",
                "    public abstract List<User> all();",
                "",
                "    @Transactional(isolation = Isolation.SERIALIZABLE, retries = 3)",
                "    @Query(\"UPDATE users SET email = lower(email)\")",
                "    public abstract int normalize();",
                "",
                "    @Query(\"SELECT id, email, created_at FROM users\")",
                "    @TopPerGroup(partitionBy = \"email\", orderBy = \"created_at DESC\", limit = \":n\")",
                "    public abstract List<User> latest(int n);",
                "",
                "    @Transactional(isolation = Isolation.REPEATABLE_READ)",
                "    public int normalizeAndCount() throws java.io.IOException {",
                "        return normalize() + all().size();",
                "    }",
                "",
                "    protected void helper() {}",
                "}"));
    }

    @Test
    void relationConstantsDoNotClashWithAnotherMethodsConstants() {
        // all's orders relation and a method named allOrders both want ALL_ORDERS_SQL
        assertCompilesCleanly("test.Customers_Impl", withRelated(repository("Customers",
                "    @Query(\"SELECT id, email FROM customers\")",
                "    List<Customer> all();",
                "    @Query(\"SELECT id, customer_id, total FROM orders\")",
                "    @Fetch(\"items\")",
                "    List<Order> allOrders();")));
    }

    @Test
    void streams() {
        assertCompilesCleanly("test.Streams_Impl", repository("Streams",
                "    @Query(\"SELECT id, email, created_at FROM users WHERE created_at > :since\")",
                "    Stream<User> since(Instant since);",
                "    @Query(\"SELECT id, email, created_at FROM users\")",
                "    Stream<List<User>> inChunks();"));
    }

    @Test
    void completableFutures() {
        assertCompilesCleanly("test.Futures_Impl", repository("Futures",
                "    @Query(\"SELECT id, email, created_at FROM users WHERE id = :id\")",
                "    CompletableFuture<User> one(long id);",
                "    @Query(\"SELECT id, email, created_at FROM users WHERE id = :id\")",
                "    CompletableFuture<Optional<User>> maybe(long id);",
                "    @Query(\"SELECT id, email, created_at FROM users\")",
                "    CompletableFuture<List<User>> all();",
                "    @Query(\"SELECT count(*) FROM users\")",
                "    CompletableFuture<Long> count();",
                "    @Query(\"DELETE FROM users WHERE id = :id\")",
                "    CompletableFuture<Integer> delete(long id);",
                "    @Query(\"DELETE FROM users\")",
                "    CompletableFuture<Void> deleteAll();"));
    }
}
