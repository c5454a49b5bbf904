package org.jointactivities.document;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the public reaches this application ({@code joint-activities.public-base-url}): the links
 * to public documents in the IATI export start with it. Not taken from the request: the export is
 * read by a manager, perhaps on an internal address, and published elsewhere.
 */
@ConfigurationProperties("joint-activities")
public record PublicSiteProperties(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

  public PublicSiteProperties {
    if (!publicBaseUrl.isAbsolute() || !publicBaseUrl.getScheme().matches("https?") || publicBaseUrl.getHost() == null
        || publicBaseUrl.getQuery() != null || publicBaseUrl.getFragment() != null) {
      throw new IllegalArgumentException("joint-activities.public-base-url must be an http(s) address without query, such as"
          + " https://activities.example.org, not " + publicBaseUrl);
    }
  }

  /** The base without a trailing slash, so that a path can follow. */
  String base() {
    return publicBaseUrl.toString().replaceAll("/+$", "");
  }
}
