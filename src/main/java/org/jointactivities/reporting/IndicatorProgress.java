package org.jointactivities.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Progress on one of the activity's indicators: the value reached against the agreed target. */
@Embeddable
public class IndicatorProgress {

  @Column(name = "name", nullable = false, length = 300)
  private String name;

  @Column(name = "target", nullable = false, precision = 15, scale = 2)
  private BigDecimal target;

  @Column(name = "actual", nullable = false, precision = 15, scale = 2)
  private BigDecimal actual;

  protected IndicatorProgress() {}

  public IndicatorProgress(String name, BigDecimal target, BigDecimal actual) {
    this.name = name;
    this.target = target;
    this.actual = actual;
  }

  public String getName() { return name; }
  public BigDecimal getTarget() { return target; }
  public BigDecimal getActual() { return actual; }

  @Override
  public String toString() {
    // the form's line format: name | actual
    return name + " | " + actual.stripTrailingZeros().toPlainString();
  }
}
