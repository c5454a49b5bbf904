package org.jointactivities.activity;

public enum CorruptionRisk {
  LOW,
  MEDIUM,
  HIGH
}
