package noliq.lab.scenarios;

import noliq.math.RuleViolation;

/**
 * Input data broke a rule. The field names the source and line ({@code eth.csv line 17}) and the
 * rule names the column, so the message reads {@code eth.csv line 17: close: must be a number (was 'x')}.
 */
public final class DataError extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final long line;

  public DataError(String source, long line, String rule) {
    super(line > 0 ? source + " line " + line : source, rule);
    this.line = line;
  }

  /** The 1-based line number in the source; 0 when the error is about the whole file. */
  public long line() {
    return line;
  }
}
