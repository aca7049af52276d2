package dev.quarry.bench;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** {@code bench_invoices} read with its optimistic-lock version, for W9's second Quarry contender. */
@Table("bench_invoices")
public record VersionedInvoice(@Id long id, long customerId, String status, BigDecimal total, @Version int version) {
    /** Update number {@code round} of rows 1 … {@code rows}, each read at the version the round before left. */
    static List<VersionedInvoice> round(int rows, long round) {
        List<VersionedInvoice> invoices = new ArrayList<>(rows);
        for (long id = 1; id <= rows; id++) {
            invoices.add(new VersionedInvoice(id, Invoice.customer(id), Invoice.status(id, round),
                    Invoice.total(id, round), (int) (round - 1)));
        }
        return invoices;
    }
}
