package dev.quarry.it.bulk;

import dev.quarry.annotations.Table;

/** A row whose conflict key may be NULL, which PostgreSQL never treats as a conflict. */
@Table("tags")
public record Tag(String code, String label) {}
