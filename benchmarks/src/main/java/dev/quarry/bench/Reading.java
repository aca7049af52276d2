package dev.quarry.bench;

/** A row of {@code bench_readings}, the table W6 streams. */
public record Reading(long id, int sensor, double value, String label) {}
