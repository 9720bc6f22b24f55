package noliq.lab.study.debt;

import java.util.Arrays;
import java.util.Comparator;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The liquidators (Aave, Liquity) or keepers (Maker) of a book, drawn for every path: each acts
 * {@code latency} after the protocol's oracle has landed, pays gas for every call, and (where the
 * protocol needs it) holds finite capital in the stablecoin.
 *
 * @param count number of bots
 * @param minLatencySeconds fastest reaction (one block: 12 s)
 * @param maxLatencySeconds slowest reaction
 * @param gasUnits gas of one liquidation call or auction take
 * @param minGasGwei lowest gas price a bot pays
 * @param maxGasGwei highest (crashes bid gas up: hundreds of gwei in March 2020)
 * @param minCapitalUsd smallest stablecoin float of a bot (log-uniform between the bounds)
 * @param maxCapitalUsd largest
 */
public record Liquidators(int count, double minLatencySeconds, double maxLatencySeconds, double gasUnits,
    double minGasGwei, double maxGasGwei, double minCapitalUsd, double maxCapitalUsd) {

  /**
   * Five bots, 1 to 5 blocks of latency (12-60 s), 500k gas a call (a flash-loan liquidation with
   * a swap, of the order of Aave v3 liquidation transactions), 20-200 gwei, $100k-$10M of float each.
   * Assumptions stated for the study; vary them.
   */
  public static Liquidators defaults() {
    return new Liquidators(5, 12, 60, 500_000, 20, 200, 100_000, 10_000_000);
  }

  public Liquidators {
    if (count < 1) {
      throw new RuleViolation("count", "must be at least 1 (was " + count + ")");
    }
    if (!(minLatencySeconds >= 0) || !(maxLatencySeconds >= minLatencySeconds)) {
      throw new RuleViolation("latency", "must satisfy 0 <= min <= max (was " + minLatencySeconds + ", " + maxLatencySeconds + ")");
    }
    if (!(gasUnits >= 0) || !(minGasGwei >= 0) || !(maxGasGwei >= minGasGwei)) {
      throw new RuleViolation("gas", "must be non-negative with min <= max");
    }
    if (!(minCapitalUsd > 0) || !(maxCapitalUsd >= minCapitalUsd) || Double.isInfinite(maxCapitalUsd)) {
      throw new RuleViolation("capital", "must satisfy 0 < min <= max, finite (was " + minCapitalUsd + ", " + maxCapitalUsd + ")");
    }
  }

  /** One bot as drawn. */
  public record Bot(int id, double latencySeconds, double gasGwei, double capitalUsd) {
    /** The gas of one call, in USD at {@code ethPrice}. */
    public double gasUsd(double gasUnits, double ethPrice) {
      return gasUnits * gasGwei * 1e-9 * ethPrice;
    }
  }

  /** Draws the bots from {@code rng}, fastest first. */
  public Bot[] draw(UniformRandomProvider rng) {
    Bot[] out = new Bot[count];
    for (int i = 0; i < count; i++) {
      double latency = minLatencySeconds + (maxLatencySeconds - minLatencySeconds) * rng.nextDouble();
      double gwei = minGasGwei + (maxGasGwei - minGasGwei) * rng.nextDouble();
      double capital = minCapitalUsd * StrictMath.pow(maxCapitalUsd / minCapitalUsd, rng.nextDouble());
      out[i] = new Bot(i, latency, gwei, capital);
    }
    Arrays.sort(out, Comparator.comparingDouble(Bot::latencySeconds).thenComparingInt(Bot::id));
    return out;
  }
}
