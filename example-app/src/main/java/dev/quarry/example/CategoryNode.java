package dev.quarry.example;

import java.util.List;

/** A category found by a tree walk: {@code depth} 0 is the start row, {@code path} the ids from it down to this one. */
public record CategoryNode(long id, Long parentId, String name, int depth, List<Long> path) {}
