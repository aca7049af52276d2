package dev.quarry.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * The execution plan of one statement run by the work passed to {@link Database#explain(Runnable)}:
 * the statement's SQL (with {@code ?} placeholders), PostgreSQL's
 * {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)} output, and the execution time it reported.
 *
 * <pre>{@code
 * List<Plan> plans = db.explain(() -> orders.recent(userId));
 * for (Plan plan : plans) {
 *     System.out.println(plan.executionTime() + "  " + plan.sql() + "\n" + plan.plan());
 * }
 * }</pre>
 *
 * @param sql the statement as the work ran it
 * @param plan the plan text, one line per plan line, including the planning and execution time lines
 * @param executionTime the "Execution Time" PostgreSQL measured for the statement
 */
public record Plan(String sql, String plan, Duration executionTime) {
    public Plan {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(executionTime, "executionTime");
    }
}
