package org.jointactivities.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Last reference sequence number handed out in a year; one row per year, locked while counting. */
@Entity
@Table(name = "reference_counter")
class ReferenceCounter {

  @Id
  @Column(name = "ref_year")
  private Integer year;

  @Column(name = "last_value", nullable = false)
  private int lastValue;

  protected ReferenceCounter() {}

  ReferenceCounter(int year) {
    this.year = year;
  }

  int next() {
    return ++lastValue;
  }
}
