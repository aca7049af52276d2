package dev.quarry.example.spring;

import dev.quarry.annotations.Id;
import dev.quarry.annotations.Table;
import java.math.BigDecimal;

@Table("purchases")
public record Purchase(@Id long id, long customerId, BigDecimal total) {}
