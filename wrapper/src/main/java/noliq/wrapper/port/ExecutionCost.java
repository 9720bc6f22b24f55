package noliq.wrapper.port;

import java.time.Instant;

/**
 * What one filled trade cost, in ETH, against fair value at the decision (implementation shortfall):
 * {@code total = fair value given − fair value received}, both at the decision's fair values. It
 * splits into the execution cost against fair value at each fill (spread or edge paid, fees, price
 * impact) and the market's move while waiting (the rest). Fair values are the market's surface, not
 * any maker's estimate.
 *
 * @param givenFairEth fair value at the decision of what was given
 * @param receivedFairEth fair value at the decision of what was received
 * @param executionEth the sum over fills of (fair value at the fill − price), signed so a cost is positive
 * @param feeEth fees paid to pools, inside {@code executionEth}
 * @param impactEth price impact in pools, inside {@code executionEth}
 * @param unfilledShare the share of the amount offered that was not traded
 * @param decidedAt when the trade was asked for
 * @param lastFillAt when its last part filled
 */
public record ExecutionCost(double givenFairEth, double receivedFairEth, double executionEth, double feeEth,
    double impactEth, double unfilledShare, Instant decidedAt, Instant lastFillAt) {

  public double totalEth() {
    return givenFairEth - receivedFairEth;
  }

  /** The market's move while waiting: total less execution. */
  public double moveEth() {
    return totalEth() - executionEth;
  }

  /** Spread or edge paid: execution less fees and impact. */
  public double spreadEth() {
    return executionEth - feeEth - impactEth;
  }

  public double bps(double eth) {
    return givenFairEth > 0 ? eth / givenFairEth * 10_000 : 0;
  }
}
