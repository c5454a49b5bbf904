package org.jointactivities.activity;

public enum CrossCuttingMarker {
  CORRUPTION_RISK,
  GENDER,
  HUMAN_RIGHTS
}
