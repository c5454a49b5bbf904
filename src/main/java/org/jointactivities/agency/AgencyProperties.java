package org.jointactivities.agency;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("joint-activities")
public record AgencyProperties(List<Agency> agencies) {

  public AgencyProperties {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
  }
}
