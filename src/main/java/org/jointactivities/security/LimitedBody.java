package org.jointactivities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads a request body that one of our filters must inspect before the endpoint does, never more
 * than a limit: a larger body is refused with 413 before it is read when its Content-Length says
 * so, and as soon as the limit is passed when it comes in chunks. Otherwise one large request could
 * fill the memory.
 */
final class LimitedBody {

  /** The engine API: far above any form, task completion or model of this application. */
  static final int ENGINE_API = 1024 * 1024;
  /** The webapps' login form: a user name and a password. */
  static final int LOGIN_FORM = 64 * 1024;

  private LimitedBody() {}

  /** The body, or null when it was larger than {@code limit} bytes and the 413 answer is written. */
  static byte[] read(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
    if (request.getContentLengthLong() <= limit) {
      byte[] body = request.getInputStream().readNBytes(limit + 1);
      if (body.length <= limit) {
        return body;
      }
    }
    // the rest of the body is not read: the connection cannot serve another request
    response.setHeader("Connection", "close");
    RefusalResponse.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
        "The request body is larger than " + describe(limit) + ", the most this application accepts here");
    return null;
  }

  private static String describe(int limit) {
    return limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
  }
}
