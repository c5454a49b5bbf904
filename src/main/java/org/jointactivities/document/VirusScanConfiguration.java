package org.jointactivities.document;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scanner uploads pass: ClamAV's clamd when {@code joint-activities.documents.clamd.host} is
 * set, else none — the embedded default has no clamd, and says so at start.
 */
@Configuration
class VirusScanConfiguration {

  @Bean
  VirusScan virusScan(@Value("${joint-activities.documents.clamd.host:}") String host,
      @Value("${joint-activities.documents.clamd.port:3310}") int port,
      @Value("${joint-activities.documents.clamd.timeout:60s}") Duration timeout) {
    if (host.isBlank()) {
      LoggerFactory.getLogger(VirusScan.class).warn("Uploaded documents are not scanned for viruses:"
          + " joint-activities.documents.clamd.host names no clamd");
      return content -> Optional.empty();
    }
    return new ClamdVirusScan(host, port, timeout);
  }
}
