package noliq.market.roll;

import java.time.Duration;
import java.util.List;
import noliq.math.RuleViolation;

/**
 * Every modelling assumption of the roll-cost comparison, named, with its default and source.
 * None is tuned to produce a particular result; where no published figure exists the default is
 * marked as an assumption and should be varied.
 *
 * @param ammPoolDepthUsd total value locked in each P/ETH constant-product pool (both sides)
 * @param ammBaseFeePips the pools' fee far from maturity
 * @param ammFinalFeePips the pools' fee at maturity
 * @param ammFeeRampWindow how long before maturity the fee starts to rise
 * @param auctionEdgePips the rotation auction's maximum concession from fair value
 * @param auctionRamp how long the auction takes to concede it (and its lifetime)
 * @param makerPollInterval how often each maker looks at the auction
 * @param makerCount how many independent makers take auctions and quote in books
 * @param makerHalfSpreadBps each maker's half-spread around fair value in a book
 * @param makerMinEdgeBps the auction edge a maker requires with an empty inventory
 * @param makerMaxEdgeBps the edge it requires with a full inventory (linear in between)
 * @param makerInventoryUsd each maker's inventory limit, per series and side
 * @param patience how long the patient holder's resting orders wait before it crosses the spread
 * @param naturalFlowUsdPerDay other traders' demand for the old P and supply of the new P, per day each
 * @param flowInterval how often that flow arrives (in equal parts)
 * @param reaction how the markets react to the path's state: smile, makers' response, flow, pool depth
 */
public record RollAssumptions(
    double ammPoolDepthUsd,
    long ammBaseFeePips,
    long ammFinalFeePips,
    Duration ammFeeRampWindow,
    long auctionEdgePips,
    Duration auctionRamp,
    Duration makerPollInterval,
    int makerCount,
    double makerHalfSpreadBps,
    double makerMinEdgeBps,
    double makerMaxEdgeBps,
    double makerInventoryUsd,
    Duration patience,
    double naturalFlowUsdPerDay,
    Duration flowInterval,
    MarketReaction reaction) {

  /** One assumption as printed: its name, value and source. */
  public record Assumption(String name, String value, String source) {}

  public static final RollAssumptions DEFAULTS = new RollAssumptions(
      7_000_000, 3_000, 10_000, Duration.ofDays(7),
      20_000, Duration.ofDays(1), Duration.ofMinutes(1),
      5, 25, 10, 150, 5_000_000,
      Duration.ofDays(3), 1_000_000, Duration.ofHours(1), MarketReaction.DEFAULTS);

  /** The assumptions with the default {@link MarketReaction}. */
  public RollAssumptions(double ammPoolDepthUsd, long ammBaseFeePips, long ammFinalFeePips, Duration ammFeeRampWindow,
      long auctionEdgePips, Duration auctionRamp, Duration makerPollInterval, int makerCount, double makerHalfSpreadBps,
      double makerMinEdgeBps, double makerMaxEdgeBps, double makerInventoryUsd, Duration patience,
      double naturalFlowUsdPerDay, Duration flowInterval) {
    this(ammPoolDepthUsd, ammBaseFeePips, ammFinalFeePips, ammFeeRampWindow, auctionEdgePips, auctionRamp,
        makerPollInterval, makerCount, makerHalfSpreadBps, makerMinEdgeBps, makerMaxEdgeBps, makerInventoryUsd, patience,
        naturalFlowUsdPerDay, flowInterval, MarketReaction.DEFAULTS);
  }

  public RollAssumptions withReaction(MarketReaction r) {
    return new RollAssumptions(ammPoolDepthUsd, ammBaseFeePips, ammFinalFeePips, ammFeeRampWindow, auctionEdgePips,
        auctionRamp, makerPollInterval, makerCount, makerHalfSpreadBps, makerMinEdgeBps, makerMaxEdgeBps,
        makerInventoryUsd, patience, naturalFlowUsdPerDay, flowInterval, r);
  }

  public RollAssumptions {
    if (reaction == null) {
      throw new RuleViolation("reaction", "is required");
    }
    if (!(ammPoolDepthUsd > 0)) {
      throw new RuleViolation("ammPoolDepthUsd", "must be positive (was " + ammPoolDepthUsd + ")");
    }
    if (makerCount < 1) {
      throw new RuleViolation("makerCount", "must be at least 1 (was " + makerCount + ")");
    }
    requirePositive("makerPollInterval", makerPollInterval);
    requirePositive("auctionRamp", auctionRamp);
    requirePositive("patience", patience);
    requirePositive("flowInterval", flowInterval);
    requirePositive("ammFeeRampWindow", ammFeeRampWindow);
    if (!(naturalFlowUsdPerDay >= 0)) {
      throw new RuleViolation("naturalFlowUsdPerDay", "must not be negative (was " + naturalFlowUsdPerDay + ")");
    }
  }

  private static void requirePositive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new RuleViolation(field, "must be positive (was " + d + ")");
    }
  }

  /** The assumptions with their sources, in print order. */
  public List<Assumption> describe() {
    String none = "assumption: no published figure; vary it";
    List<Assumption> out = new java.util.ArrayList<>(List.of(
        new Assumption("valuation", "Black-Scholes (InverseOptions) on the path's implied-vol surface at each leg's "
            + "own strike and maturity; spot and surface move during an auction's ramp and a resting order's patience",
            "cost = execution against fair value at the fill + the market's move while waiting, both against fair "
            + "value at the decision"),
        new Assumption("ammPoolDepthUsd", String.format("%.0f", ammPoolDepthUsd),
            "LPs seed each listed series' pool once, at half its open interest: the median open interest of Deribit "
                + "ETH puts more than 25% out of the money and 20+ days out was $14.3M (book summary 2025-11-22); "
                + "depth scales with ammDepthVolExponent; assumption: vary it (no P/N pool with depth exists, "
                + "proposal sec. 10)"),
        new Assumption("ammFee", ammBaseFeePips / 1e4 + "% rising to " + ammFinalFeePips / 1e4 + "% over the last "
            + ammFeeRampWindow.toDays() + " days", "uniindex: fee ramps \"from 0.30% up to 1.00% over the final 7 days\" "
            + "(proposal sec. 10)"),
        new Assumption("ammRoute", "old P -> ETH -> new P through two P/ETH pools seeded at fair value",
            "Uniswap v2 routing; pools start arbitraged to fair value"),
        new Assumption("auction", auctionEdgePips / 1e4 + "% edge over " + auctionRamp, "Kyrrui TrackerDAO: rotation "
            + "auction rate improves linearly to a 2% edge over 1 day (anchors A12)"),
        new Assumption("makerPollInterval", makerPollInterval.toString(), none + " (5 Ethereum slots)"),
        new Assumption("makerCount", Integer.toString(makerCount), none),
        new Assumption("makerVol", "the surface, scaled by 1 + each maker's own error", "makers value on their own "
            + "noisy estimate of the market's surface (makerVolErrorSd)"),
        new Assumption("makerHalfSpreadBps", Double.toString(makerHalfSpreadBps), none),
        new Assumption("makerEdgeBps", makerMinEdgeBps + " rising to " + makerMaxEdgeBps + " with inventory",
            none + " (linear inventory aversion)"),
        new Assumption("makerInventoryUsd", String.format("%.0f", makerInventoryUsd), none
            + "; makers hold the new P (e.g. split from ETH) and ETH"),
        new Assumption("patience", patience.toString(), "the post: users \"do not care if they rebalance today or "
            + "tomorrow or three days from now\" (proposal sec. 7)"),
        new Assumption("naturalFlowUsdPerDay", String.format("%.0f", naturalFlowUsdPerDay), none
            + "; other users buying the old P and selling the new P, who take the best price in the book"),
        new Assumption("flowInterval", flowInterval.toString(), none),
        new Assumption("afterPatience", "the rest crosses the makers' quotes; what their depth cannot take stays "
            + "unrolled", "reported as the filled fraction")));
    out.addAll(reaction.describe());
    return List.copyOf(out);
  }
}
