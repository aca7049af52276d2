package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

/** Not a repository itself: it holds one, whose implementation is {@code Catalog_Products_Impl}. */
final class Catalog {
    private Catalog() {}

    record Product(String sku, int stock) {}

    @Repository
    interface Products {
        @Query("SELECT sku, stock FROM product ORDER BY sku")
        List<Product> all();

        @Query("SELECT stock FROM product WHERE sku = :sku")
        int stockOf(String sku);
    }
}
