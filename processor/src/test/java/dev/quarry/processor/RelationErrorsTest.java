package dev.quarry.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.quarry.processor.Compilations.assertOnlyError;
import static dev.quarry.processor.Sources.repository;
import static dev.quarry.processor.Sources.source;

import dev.quarry.processor.diag.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of {@code @Relation} records and {@code @Fetch} plans. A record may live in
 * another compilation unit than the repository, so each is reported on the method whose result
 * leads to it; a test per {@link Message} constant, named after it.
 */
class RelationErrorsTest {
    private static final TestSource ORDER = source("Order",
            "@Table(\"orders\")",
            "public record Order(@Id long id, long customerId, BigDecimal total) {}");

    /** A customer whose orders relation is declared by {@code relation} (the annotation and the component). */
    private static TestSource customer(String relation) {
        return source("Customer",
                "@Table(\"customers\")",
                "public record Customer(@Id long id, String email,",
                "        " + relation + ") {}");
    }

    private static final TestSource CUSTOMER =
            customer("@Relation(parentColumn = \"id\", childColumn = \"customer_id\") List<Order> orders");

    /** The repository every case reads its customers through. */
    private static TestSource customers(String... annotations) {
        String[] lines = new String[annotations.length + 2];
        lines[0] = "    @Query(\"SELECT id, email FROM customers\")";
        System.arraycopy(annotations, 0, lines, 1, annotations.length);
        lines[lines.length - 1] = "    List<Customer> all();";
        return repository("Repo", lines);
    }

    @Test
    void validRelationCompiles() {
        // the baseline the cases below each break in one place
        assertThat(Compilations.compile(ORDER, CUSTOMER, customers())).succeededWithoutWarnings();
    }

    @Test
    void relationNotTable() {
        TestSource order = source("Order",
                "public record Order(@Id long id, long customerId, BigDecimal total) {}");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_NOT_TABLE.format("orders", "Customer", "Order"),
                repo, repo.line("all()"), order, CUSTOMER, repo);
    }

    @Test
    void relationUnsupportedType() {
        TestSource customer = customer("@Relation(parentColumn = \"id\", childColumn = \"customer_id\") List<String> tags");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_UNSUPPORTED_TYPE.format("tags", "Customer", "java.util.List<java.lang.String>"),
                repo, repo.line("all()"), customer, repo);
    }

    @Test
    void relationUnknownParentColumn() {
        TestSource customer = customer("@Relation(parentColumn = \"uid\", childColumn = \"customer_id\") List<Order> orders");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_UNKNOWN_PARENT_COLUMN.format("orders", "Customer", "uid", "Customer",
                        List.of("id", "email")),
                repo, repo.line("all()"), ORDER, customer, repo);
    }

    @Test
    void relationUnknownChildColumn() {
        TestSource customer = customer("@Relation(parentColumn = \"id\", childColumn = \"owner_id\") List<Order> orders");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_UNKNOWN_CHILD_COLUMN.format("orders", "Customer", "owner_id", "Order",
                        List.of("id", "customer_id", "total")),
                repo, repo.line("all()"), ORDER, customer, repo);
    }

    @Test
    void relationKeyTypes() {
        TestSource order = source("Order",
                "@Table(\"orders\")",
                "public record Order(@Id long id, String customerId, BigDecimal total) {}");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_KEY_TYPES.format("orders", "Customer", "id", "long", "customer_id",
                        "java.lang.String"),
                repo, repo.line("all()"), order, CUSTOMER, repo);
    }

    @Test
    void relationCycle() {
        TestSource order = source("Order",
                "@Table(\"orders\")",
                "public record Order(@Id long id, long customerId, BigDecimal total,",
                "        @Relation(parentColumn = \"customer_id\", childColumn = \"id\") Customer customer) {}");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_CYCLE.format("customer", "Order", "Customer"),
                repo, repo.line("all()"), order, CUSTOMER, repo);
    }

    @Test
    void relationQueryKeys() {
        TestSource customer = customer("@Relation(parentColumn = \"id\", childColumn = \"customer_id\",\n"
                + "            query = \"SELECT id, customer_id, total FROM orders WHERE customer_id = ANY(:ids)\")\n"
                + "        List<Order> orders");
        TestSource repo = customers();
        assertOnlyError(Message.RELATION_QUERY_KEYS.format("orders", "Customer", List.of(":ids")),
                repo, repo.line("all()"), ORDER, customer, repo);
    }

    @Test
    void relationJoinedNeedsId() {
        TestSource order = source("Order",
                "@Table(\"orders\")",
                "public record Order(long id, long customerId, BigDecimal total) {}");
        TestSource repo = customers("    @Fetch(value = \"orders\", strategy = FetchStrategy.JOINED)");
        assertOnlyError(Message.RELATION_JOINED_NEEDS_ID.format("Repo.all", "orders", "Order"),
                repo, repo.line("all()"), order, CUSTOMER, repo);
    }

    @Test
    void relationJoinedQuery() {
        TestSource customer = customer("@Relation(parentColumn = \"id\", childColumn = \"customer_id\",\n"
                + "            query = \"SELECT id, customer_id, total FROM orders WHERE customer_id = ANY(:keys)\")\n"
                + "        List<Order> orders");
        TestSource repo = customers("    @Fetch(value = \"orders\", strategy = FetchStrategy.JOINED)");
        assertOnlyError(Message.RELATION_JOINED_QUERY.format("Repo.all", "orders"),
                repo, repo.line("all()"), ORDER, customer, repo);
    }

    @Test
    void relationJoinedUnderSelectIn() {
        TestSource order = source("Order",
                "@Table(\"orders\")",
                "public record Order(@Id long id, long customerId, BigDecimal total,",
                "        @Relation(parentColumn = \"id\", childColumn = \"order_id\") List<Item> items) {}");
        TestSource item = source("Item",
                "@Table(\"items\")",
                "public record Item(@Id long id, long orderId, String sku) {}");
        TestSource repo = customers("    @Fetch(value = \"orders.items\", strategy = FetchStrategy.JOINED)");
        assertOnlyError(Message.RELATION_JOINED_UNDER_SELECT_IN.format("Repo.all", "orders.items", "orders"),
                repo, repo.line("all()"), item, order, CUSTOMER, repo);
    }

    @Test
    void streamJoined() {
        TestSource streaming = repository("Repo",
                "    @Fetch(value = \"orders\", strategy = FetchStrategy.JOINED)",
                "    @Query(\"SELECT id, email FROM customers\")",
                "    Stream<Customer> all();");
        assertOnlyError(Message.STREAM_JOINED.format("Repo.all", "orders"),
                streaming, streaming.line("all()"), ORDER, CUSTOMER, streaming);
    }

    @Test
    void streamsOfRecordsWithRelationsCompile() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, email FROM customers\")",
                "    Stream<Customer> all();",
                "    @FetchSize(50)",
                "    @Query(\"SELECT id, email FROM customers\")",
                "    Stream<List<Customer>> chunks();");
        assertThat(Compilations.compile(ORDER, CUSTOMER, repo)).succeededWithoutWarnings();
    }

    @Test
    void fetchUnknownPath() {
        TestSource repo = customers("    @Fetch(\"invoices\")");
        assertOnlyError(Message.FETCH_UNKNOWN_PATH.format("Repo.all", "invoices", "Customer", List.of("orders")),
                repo, repo.line("all()"), ORDER, CUSTOMER, repo);
    }

    @Test
    void fetchWithoutRelations() {
        TestSource repo = repository("Repo",
                "    @Query(\"SELECT id, customer_id, total FROM orders\")",
                "    @Fetch(\"items\")",
                "    List<Order> all();");
        assertOnlyError(Message.FETCH_WITHOUT_RELATIONS.format("Repo.all", "Order"),
                repo, repo.line("all()"), ORDER, repo);
    }
}
