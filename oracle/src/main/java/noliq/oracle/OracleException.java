package noliq.oracle;

import noliq.math.RuleViolation;

/** An oracle operation broke a rule; nothing was changed. The typed reason is {@link #error()}. */
public final class OracleException extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient OracleError error;

  public OracleException(OracleError error) {
    super(error.field(), error.rule());
    this.error = error;
  }

  public OracleError error() {
    return error;
  }
}
