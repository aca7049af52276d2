package dev.quarry.example.spring;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;

@Table("customers")
public record Customer(@Id long id, String email) {}
