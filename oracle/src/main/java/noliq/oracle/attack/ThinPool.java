package noliq.oracle.attack;

import noliq.oracle.Require;

/**
 * A constant-product pool (x * y = k) whose spot price a TWAP feed reads: {@code ethReserve} ETH
 * against {@code usdReserve} index units, with a swap fee. Its spot price is {@code usd / eth}.
 * Attack arithmetic is an estimate in doubles, as statistics are; no protocol state is held here.
 */
public record ThinPool(double ethReserve, double usdReserve, double feeRate) {
  public ThinPool {
    Require.positive(ethReserve, "ethReserve");
    Require.positive(usdReserve, "usdReserve");
    Require.between(feeRate, 0, 0.5, "feeRate");
  }

  public double spot() {
    return usdReserve / ethReserve;
  }

  /**
   * What moving the spot price by the factor {@code m} and letting arbitrage move it back loses
   * the mover, at the true price: {@code usd * (sqrt(m) - 1)^2 / sqrt(m)}, the same for pushes
   * up and down, plus the fee on what it swaps in.
   */
  public double roundTripLoss(double m) {
    double r = Math.sqrt(m);
    double slippage = usdReserve * (r - 1) * (r - 1) / r;
    return slippage + feeRate * swapInValue(m);
  }

  /** The value, at the current price, the mover swaps in to reach {@code m} times the spot. */
  public double swapInValue(double m) {
    double r = Math.sqrt(m);
    // Up: pay usd * (r - 1) index units. Down: sell eth * (1/r - 1) ETH, worth usd * (1/r - 1).
    return m >= 1 ? usdReserve * (r - 1) : usdReserve * (1 / r - 1);
  }
}
