package org.jointactivities.roles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jointactivities.support.JointActivitiesTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The focal points a proposal's fields suggest: the agency's reviewers, by name. */
@JointActivitiesTest
class FocalPointsOverHttpTest {

  @Autowired TestRestTemplate http;

  @Test
  void anAgencysReviewersAreItsFocalPointsAndAnUnknownAgencyIsNamed() {
    JsonNode iom = http.withBasicAuth("unodc-officer", "demo").getForObject("/api/focal-points?agency=IOM", JsonNode.class);
    assertThat(iom.findValuesAsText("userId")).contains("iom-reviewer").doesNotContain("unodc-reviewer", "iom-officer");
    assertThat(iom.findValuesAsText("name")).contains("IOM Reviewer");

    ResponseEntity<JsonNode> unknown = http.withBasicAuth("unodc-officer", "demo")
        .getForEntity("/api/focal-points?agency=XYZ", JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("detail").asText()).startsWith("Focal points refused: agency: 'XYZ' is not a configured agency");
    assertThat(http.getForEntity("/api/focal-points?agency=IOM", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
