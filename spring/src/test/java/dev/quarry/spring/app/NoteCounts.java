package dev.quarry.spring.app;

import dev.quarry.annotations.Query;
import dev.quarry.annotations.Repository;

/** A package-private repository: Spring's AOT engine must write its bean definition beside it. */
@Repository
interface NoteCounts {
    @Query("SELECT count(*) FROM notes")
    long count();
}
