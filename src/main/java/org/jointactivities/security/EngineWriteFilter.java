package org.jointactivities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of changes made through the engine's API (REST or the webapps'), judged only for a
 * logged-in caller: a request from nobody passes untouched, to be refused as nobody's.
 */
abstract class EngineWriteFilter extends OncePerRequestFilter {

  private final CallerOf callers;

  EngineWriteFilter(CallerOf callers) {
    this.callers = callers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    EnginePath engine = EnginePath.of(request);
    return engine == null || !engine.writes();
  }

  @Override
  protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caller = callers.of(request);
    if (caller == null) {
      chain.doFilter(request, response);
      return;
    }
    filter(request, response, chain, caller, EnginePath.of(request));
  }

  abstract void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller,
      EnginePath engine) throws ServletException, IOException;
}
