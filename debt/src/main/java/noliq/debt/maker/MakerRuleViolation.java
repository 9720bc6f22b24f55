package noliq.debt.maker;

import noliq.math.RuleViolation;

/** A Maker operation was refused, with its typed reason. Nothing was changed. */
public final class MakerRuleViolation extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient MakerError reason;

  public MakerRuleViolation(MakerError reason) {
    super(reason.field(), reason.rule(), false); // an expected refusal: no stack trace
    this.reason = reason;
  }

  public MakerError reason() {
    return reason;
  }
}
