package noliq.debt.aave;

import noliq.math.RuleViolation;

/** The Aave pool refused an operation and changed nothing; {@link #reason()} says why. */
public final class AaveViolation extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient AaveError reason;

  public AaveViolation(AaveError reason) {
    super(reason.field(), reason.rule(), false); // an expected refusal: no stack trace
    this.reason = reason;
  }

  public AaveError reason() {
    return reason;
  }
}
