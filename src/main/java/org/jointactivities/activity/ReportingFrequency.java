package org.jointactivities.activity;

public enum ReportingFrequency {
  MONTHLY(1),
  QUARTERLY(3),
  SEMI_ANNUAL(6);

  private final int months;

  ReportingFrequency(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
