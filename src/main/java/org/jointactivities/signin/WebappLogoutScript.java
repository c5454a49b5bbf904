package org.jointactivities.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The script Tasklist, Cockpit and Admin load for their menu's "Log out" (their scripts/config.js).
 * With single sign-on it must end the provider's session too, or the person is signed straight
 * back in; without it the webapps' own logout stays. The server chooses the script, so the page
 * never asks how people sign in: such a question from the login page met the API's password
 * challenge. A mapping of Spring MVC's, so it comes before the webapps' static resources.
 */
@RestController
class WebappLogoutScript {

  static final String PATH = "/camunda/app/joint-activities/logout.js";

  private static final String OWN_LOGOUT = "// Without single sign-on the webapps' own logout stays.\nexport default [];\n";

  private final String script;

  WebappLogoutScript(@Value("${joint-activities.sso.enabled:false}") boolean singleSignOn) {
    this.script = singleSignOn ? read("signin/logout-at-the-provider.js") : OWN_LOGOUT;
  }

  @GetMapping(path = PATH, produces = "text/javascript;charset=UTF-8")
  String script() {
    return script;
  }

  private static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The single sign-on logout script " + resource + " is missing from the application", e);
    }
  }
}
