package dev.quarry.spring.boot3;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

@Table("entries")
public record Entry(@Id long id, String body) {}
