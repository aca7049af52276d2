package dev.quarry.example;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.time.Instant;

/** A row of {@code users}; {@code status} is one of {@code active}, {@code blocked}, {@code pending}. */
@Table("users")
public record User(@Id long id, long tenantId, String email, String status, Instant createdAt, Instant updatedAt) {}
