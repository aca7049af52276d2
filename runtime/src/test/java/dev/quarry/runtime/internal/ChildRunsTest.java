package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.runtime.TooManyResultsException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Joined children in runs, taken by their parents in row order. */
class ChildRunsTest {
    record Child(long parent, String name) {}

    private static final List<Child> CHILDREN = List.of(new Child(7, "a"), new Child(7, "b"), new Child(3, "c"),
            new Child(9, "d"), new Child(9, "e"), new Child(9, "f"));

    @Test
    void eachParentTakesItsRunAndAParentBetweenRunsHasNone() {
        ChildRuns<Long, String> runs = ChildRuns.of(CHILDREN, Child::parent, Child::name);
        assertEquals(List.of("a", "b"), RelationLoader.list(runs, 7L));
        assertEquals(List.of(), RelationLoader.list(runs, 5L));
        assertEquals(Set.of("c"), RelationLoader.set(runs, 3L));
        assertEquals(List.of("d", "e", "f"), RelationLoader.list(runs, 9L));
        assertEquals(List.of(), RelationLoader.list(runs, 11L));
    }

    @Test
    void aToOneRunOfTwoIsAnError() {
        ChildRuns<Long, String> runs = ChildRuns.of(CHILDREN, Child::parent, Child::name);
        assertEquals(Optional.empty(), RelationLoader.optional(runs, 1L, "Repo.m", "child"));
        TooManyResultsException e = assertThrows(TooManyResultsException.class,
                () -> RelationLoader.one(runs, 7L, "Repo.m", "child"));
        assertEquals("Repo.m: relation 'child' holds one row, but key 7 has 2", e.getMessage());
        assertEquals("c", RelationLoader.one(runs, 3L, "Repo.m", "child"));
    }

    @Test
    void noChildrenIsNoRun() {
        ChildRuns<Long, String> runs = ChildRuns.of(List.<Child>of(), Child::parent, Child::name);
        assertNull(RelationLoader.one(runs, 7L, "Repo.m", "child"));
        assertEquals(List.of(), RelationLoader.list(runs, 7L));
    }
}
