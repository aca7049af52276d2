package example.catalog;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

public final class Catalog {
    private Catalog() {}

    @Repository
    public interface Tags {
        @Query("SELECT name FROM tags WHERE name LIKE :prefix || '%' ORDER BY name")
        List<String> startingWith(String prefix);
    }
}
