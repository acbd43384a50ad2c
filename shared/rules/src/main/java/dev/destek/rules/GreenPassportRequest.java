package dev.destek.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.Map;

/** Service exports in USD per calendar year ({@code "2023": "1234567.89"}), the last three years (S0 P§08). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GreenPassportRequest(Map<String, BigDecimal> exportsUsdByYear) { }
