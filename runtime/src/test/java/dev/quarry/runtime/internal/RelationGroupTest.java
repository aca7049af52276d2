package dev.quarry.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Children grouped under their parent key, whether a parent's children come together or apart. */
class RelationGroupTest {
    record Child(Long parent, String name) {}

    private static final List<Child> CHILDREN = List.of(new Child(1L, "a"), new Child(1L, "b"), new Child(2L, "c"),
            new Child(1L, "d"), new Child(null, "e"), new Child(3L, "f"), new Child(null, "g"), new Child(0L, "h"));

    @Test
    void aKeyThatComesBackJoinsItsGroupAndNullIsAKey() {
        Map<Long, List<String>> expected = new HashMap<>(
                Map.of(1L, List.of("a", "b", "d"), 2L, List.of("c"), 3L, List.of("f"), 0L, List.of("h")));
        expected.put(null, List.of("e", "g"));
        assertEquals(expected, RelationLoader.group(CHILDREN, Child::parent, Child::name));
    }

    @Test
    void theFirstParentTakesTheGroupAndAnotherWithTheSameKeyACopy() {
        Map<Long, List<String>> groups = RelationLoader.group(CHILDREN.subList(0, 2), Child::parent, Child::name);
        List<String> group = groups.get(1L);
        List<String> first = RelationLoader.list(groups, 1L);
        List<String> second = RelationLoader.list(groups, 1L);
        assertSame(group, first);
        assertNotSame(first, second);
        assertEquals(Arrays.asList("a", "b"), second);
        assertEquals(List.of(), RelationLoader.list(groups, 9L));
    }
}
