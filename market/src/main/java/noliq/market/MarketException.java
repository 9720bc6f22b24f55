package noliq.market;

import noliq.math.RuleViolation;

/** A refused market operation; nothing was changed. Carries the typed {@link MarketError}. */
public final class MarketException extends RuleViolation {
  private static final long serialVersionUID = 1L;

  private final transient MarketError reason;

  public MarketException(MarketError reason) {
    super(reason.field(), reason.rule());
    this.reason = reason;
  }

  public MarketError reason() {
    return reason;
  }
}
