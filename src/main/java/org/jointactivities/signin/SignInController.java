package org.jointactivities.signin;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How people sign in here, for the webapps' logout link (webjars/.../joint-activities/single-sign-on.js). */
@RestController
class SignInController {

  private final boolean singleSignOn;

  SignInController(@Value("${joint-activities.sso.enabled:false}") boolean singleSignOn) {
    this.singleSignOn = singleSignOn;
  }

  @GetMapping("/api/sign-in")
  Map<String, Object> signIn() {
    return Map.of("singleSignOn", singleSignOn);
  }
}
