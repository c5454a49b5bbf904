package org.jointactivities.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A virus scanner for uploads (ClamAV's clamd in production). */
interface VirusScan {

  /** The name of what was found, or empty when the content is clean. */
  Optional<String> findIn(InputStream content) throws IOException;
}
