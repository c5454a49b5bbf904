package org.jointactivities.signoff;

import java.time.Instant;
import org.jointactivities.agency.SignatoryLevel;

/** Signatures for test data sets that do not run the sign-off process. */
public final class TestSignatures {

  private TestSignatures() {}

  public static Signature of(long activityId, String signOffId, String agency, Instant signedAt) {
    return new Signature(activityId, signOffId, agency, agency.toLowerCase() + "-signatory-pm",
        SignatoryLevel.PROGRAMME_MANAGER, signedAt);
  }
}
