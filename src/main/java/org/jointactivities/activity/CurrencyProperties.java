package org.jointactivities.activity;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Currencies a budget may be given in, with an indicative rate to USD for the signatory-level decision. */
@ConfigurationProperties("joint-activities")
public record CurrencyProperties(Map<String, BigDecimal> currencies) {

  public CurrencyProperties {
    currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
  }

  public boolean accepts(String code) {
    return currencies.containsKey(code);
  }

  public BigDecimal toUsd(BigDecimal amount, String currency) {
    BigDecimal rate = currencies.get(currency);
    if (rate == null) {
      throw new IllegalArgumentException("No USD rate configured for " + currency);
    }
    return amount.multiply(rate);
  }
}
