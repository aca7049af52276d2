package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Relation;
import dev.quarry.annotations.Table;
import java.util.List;

/** A user with its orders, newest first, and each order's items: three tiers of one object graph. */
@Table("users")
public record UserWithOrders(@Id long id, long tenantId, String email,
                             @Relation(parentColumn = "id", childColumn = "user_id", orderBy = "created_at DESC")
                             List<OrderWithItems> orders) {}
