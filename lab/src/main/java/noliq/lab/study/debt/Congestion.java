package noliq.lab.study.debt;

import noliq.math.RuleViolation;

/**
 * Network congestion in a crash, as a stated model: the gas price every transaction must bid is
 * {@code baseGwei · exp(sensitivity · fall)}, where {@code fall} is how far the step's low stands
 * below the highest price of the previous {@code lookbackSteps} steps. A keeper or liquidator bids
 * at most its own gas price ({@link Liquidators.Bot#gasGwei()}, its ceiling): while the network asks
 * more, its transactions do not land and it does nothing; when it does act, it pays the network's
 * price. That is how Black Thursday's keepers failed: gas rose from a few gwei to hundreds while ETH
 * fell 40% in a day, keepers with fixed gas settings stalled, and auctions closed on the few bids
 * that got through (MakerDAO, "Black Thursday response", 2020).
 *
 * @param sensitivity how steeply gas rises with the fall (0: no congestion)
 * @param baseGwei the gas price in calm markets
 * @param lookbackSteps the steps whose highest price the fall is measured from
 */
public record Congestion(double sensitivity, double baseGwei, int lookbackSteps) {
  /** No congestion: every bot's transactions land at its own gas price. */
  public static final Congestion NONE = new Congestion(0, 0, 1);

  /**
   * A Black-Thursday-like congestion, an assumption to vary: 20 gwei in calm markets, ten times
   * that (200 gwei, the top of the bots' range) after a 30% fall from the day's high, so
   * {@code sensitivity = ln(10) / 0.3}; the fall is measured over the last 24 hours of steps.
   */
  public static Congestion blackThursday(int stepsPerDay) {
    return new Congestion(Math.log(10) / 0.3, 20, stepsPerDay);
  }

  public Congestion {
    if (!(sensitivity >= 0) || Double.isInfinite(sensitivity)) {
      throw new RuleViolation("sensitivity", "must be non-negative and finite (was " + sensitivity + ")");
    }
    if (!(baseGwei >= 0) || Double.isInfinite(baseGwei)) {
      throw new RuleViolation("baseGwei", "must be non-negative and finite (was " + baseGwei + ")");
    }
    if (lookbackSteps < 1) {
      throw new RuleViolation("lookbackSteps", "must be at least 1 (was " + lookbackSteps + ")");
    }
  }

  /** Whether the network's gas price can differ from a bot's own. */
  public boolean active() {
    return sensitivity > 0;
  }

  /** The gas price the network asks after a fall of {@code fall} (a fraction, 0 when at the high). */
  public double networkGwei(double fall) {
    return baseGwei * Math.exp(sensitivity * Math.max(0, fall));
  }
}
