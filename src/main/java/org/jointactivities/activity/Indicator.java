package org.jointactivities.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A measurable indicator of an activity: where it starts (baseline) and what it aims for (target). */
@Embeddable
public class Indicator {

  @Column(name = "name", nullable = false, length = 300)
  private String name;

  @Column(name = "baseline", nullable = false, precision = 15, scale = 2)
  private BigDecimal baseline;

  @Column(name = "target", nullable = false, precision = 15, scale = 2)
  private BigDecimal target;

  protected Indicator() {}

  public Indicator(String name, BigDecimal baseline, BigDecimal target) {
    this.name = name;
    this.baseline = baseline;
    this.target = target;
  }

  public String getName() {
    return name;
  }

  public BigDecimal getBaseline() {
    return baseline;
  }

  public BigDecimal getTarget() {
    return target;
  }

  @Override
  public String toString() {
    // as the officer typed it: 120, not 120.00
    return name + " | " + baseline.stripTrailingZeros().toPlainString() + " | " + target.stripTrailingZeros().toPlainString();
  }
}
