package dev.quarry.example;

/** What a caller supplies for a new user; the database assigns the id and the timestamps. */
public record NewUser(long tenantId, String email, String status) {}
