package dev.quarry.example.spring;

import dev.quarry.annotations.FetchSize;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/** The shop's SQL; Spring injects it wherever it is needed. */
@Repository
public interface Shop {
    @Insert
    long addCustomers(List<Customer> customers);

    @Query("INSERT INTO purchases (id, customer_id, total) VALUES (:id, :customerId, :total)")
    int addPurchase(long id, long customerId, BigDecimal total);

    @Query("UPDATE customers SET spent = spent + :amount WHERE id = :id")
    int addSpending(long id, BigDecimal amount);

    @Query("SELECT count(*) FROM purchases")
    long purchaseCount();

    @Query("SELECT spent FROM customers WHERE id = :id")
    BigDecimal spent(long id);

    @FetchSize(2)
    @Query("SELECT id, email FROM customers ORDER BY id")
    Stream<Customer> customers();

    @Query("SELECT txid_current()")
    long transactionId();
}
