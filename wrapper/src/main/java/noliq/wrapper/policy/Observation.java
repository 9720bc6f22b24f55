package noliq.wrapper.policy;

import java.time.Instant;
import noliq.math.Price;
import noliq.math.RuleViolation;

/**
 * What a policy sees when it decides: the spot x (index units per ETH, from whichever price source
 * its runner trusts), the time, and the volatility its runner uses to value P and its ETH exposure.
 */
public record Observation(Price spot, Instant now, double vol) {
  public Observation {
    if (spot == null || !spot.isPositive()) {
      throw new RuleViolation("spot", "must be positive (was " + spot + ")");
    }
    if (now == null) {
      throw new RuleViolation("now", "is required");
    }
    if (!(vol > 0) || Double.isInfinite(vol)) {
      throw new RuleViolation("vol", "must be a positive finite number (was " + vol + ")");
    }
  }
}
