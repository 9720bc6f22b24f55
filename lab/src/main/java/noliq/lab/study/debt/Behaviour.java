package noliq.lab.study.debt;

import java.time.Duration;
import noliq.math.RuleViolation;

/**
 * What borrowers do for themselves: a share of them watch their position and, once its health (as
 * the protocol's oracle shows it) has stayed below a personal threshold for a reaction delay, add
 * collateral from outside the book until it is back at the health they opened with. The others do
 * nothing. A borrower's threshold is drawn uniformly between the bounds, and never above its
 * opening health.
 *
 * @param reactShare the share of borrowers who react
 * @param thresholdLow lowest personal threshold (a health factor)
 * @param thresholdHigh highest personal threshold
 * @param delay how long the health must stay below the threshold before the borrower acts
 */
public record Behaviour(double reactShare, double thresholdLow, double thresholdHigh, Duration delay) {
  /** Nobody reacts: the passive book. */
  public static final Behaviour PASSIVE = new Behaviour(0, 1.01, 1.01, Duration.ZERO);

  /**
   * Half the borrowers react, at a personal threshold between health 1.02 and 1.20, one hour after
   * it is crossed. An assumption to vary: ETH-B's event files show top-ups and repayments (9,742
   * deposits and 6,685 repayments over 1,025 vaults) but not who reacted to what, so the share and
   * the delay are not fitted.
   */
  public static Behaviour defaults() {
    return new Behaviour(0.5, 1.02, 1.20, Duration.ofHours(1));
  }

  public Behaviour {
    if (!(reactShare >= 0) || reactShare > 1) {
      throw new RuleViolation("reactShare", "must be in [0, 1] (was " + reactShare + ")");
    }
    if (!(thresholdLow > 1) || !(thresholdHigh >= thresholdLow) || Double.isInfinite(thresholdHigh)) {
      throw new RuleViolation("threshold", "must satisfy 1 < low <= high, finite (was " + thresholdLow + ", " + thresholdHigh + ")");
    }
    if (delay == null || delay.isNegative()) {
      throw new RuleViolation("delay", "must not be negative");
    }
  }

  public boolean active() {
    return reactShare > 0;
  }
}
