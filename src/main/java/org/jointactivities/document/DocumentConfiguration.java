package org.jointactivities.document;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads as the servlet container takes them: written to disk from the first byte (never whole in
 * memory), no file much larger than the documents' limit, and no request much larger. Spring Boot's own
 * multipart settings give way to this one, so the limit is configured once.
 */
@Configuration
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

  static final long FORM_FIELDS = 1024 * 1024;

  @Bean
  MultipartConfigElement multipartConfig(DocumentProperties limits) {
    // a margin above the limit: a file just above it reaches FileInspection, which says by how much
    long maxFile = limits.maxSize().toBytes() + FORM_FIELDS;
    return new MultipartConfigElement("", maxFile, maxFile + FORM_FIELDS, 0);
  }
}
