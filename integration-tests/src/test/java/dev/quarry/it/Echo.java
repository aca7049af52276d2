package dev.quarry.it;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import java.util.List;

@Repository
interface Echo {
    @Query("SELECT name FROM echo WHERE id >= :minId ORDER BY id")
    List<String> namesFrom(int minId);

    @Query("UPDATE echo_scratch SET name = :name WHERE id <= :maxId")
    int rename(int maxId, String name);

    @Query("SELECT count(*) FROM echo WHERE name = :name OR id = ANY(:ids) OR :payload IS NULL")
    long count(String name, long[] ids, byte[] payload);
}
