package dev.quarry.example;

/** A user with the number of orders a correlated subquery counted for it. */
public record UserOrderCount(long id, String email, long orderCount) {}
