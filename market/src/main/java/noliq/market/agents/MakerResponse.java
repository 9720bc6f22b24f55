package noliq.market.agents;

import noliq.math.RuleViolation;

/**
 * How a maker's prices and size respond to the market's state ({@link MakerView}). With
 * {@link #NONE} a maker quotes its fixed {@link MakerParams} whatever the market does.
 *
 * <ul>
 *   <li>Stress multiplier {@code m = (atm30 / refVol) · (1 + volOfVolWeight · volOfVol)}: spreads and
 *       demanded edges scale with it (option makers widen with the level of vol and with its uncertainty).
 *   <li>Half-spread of a leg, in ETH: {@code m · (tickEth + vega · ivHalfSpreadAtOneDay / √days)}, the
 *       screen's implied-vol half-spread (which narrows as {@code 1/√days}) times the leg's vega,
 *       plus a price floor.
 *   <li>Edge demanded in an auction: the half-spreads of both legs (the maker unwinds them on the
 *       screen) plus {@code m ·} the inventory-dependent edge of {@link MakerParams}.
 *   <li>Capacity: the inventory limit divided by {@code 1 + capacityCut · max(0, realisedVolJump − 1)}:
 *       makers pull size when realised vol jumps.
 * </ul>
 *
 * @param refVol the vol at which the stated bps edges hold
 * @param volOfVolWeight the stress multiplier's rise per unit of annualised vol-of-vol
 * @param ivHalfSpreadAtOneDay half the implied-vol bid-ask (vol, not vol points) of a one-day option
 * @param tickEth the smallest half-spread, in ETH per token
 * @param capacityCut how much capacity falls per unit of realised-vol jump
 */
public record MakerResponse(double refVol, double volOfVolWeight, double ivHalfSpreadAtOneDay, double tickEth,
    double capacityCut) {
  /** No response: fixed spreads, edges and size. */
  public static final MakerResponse NONE = new MakerResponse(1, 0, 0, 0, 0);

  public MakerResponse {
    if (!(refVol > 0 && refVol <= 10)) {
      throw new RuleViolation("refVol", "must be in (0, 10] (was " + refVol + ")");
    }
    nonNegative("volOfVolWeight", volOfVolWeight);
    nonNegative("ivHalfSpreadAtOneDay", ivHalfSpreadAtOneDay);
    nonNegative("tickEth", tickEth);
    nonNegative("capacityCut", capacityCut);
  }

  /** Whether the maker reacts to the market at all. */
  public boolean reactive() {
    // equals(NONE) field by field as a record compares doubles, without the record's generic equals (a poll of an
    // auction asks this several times per maker)
    return Double.compare(refVol, NONE.refVol) != 0 || Double.compare(volOfVolWeight, NONE.volOfVolWeight) != 0
        || Double.compare(ivHalfSpreadAtOneDay, NONE.ivHalfSpreadAtOneDay) != 0 || Double.compare(tickEth, NONE.tickEth) != 0
        || Double.compare(capacityCut, NONE.capacityCut) != 0;
  }

  /** The stress multiplier on spreads and edges. */
  public double stress(MakerView view) {
    if (!reactive()) {
      return 1;
    }
    return view.surface().atm30() / refVol * (1 + volOfVolWeight * view.volOfVol());
  }

  /** The share of its inventory limit a maker offers now. */
  public double capacityShare(MakerView view) {
    return 1 / (1 + capacityCut * Math.max(0, view.realisedVolJump() - 1));
  }

  /** The implied-vol half-spread at {@code days} to maturity (a day at least). */
  public double ivHalfSpread(double days) {
    return ivHalfSpreadAtOneDay / Math.sqrt(Math.max(days, 1));
  }

  private static void nonNegative(String field, double v) {
    if (!(v >= 0 && v < 1e6)) {
      throw new RuleViolation(field, "must be in [0, 1e6) (was " + v + ")");
    }
  }
}
