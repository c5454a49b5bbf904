package benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** JSON over HTTP Basic to one application; any answer but 2xx is an error that fails the lifecycle. */
final class RestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String password;

  RestClient(String baseUrl, String password) {
    this.baseUrl = baseUrl;
    this.password = password;
  }

  JsonNode get(String user, String path) throws IOException, InterruptedException {
    return send(request(user, path).GET());
  }

  JsonNode post(String user, String path, Object body) throws IOException, InterruptedException {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** How many lines a text answer has, read as it streams (an export of any size, never whole in memory). */
  long lines(String user, String path) throws IOException, InterruptedException {
    try (BufferedReader body = new BufferedReader(new InputStreamReader(stream(user, path), StandardCharsets.UTF_8))) {
      return body.lines().count();
    }
  }

  /** How often {@code text} occurs in a streamed answer (on one line or across lines). */
  long count(String user, String path, String text) throws IOException, InterruptedException {
    long found = 0;
    int matched = 0;
    try (BufferedReader body = new BufferedReader(new InputStreamReader(stream(user, path), StandardCharsets.UTF_8))) {
      for (int c = body.read(); c >= 0; c = body.read()) {
        matched = c == text.charAt(matched) ? matched + 1 : (c == text.charAt(0) ? 1 : 0);
        if (matched == text.length()) {
          found++;
          matched = 0;
        }
      }
    }
    return found;
  }

  private InputStream stream(String user, String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> answer = http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (answer.statusCode() / 100 != 2) {
      String body = new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException("GET " + path + " answered " + answer.statusCode() + ": " + body);
    }
    return answer.body();
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IOException(answer.request().method() + " " + answer.request().uri().getPath() + " answered "
          + answer.statusCode() + ": " + answer.body());
    }
    return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
  }
}
