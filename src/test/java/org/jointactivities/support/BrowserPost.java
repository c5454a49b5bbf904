package org.jointactivities.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A POST with the headers a browser adds, {@code Origin} among them, which TestRestTemplate's JDK
 * connection silently drops.
 */
public final class BrowserPost {

  private final int port;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public BrowserPost(int port) {
    this.port = port;
  }

  /** Origin and Sec-Fetch-Site as a page of this application sends them. */
  public BrowserPost fromOwnPage() {
    return header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin");
  }

  public BrowserPost header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public BrowserPost basicAuth(String user, String password) {
    return header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public HttpResponse<String> send(String path, String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
