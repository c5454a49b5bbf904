package org.jointactivities.exchange;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the answer to a request with personal data is kept after its requester acknowledged it
 * ({@code joint-activities.exchange.personal-data-retention}, default 12 months); the register
 * entry and its audit trail stay.
 */
@ConfigurationProperties("joint-activities.exchange")
public record ExchangeProperties(Period personalDataRetention) {

  public ExchangeProperties {
    personalDataRetention = personalDataRetention == null ? Period.ofMonths(12) : personalDataRetention;
    if (personalDataRetention.isNegative() || personalDataRetention.isZero()) {
      throw new IllegalArgumentException("joint-activities.exchange.personal-data-retention must be positive, not "
          + personalDataRetention);
    }
  }
}
