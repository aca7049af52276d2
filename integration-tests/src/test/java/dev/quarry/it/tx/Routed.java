package dev.quarry.it.tx;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.annotations.Transactional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Every call answers with the marker of the database that served it. */
@Repository
public abstract class Routed {
    static final String DDL = "CREATE TABLE marker (name text NOT NULL); CREATE TABLE visit (id int PRIMARY KEY);";

    record Marker(String name) {}

    @Query("SELECT name FROM marker")
    abstract String servedBy();

    @Transactional(readOnly = true)
    @Query("SELECT name FROM marker")
    abstract String servedByReadOnly();

    @Transactional(readOnly = true)
    @Query("SELECT name FROM marker")
    abstract CompletableFuture<String> servedByReadOnlyAsync();

    @Query("SELECT name FROM marker")
    abstract Stream<Marker> streamServedBy();

    @Query("INSERT INTO visit (id) VALUES (:id)")
    abstract int visit(int id);

    @Query("SELECT count(*) FROM visit WHERE id = :id")
    abstract long visits(int id);

    /** Who served each kind of call inside one read-only transaction. */
    @Transactional(readOnly = true)
    public List<String> insideReadOnly() {
        return List.of(servedBy(), servedByReadOnly(), streamed());
    }

    @Transactional(readOnly = true)
    public int insideReadOnlyWriting(int id) {
        return visit(id);
    }

    /** Who served each kind of call inside one read-write transaction, after a write. */
    @Transactional
    public List<String> insideReadWrite(int id) {
        visit(id);
        return List.of(servedBy(), servedByReadOnly(), streamed(), Long.toString(visits(id)));
    }

    String streamed() {
        try (Stream<Marker> markers = streamServedBy()) {
            return markers.map(Marker::name).reduce((a, b) -> a + "," + b).orElse("none");
        }
    }
}
