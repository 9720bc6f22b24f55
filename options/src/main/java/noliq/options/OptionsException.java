package noliq.options;

import noliq.math.RuleViolation;

/** The ledger refused an operation for the typed {@link #error()}; nothing was changed. */
public final class OptionsException extends RuleViolation {
  private static final long serialVersionUID = 1L;
  private final transient OptionsError error;

  public OptionsException(OptionsError error) {
    super(error.field(), error.rule());
    this.error = error;
  }

  public OptionsError error() {
    return error;
  }
}
