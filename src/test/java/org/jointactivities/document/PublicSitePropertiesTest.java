package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicSitePropertiesTest {

  @Test
  void theBaseIsAnHttpAddressAndAPathFollowsItWithOneSlash() {
    assertThat(new PublicSiteProperties(URI.create("https://ja.example.org/")).base()).isEqualTo("https://ja.example.org");
    assertThat(new PublicSiteProperties(URI.create("http://localhost:8080/ja")).base()).isEqualTo("http://localhost:8080/ja");
    for (String wrong : new String[] {"ja.example.org", "/public", "ftp://ja.example.org", "https://ja.example.org/?x=1"}) {
      assertThatThrownBy(() -> new PublicSiteProperties(URI.create(wrong))).as(wrong)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("joint-activities.public-base-url");
    }
  }
}
