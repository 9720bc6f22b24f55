package noliq.pricing;

/**
 * P and N valued in ETH and in index units, with their greeks in each numeraire. Per pair,
 * {@code pEth + nEth = e^{-q tau}} (exactly 1 when q = 0).
 */
public record Valuation(
    OptionInputs inputs,
    double pEth,
    double nEth,
    double pIndex,
    double nIndex,
    Greeks pEthGreeks,
    Greeks nEthGreeks,
    Greeks pIndexGreeks,
    Greeks nIndexGreeks) {

  /** P's discount against its cap S, in index units: the value of the put a P holder is short. */
  public double putIndex() {
    return inputs.strike() * Math.exp(-inputs.rate() * inputs.years()) - pIndex;
  }
}
