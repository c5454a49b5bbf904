package org.jointactivities.activity;

public enum ThematicArea {
  TRAFFICKING_IN_PERSONS,
  SMUGGLING_OF_MIGRANTS,
  BORDER_MANAGEMENT
}
