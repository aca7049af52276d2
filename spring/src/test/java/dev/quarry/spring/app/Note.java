package dev.quarry.spring.app;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

@Table("notes")
public record Note(@Id long id, String body) {}
