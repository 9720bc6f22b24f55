package noliq.wrapper.policy;

import java.time.Instant;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.options.IndexId;
import noliq.options.Series;

/** What a policy wants to hold next: a P of strike S maturing at M (a whole second). */
public record Target(Price strike, Instant maturity) {
  public Target {
    if (strike == null || !strike.isPositive()) {
      throw new RuleViolation("strike", "must be positive (was " + strike + ")");
    }
    if (maturity == null || maturity.getNano() != 0) {
      throw new RuleViolation("maturity", "must be a whole second (was " + maturity + ")");
    }
  }

  /** The post's P/N series for this target on {@code index}. */
  public Series series(IndexId index) {
    return Series.pn(index, strike, maturity);
  }
}
