package org.jointactivities.support;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Logs in to the Camunda webapps as a browser does: fetch the CSRF token, then post the form with it. */
public final class WebappLogin {

  private WebappLogin() {}

  /** The login's response; on success its cookies are the session ({@link #cookies}). */
  public static ResponseEntity<String> login(TestRestTemplate http, String app, String user, String password) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/", String.class);
    String cookies = cookies(page);
    String token = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).map(cookie -> cookie.split(";")[0].substring(11))
        .findFirst().orElseThrow(() -> new AssertionError("No CSRF token cookie from the webapp"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", token);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
    if (login.getHeaders().get(HttpHeaders.SET_COOKIE) == null) {
      return ResponseEntity.status(login.getStatusCode()).header(HttpHeaders.SET_COOKIE,
          cookies.split("; ")).body(login.getBody());
    }
    return login;
  }

  /** The session's CSRF token, as the webapps read it from their engine API's answers. */
  public static String csrfToken(TestRestTemplate http, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> page = http.exchange("/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    String header = page.getHeaders().getFirst("X-XSRF-TOKEN");
    if (header != null) {
      return header;
    }
    return Arrays.stream(cookies(page).split("; ")).filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).findFirst()
        .orElseThrow(() -> new AssertionError("No CSRF token for the session: " + page.getHeaders()));
  }

  /** The cookies a response set, as a Cookie header value. */
  public static String cookies(ResponseEntity<?> response) {
    List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    return set == null ? "" : set.stream().map(cookie -> cookie.split(";")[0]).collect(Collectors.joining("; "));
  }
}
