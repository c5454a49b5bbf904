package org.jointactivities.activity;

import java.util.Arrays;
import java.util.List;

/** The regions an activity may be placed in: the proposal form's options and the rule its value is checked against. */
public enum Region {
  SOUTHERN_AFRICA("Southern Africa"),
  WEST_AFRICA("West Africa"),
  EAST_AFRICA_AND_HORN("East Africa and the Horn of Africa"),
  NORTH_AFRICA("North Africa"),
  CENTRAL_AFRICA("Central Africa"),
  LATIN_AMERICA_AND_CARIBBEAN("Latin America and the Caribbean"),
  CENTRAL_ASIA("Central Asia"),
  SOUTH_ASIA("South Asia"),
  SOUTH_EAST_ASIA("South-East Asia"),
  MIDDLE_EAST("Middle East"),
  EUROPE("Europe"),
  GLOBAL("Global");

  private final String label;

  Region(String label) {
    this.label = label;
  }

  /** What is stored and shown (activities keep the region by this name). */
  public String label() {
    return label;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Region::label).toList();
  }
}
