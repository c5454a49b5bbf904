package org.jointactivities.support;

import java.util.HashMap;
import java.util.Map;

/** Progress report form variables as Tasklist submits them, for the activity of {@link Proposals#valid()}. */
public final class Reports {

  private Reports() {}

  /** A valid report for period n: indicators and expenditure to date grow with each period. */
  public static Map<String, Object> valid(int period) {
    Map<String, Object> v = new HashMap<>();
    v.put("narrative", "Period " + period + ": two workshops held, curriculum drafted.");
    v.put("indicatorProgress", "Officials trained | " + (30 * period) + "\nReferrals made | " + (5 + 8 * period));
    v.put("leadExpenditure", 12000.0 * period);
    v.put("partnerExpenditure", 6000 * period);
    v.put("risks", "Staff turnover at two border posts.");
    v.put("integrityConcerns", "");
    return v;
  }

  public static Map<String, Object> with(int period, String field, Object value) {
    Map<String, Object> v = valid(period);
    v.put(field, value);
    return v;
  }
}
