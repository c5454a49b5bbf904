package org.jointactivities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A page read in the browser asks for the webapps' login, not for a second (HTTP Basic) one. */
class WebappLoginFirst implements AuthenticationEntryPoint {

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("""
        <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Log in first</title></head>
        <body style="font-family:Arial,sans-serif;margin:2em"><h1>Log in first</h1>
        <p>Log in to <a href="%s/camunda/app/tasklist/default/">Tasklist</a>, then open this page again.</p>
        </body></html>""".formatted(request.getContextPath()));
  }
}
