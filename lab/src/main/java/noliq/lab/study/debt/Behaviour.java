package noliq.lab.study.debt;

import java.time.Duration;
import noliq.math.RuleViolation;

/**
 * What borrowers do for themselves: a share of them watch their position and, once its health (as
 * the protocol's oracle shows it) has stayed below a personal threshold for a reaction delay, bring
 * it back to the health they opened with, either by repaying debt (a share {@code repayShare} of
 * them, with stablecoin from outside the book) or by adding collateral from outside the book. The
 * others do nothing. A borrower's threshold is drawn uniformly between the bounds, and never above
 * its opening health. After a liquidation has closed its position, a borrower reopens one with
 * probability {@code reopenProbability}, drawn afresh from the population at the price of the day.
 *
 * @param reactShare the share of borrowers who react
 * @param repayShare the share of reacting borrowers who repay rather than add collateral
 * @param thresholdLow lowest personal threshold (a health factor)
 * @param thresholdHigh highest personal threshold
 * @param delay how long the health must stay below the threshold before the borrower acts
 * @param reopenProbability the chance a liquidated borrower opens a new position
 */
public record Behaviour(double reactShare, double repayShare, double thresholdLow, double thresholdHigh, Duration delay,
    double reopenProbability) {
  /** Nobody reacts or reopens: the passive book. */
  public static final Behaviour PASSIVE = new Behaviour(0, 0, 1.01, 1.01, Duration.ZERO, 0);

  /**
   * Fitted on Maker ETH-B's events ({@link EthBCalibration#COMMITTED_REACTIONS}): 28.6 % of the
   * episodes below health 1.2 saw the owner react, 65.4 % of the reactions were repayments; the
   * health at the reaction ran from 1.034 (10th percentile) to 1.186 (90th), which sets the
   * threshold band; the median reaction came 6 hours after the 1.2 crossing (the delay here runs
   * from the personal threshold, so reactions come a little later than observed: stated). 9 of 86
   * liquidated vaults borrowed again on the same vault: 10.5 %, a lower bound on reopening.
   */
  public static Behaviour defaults() {
    EthBCalibration.Reactions r = EthBCalibration.COMMITTED_REACTIONS;
    return new Behaviour(r.reactShare(), r.repayShare(), r.healthAtReactionP10(), r.healthAtReactionP90(),
        Duration.ofMinutes(Math.round(r.medianDelayHours() * 60)), r.reopenShare());
  }

  public Behaviour {
    if (!(reactShare >= 0) || reactShare > 1) {
      throw new RuleViolation("reactShare", "must be in [0, 1] (was " + reactShare + ")");
    }
    if (!(repayShare >= 0) || repayShare > 1) {
      throw new RuleViolation("repayShare", "must be in [0, 1] (was " + repayShare + ")");
    }
    if (!(thresholdLow > 1) || !(thresholdHigh >= thresholdLow) || Double.isInfinite(thresholdHigh)) {
      throw new RuleViolation("threshold", "must satisfy 1 < low <= high, finite (was " + thresholdLow + ", " + thresholdHigh + ")");
    }
    if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofDays(365)) > 0) {
      throw new RuleViolation("delay", "must be between 0 and 365 days");
    }
    if (!(reopenProbability >= 0) || reopenProbability > 1) {
      throw new RuleViolation("reopenProbability", "must be in [0, 1] (was " + reopenProbability + ")");
    }
  }

  public boolean active() {
    return reactShare > 0;
  }
}
