package org.jointactivities.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jointactivities.document.Sha256;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Multipart;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * When both agencies have signed, the activity carries its signed agreement: a PDF of the signed
 * content and signatures with the content's SHA-256, kept for good; a copy is checked by its hash.
 */
@JointActivitiesTest
class SignedAgreementOverHttpTest {

  private static final Pattern CONTENT_HASH = Pattern.compile("SHA-256 of the signed content:\\s+([0-9a-f]{64})");

  @Autowired TestRestTemplate http;
  @Autowired Scenario scenario;

  @Test
  void bothSignaturesProduceTheAgreementWithTheSignedContentAndItsHash() throws IOException {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    String reference = proposal.getBusinessKey();

    JsonNode agreement = agreementOf(reference, "proposal");
    assertThat(agreement.get("title").asText()).isEqualTo("Joint activity agreement, proposal");
    assertThat(agreement.get("createdBy").asText()).isEqualTo("joint-activities");
    assertThat(agreement.get("deletable").asBoolean()).isFalse();
    assertThat(agreement.at("/versions/0/fileName").asText()).isEqualTo(reference + "-proposal-agreement.pdf");
    assertThat(agreement.at("/versions/0/contentType").asText()).isEqualTo("application/pdf");
    byte[] pdf = download(reference, agreement);
    assertThat(Sha256.of(new ByteArrayInputStream(pdf))).isEqualTo(agreement.at("/versions/0/sha256").asText());

    String text = textOf(pdf);
    assertThat(text).contains("Joint activity agreement", reference, "Joint training on victim identification at borders",
        "United Nations Office on Drugs and Crime (UNODC)", "60,000.00 USD (66.7%)", "30,000.00 USD (33.3%)", "90,000.00 USD",
        "From 1 January 2027 to 31 December 2027", "Officials identify and refer victims", "Training curriculum",
        "Two regional workshops", "Officials trained", "120", "Corruption risk rating: low", "programme manager", "UTC");
    assertThat(text.indexOf("UNODC Signatory (Programme Manager)")).as("the lead agency signs first in the list").isPositive()
        .isLessThan(text.indexOf("IOM Signatory (Programme Manager)"));

    JsonNode verified = verify(pdf);
    assertThat(verified.get("signedAgreement").asBoolean()).isTrue();
    assertThat(verified.get("reference").asText()).isEqualTo(reference);
    assertThat(verified.get("signedVersion").asText()).isEqualTo("proposal");
    assertThat(verified.get("signedContentSha256").asText()).as("the hash printed in the PDF").isEqualTo(contentHash(text));
    assertThat(as("iom-reviewer").getForObject("/api/agreements/" + agreement.at("/versions/0/sha256").asText().toUpperCase(),
        JsonNode.class).get("reference").asText()).isEqualTo(reference);
  }

  @Test
  void aChangedCopyIsNoSignedAgreementAndTheAgreementIsNeverChanged() {
    String reference = scenario.signedActivity(Proposals.valid()).getBusinessKey();
    JsonNode agreement = agreementOf(reference, "proposal");
    byte[] pdf = download(reference, agreement);
    byte[] changed = Arrays.copyOf(pdf, pdf.length + 1);
    changed[pdf.length] = '\n';

    JsonNode verified = verify(changed);
    assertThat(verified.get("signedAgreement").asBoolean()).isFalse();
    assertThat(verified.get("reference").isNull()).isTrue();
    assertThat(verified.get("message").asText()).contains("not a signed agreement kept by Joint Activities");

    String path = "/api/activities/" + reference + "/documents/" + agreement.get("id").asLong();
    assertRefused(as("unodc-officer").postForEntity(path + "/versions", Multipart.upload("agreement.pdf", pdf, Map.of()),
        JsonNode.class), 403, "A signed agreement is produced by the application and never changed");
    assertRefused(as("admin").exchange(path, HttpMethod.DELETE, null, JsonNode.class), 409, "cannot be deleted");
  }

  @Test
  void anAmendmentSignedGetsItsOwnAgreementTheProposalsStaysAsItWas() throws IOException {
    ProcessInstance proposal = scenario.signedActivity(Proposals.valid());
    String reference = proposal.getBusinessKey();
    String proposalPdf = agreementOf(reference, "proposal").at("/versions/0/sha256").asText();
    Map<String, Object> amendment = new HashMap<>(Map.of("activityReference", reference, "newEndDate", "2028-03-31",
        "justification", "The second workshop moves to early 2028."));
    scenario.requestAmendment("iom-officer", amendment);
    scenario.reviewAmendment(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    scenario.reviewAmendment(proposal, "iom-reviewer", "IOM", "APPROVE", null);
    scenario.sign(proposal, "unodc-signatory-pm", "UNODC");
    scenario.sign(proposal, "iom-signatory-pm", "IOM");
    assertThat(scenario.activity(proposal).getPlannedEndDate()).isEqualTo(LocalDate.parse("2028-03-31"));

    JsonNode amended = agreementOf(reference, "amendment-1");
    assertThat(amended.get("title").asText()).isEqualTo("Joint activity agreement, amendment 1");
    assertThat(amended.get("attachedTo").asText()).isEqualTo("amendment-1");
    String text = textOf(download(reference, amended));
    assertThat(text).contains(reference + ", amendment 1 as signed", "to 31 March 2028");
    assertThat(agreementOf(reference, "proposal").at("/versions/0/sha256").asText()).isEqualTo(proposalPdf);
    assertThat(verify(download(reference, amended)).get("signedVersion").asText()).isEqualTo("amendment-1");
  }

  @Test
  void aVerificationWithoutAFileOrWithABadHashNamesTheFieldAndNobodyUnknownMayAsk() {
    assertRefused(as("unodc-officer").postForEntity("/api/agreements/verification",
        Multipart.upload("empty.pdf", new byte[0], Map.of()), JsonNode.class), 400, "File: is required");
    assertRefused(as("unodc-officer").getForEntity("/api/agreements/not-a-hash", JsonNode.class), 400,
        "SHA-256: must be 64 hexadecimal characters");
    assertThat(http.getForEntity("/api/agreements/" + "0".repeat(64), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("unodc-officer").getForObject("/api/agreements/" + "0".repeat(64), JsonNode.class)
        .get("signedAgreement").asBoolean()).isFalse();
  }

  private JsonNode agreementOf(String reference, String signedVersion) {
    JsonNode documents = as("unodc-officer").getForObject("/api/activities/" + reference + "/documents", JsonNode.class);
    for (JsonNode document : documents) {
      if ("SIGNED_AGREEMENT".equals(document.get("type").asText()) && signedVersion.equals(document.at("/versions/0/signedIn").asText())) {
        return document;
      }
    }
    throw new AssertionError("No signed agreement of " + signedVersion + " among " + documents);
  }

  private byte[] download(String reference, JsonNode document) {
    ResponseEntity<byte[]> pdf = as("iom-officer").getForEntity("/api/activities/" + reference + "/documents/"
        + document.get("id").asLong() + "/versions/1/content", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    return pdf.getBody();
  }

  private JsonNode verify(byte[] pdf) {
    ResponseEntity<JsonNode> answer = as("iom-reviewer").postForEntity("/api/agreements/verification",
        Multipart.upload("copy.pdf", pdf, Map.of()), JsonNode.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // a table cell wraps its text onto lines of its own
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static String contentHash(String text) {
    Matcher hash = CONTENT_HASH.matcher(text);
    assertThat(hash.find()).as(text).isTrue();
    return hash.group(1);
  }

  private void assertRefused(ResponseEntity<JsonNode> response, int status, String detail) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getBody().get("detail").asText()).contains(detail);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo");
  }
}
