package noliq.wrapper.policy;

import java.time.Instant;
import noliq.math.Price;
import noliq.math.RuleViolation;

/**
 * The P a holder (or the vault) holds under a policy: its strike S, its maturity M, and the spot
 * price when it was bought ({@code entrySpot}, the post's X under the entry-price reading).
 */
public record Position(Price strike, Instant maturity, Price entrySpot, Instant openedAt) {
  public Position {
    if (strike == null || !strike.isPositive()) {
      throw new RuleViolation("strike", "must be positive (was " + strike + ")");
    }
    if (maturity == null) {
      throw new RuleViolation("maturity", "is required");
    }
    if (entrySpot == null || !entrySpot.isPositive()) {
      throw new RuleViolation("entry-spot", "must be positive (was " + entrySpot + ")");
    }
    if (strike.compareTo(entrySpot) >= 0) {
      throw new RuleViolation("strike", "must be below the spot at entry " + entrySpot
          + " (a P held for stability is deep in the money; was " + strike + ")");
    }
    if (openedAt == null) {
      throw new RuleViolation("opened-at", "is required");
    }
    if (!maturity.isAfter(openedAt)) {
      throw new RuleViolation("maturity", "must be after the position was opened (" + openedAt + "), was " + maturity);
    }
  }

  /** The position a {@link Target} becomes once bought at {@code spot} at {@code now}. */
  public static Position opened(Target target, Price spot, Instant now) {
    return new Position(target.strike(), target.maturity(), spot, now);
  }

  /** Days from {@code now} to maturity, never negative. */
  public double daysToMaturity(Instant now) {
    return Math.max(0.0, (maturity.getEpochSecond() - now.getEpochSecond()) / 86_400.0);
  }
}
