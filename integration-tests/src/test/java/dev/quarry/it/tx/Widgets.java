package dev.quarry.it.tx;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Insert;
import dev.quarry.annotations.InsertStrategy;
import dev.quarry.annotations.Isolation;
import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Transactional;
import java.util.List;
import java.util.stream.Stream;

/** Statements for {@code db.explain(...)}. */
@Repository
public interface Widgets {
    String DDL = """
            CREATE TABLE widget (id int PRIMARY KEY, name text NOT NULL);
            CREATE INDEX widget_name ON widget (name);
            INSERT INTO widget SELECT n, 'widget ' || n FROM generate_series(1, 2000) n;
            ANALYZE widget;
            """;

    @Table("widget")
    record Widget(@Id int id, String name) {}

    @Insert(strategy = InsertStrategy.UNNEST)
    long insertAll(List<Widget> widgets);

    @Insert(strategy = InsertStrategy.COPY)
    long copyAll(List<Widget> widgets);

    @Query("SELECT id, name FROM widget WHERE name = :name")
    List<Widget> byName(String name);

    @Query("INSERT INTO widget (id, name) VALUES (:id, :name)")
    int insert(int id, String name);

    @Query("UPDATE widget SET name = :name WHERE id = ANY(:ids)")
    int rename(List<Integer> ids, String name);

    @Query("SELECT count(*) FROM widget")
    long count();

    @Query("SELECT id, name FROM widget WHERE id <= :last ORDER BY id")
    Stream<Widget> upTo(int last);

    @Transactional(isolation = Isolation.SERIALIZABLE)
    @Query("SELECT count(*) FROM widget WHERE id <= :last")
    long countUpToSerializable(int last);
}
