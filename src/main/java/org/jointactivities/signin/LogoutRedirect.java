package org.jointactivities.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.DefaultRedirectStrategy;

/**
 * Where a logout goes next (the provider's end-session endpoint): a redirect, or for the webapps'
 * logout script, which asks for JSON, the address in the answer. The webapps' pages allow forms to
 * go to their own origin only (Content-Security-Policy {@code form-action 'self'}), and browsers
 * hold a form's redirect to the provider to that too; the script goes there itself.
 */
class LogoutRedirect extends DefaultRedirectStrategy {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
    if (!asksForJson(request)) {
      super.sendRedirect(request, response, url);
      return;
    }
    String location = URI.create(url).isAbsolute() ? url : request.getContextPath() + url;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), Map.of("signOutAt", location));
  }

  private static boolean asksForJson(HttpServletRequest request) {
    try {
      return MediaType.parseMediaTypes(request.getHeader("Accept")).stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype);
    } catch (InvalidMediaTypeException garbled) {
      return false; // a redirect serves any client
    }
  }
}
