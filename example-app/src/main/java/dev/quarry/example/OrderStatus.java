package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import dev.quarry.annotations.Version;

/** An order's status and the version that says which change of the order it was read at. */
@Table("orders")
public record OrderStatus(@Id long id, String status, @Version int version) {}
