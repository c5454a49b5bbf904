package org.jointactivities.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * When credentials could not be checked at all (the directory or the database is away), the API
 * answers 503 in words with a time to retry, not 401: the password may well be right, and a client
 * that took 401 for a wrong password would lock its user out or ask them again for nothing.
 */
final class SignInUnavailable implements AuthenticationEntryPoint {

  private static final String RETRY_AFTER_SECONDS = "30";

  private final AuthenticationEntryPoint challenge;

  SignInUnavailable(AuthenticationEntryPoint challenge) {
    this.challenge = challenge;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, ServletException {
    if (failure instanceof AuthenticationServiceException) {
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      RefusalResponse.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ServiceUnavailable", failure.getMessage());
      return;
    }
    challenge.commence(request, response, failure);
  }
}
