package dev.quarry.it.services;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;
import dev.quarry.runtime.Database;

/** A constructor that looks its own repository up: a cycle, refused with a message instead of a stack overflow. */
@Repository
public abstract class Loop {
    private final Loop self;

    protected Loop(Database db) {
        this.self = db.repository(Loop.class);
    }

    @Query("SELECT 1")
    public abstract int one();

    public Loop self() {
        return self;
    }
}
