package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

/** A node of the category tree; roots have no parent, hence the boxed {@code parentId}. */
@Table("categories")
public record Category(@Id long id, Long parentId, String name) {}
