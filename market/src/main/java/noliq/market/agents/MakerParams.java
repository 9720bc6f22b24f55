package noliq.market.agents;

import noliq.math.RuleViolation;

/**
 * A market maker's private parameters.
 *
 * @param volEstimate its own volatility estimate for Black–Scholes (0.7 = 70%)
 * @param halfSpreadBps how far from its fair value it rests bids and asks in a book
 * @param minEdgeBps the edge it requires with an empty inventory
 * @param maxEdgeBps the edge it requires when its inventory is full; the requirement rises
 *     linearly in between (inventory aversion, as in Avellaneda–Stoikov's linear skew)
 * @param inventoryLimitUsd the most it will hold of what it takes in, valued at its fair value
 */
public record MakerParams(double volEstimate, double halfSpreadBps, double minEdgeBps, double maxEdgeBps,
    double inventoryLimitUsd) {
  public MakerParams {
    if (!(volEstimate > 0) || Double.isInfinite(volEstimate)) {
      throw new RuleViolation("volEstimate", "must be positive (was " + volEstimate + ")");
    }
    if (!(halfSpreadBps >= 0 && halfSpreadBps < 10_000)) {
      throw new RuleViolation("halfSpreadBps", "must be in [0, 10000) (was " + halfSpreadBps + ")");
    }
    if (!(minEdgeBps >= 0 && maxEdgeBps >= minEdgeBps && maxEdgeBps < 10_000)) {
      throw new RuleViolation("maxEdgeBps", "must satisfy 0 <= minEdgeBps <= maxEdgeBps < 10000 (was "
          + minEdgeBps + ", " + maxEdgeBps + ")");
    }
    if (!(inventoryLimitUsd > 0) || Double.isInfinite(inventoryLimitUsd)) {
      throw new RuleViolation("inventoryLimitUsd", "must be positive (was " + inventoryLimitUsd + ")");
    }
  }

  /** The edge required after holding {@code usedUsd} of inventory. */
  public double requiredEdgeBps(double usedUsd) {
    double u = Math.min(Math.max(usedUsd / inventoryLimitUsd, 0), 1);
    return minEdgeBps + (maxEdgeBps - minEdgeBps) * u;
  }

  /** The inventory at which the requirement reaches {@code edgeBps}: what it will hold at that edge. */
  public double inventoryAtEdgeUsd(double edgeBps) {
    if (edgeBps < minEdgeBps) {
      return 0;
    }
    if (maxEdgeBps == minEdgeBps) {
      return inventoryLimitUsd;
    }
    return inventoryLimitUsd * Math.min((edgeBps - minEdgeBps) / (maxEdgeBps - minEdgeBps), 1);
  }
}
