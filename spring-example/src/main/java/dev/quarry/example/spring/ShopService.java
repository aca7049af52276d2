package dev.quarry.example.spring;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business rules in Spring transactions; Quarry's repository is just a constructor argument. */
@Service
public class ShopService {
    private final Shop shop;                       // a Quarry @Repository, injected like any bean

    public ShopService(Shop shop) {
        this.shop = shop;
    }

    /** A purchase above this is refused after it was written, which rolls the whole purchase back. */
    static final BigDecimal LIMIT = new BigDecimal("500.00");

    @Transactional
    public long register(List<Customer> customers) {
        return shop.addCustomers(customers);
    }

    @Transactional
    public long transactionId() {
        return shop.transactionId();
    }

    @Transactional                                 // Spring's: both writes commit, or neither does
    public void purchase(long id, long customerId, BigDecimal total) {
        shop.addPurchase(id, customerId, total);
        shop.addSpending(customerId, total);
        if (total.compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("purchase " + id + " of " + total + " is over the limit of " + LIMIT);
        }
    }
}
