package noliq.debt.liquity;

import noliq.math.RuleViolation;

/** A Liquity operation was refused, with its typed reason. Nothing was changed. */
public final class LiquityRuleViolation extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient LiquityError reason;

  public LiquityRuleViolation(LiquityError reason) {
    super(reason.field(), reason.rule(), false); // an expected refusal: no stack trace
    this.reason = reason;
  }

  public LiquityError reason() {
    return reason;
  }
}
