package org.jointactivities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A 20 MB document goes in and comes out without the application holding it in memory. Measured
 * where a whole file would show: the G1 collector puts every array larger than half a heap region
 * straight into the old generation, so a 20 MB file held whole (or a copy of it) raises the old
 * generation's peak by 20 MB or more at once; chunks of 256 KB are young objects and never do.
 * The client streams both ways too (it runs in the same JVM).
 */
@JointActivitiesTest
class LargeDocumentHeapTest {

  static final int SIZE = 20 * 1024 * 1024;
  static final String BOUNDARY = "ja-large-document";

  @Autowired Scenario scenario;
  @LocalServerPort int port;

  @Test
  void aTwentyMegabyteFileIsStoredAndDownloadedWithoutBeingHeldInMemory() throws Exception {
    String reference = scenario.submitValid().getBusinessKey();
    MemoryPoolMXBean oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getName().equals("G1 Old Gen")).findFirst()
        .orElseThrow(() -> new AssertionError("This measurement needs the G1 collector (the JVM's default here)"));
    HttpClient client = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString("unodc-officer:demo".getBytes(StandardCharsets.UTF_8));

    System.gc();
    long before = oldGeneration.getUsage().getUsed();
    oldGeneration.resetPeakUsage();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    HttpResponse<String> attached = client.send(HttpRequest.newBuilder(url("/api/activities/" + reference + "/documents"))
        .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart(new DigestInputStream(largePdf(), sent)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    JsonNode document = new ObjectMapper().readTree(attached.body());
    assertThat(document.at("/versions/0/size").asLong()).isEqualTo(SIZE);
    assertThat(document.at("/versions/0/sha256").asText()).isEqualTo(HexFormat.of().formatHex(sent.digest()));

    HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(url("/api/activities/" + reference
        + "/documents/" + document.get("id").asLong() + "/versions/1/content")).header("Authorization", auth).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long length = 0;
    try (InputStream in = new DigestInputStream(download.body(), received)) {
      for (byte[] buffer = new byte[64 * 1024]; ; ) {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        length += read;
      }
    }
    assertThat(length).isEqualTo(SIZE);
    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(document.at("/versions/0/sha256").asText());

    long growth = oldGeneration.getPeakUsage().getUsed() - before;
    assertThat(growth).as("the old generation's peak rose by %d KB", growth / 1024).isLessThan(SIZE / 2);
  }

  /** A PDF's first line, then 20 MB in all of bytes that do not compress, made as they are read. */
  private static InputStream largePdf() {
    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    Random random = new Random(14);
    InputStream rest = new InputStream() {
      long left = SIZE - header.length;

      @Override
      public int read() {
        return left-- > 0 ? random.nextInt(256) : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        byte[] some = new byte[n];
        random.nextBytes(some);
        System.arraycopy(some, 0, b, off, n);
        left -= n;
        return n;
      }
    };
    return new SequenceInputStream(new ByteArrayInputStream(header), rest);
  }

  private static InputStream multipart(InputStream file) {
    String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nANNEX\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nSurvey data\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"survey.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    return new SequenceInputStream(Collections.enumeration(List.of(
        new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), file,
        new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII)))));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
