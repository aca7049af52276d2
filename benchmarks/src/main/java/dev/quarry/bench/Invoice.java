package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A row of {@code bench_invoices}, which W9 updates by primary key: {@code status} and {@code total}. */
@Table("bench_invoices")
public record Invoice(@Id long id, long customerId, String status, BigDecimal total) {
    private static final String[] STATUSES = {"open", "paid", "shipped", "refunded"};

    /**
     * The values of row {@code id} after update number {@code round}: both columns differ from one
     * round to the next, so every update really writes.
     */
    static Invoice changed(long id, long round) {
        return new Invoice(id, customer(id), status(id, round), total(id, round));
    }

    /** W9's input: rows 1 … {@code rows}, as update number {@code round} sets them. */
    static List<Invoice> round(int rows, long round) {
        List<Invoice> invoices = new ArrayList<>(rows);
        for (long id = 1; id <= rows; id++) {
            invoices.add(changed(id, round));
        }
        return invoices;
    }

    static long customer(long id) {
        return 1 + (id - 1) % 1_000;
    }

    static String status(long id, long round) {
        return STATUSES[(int) ((id + round) % STATUSES.length)];
    }

    /** Cents that change by one per round, as numeric(12,2). */
    static BigDecimal total(long id, long round) {
        return BigDecimal.valueOf((id * 37 + round) % 10_000_000, 2);
    }
}
