package noliq.market.amm;

/**
 * The pure curve of Pendle v2's {@code MarketMathCore}, in {@code double} (it is a pricing curve;
 * the pool rounds its results into exact amounts in its own favour). Quantities are in P units:
 * the asset side is counted in "faces", the amount of asset one P pays at maturity in the normal
 * regime, so the exchange rate {@code E} is P per face and P's price is {@code face / E}.
 *
 * <pre>
 *   rateScalar = scalarRoot * year / timeToExpiry          (the curve steepens as 1/time)
 *   E(p)       = ln(p / (1 - p)) / rateScalar + rateAnchor,  p = P's share of the pool
 *   rateAnchor = exp(lnImpliedRate * t / year) - ln(p0 / (1 - p0)) / rateScalar   (continuity)
 * </pre>
 * E must stay at least 1 (P never costs more than its face) and p at most the cap (Pendle: 96%).
 */
public final class LogitCurve {
  public static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

  private LogitCurve() {}

  public static double rateScalar(double scalarRoot, double secondsToExpiry) {
    return scalarRoot * SECONDS_PER_YEAR / secondsToExpiry;
  }

  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** The anchor that keeps the exchange rate at the last implied rate for the current proportion. */
  public static double rateAnchor(double lnImpliedRate, double proportion, double rateScalar, double secondsToExpiry) {
    double exchangeRate = Math.exp(lnImpliedRate * secondsToExpiry / SECONDS_PER_YEAR);
    return exchangeRate - logit(proportion) / rateScalar;
  }

  public static double exchangeRate(double proportion, double rateScalar, double rateAnchor) {
    return logit(proportion) / rateScalar + rateAnchor;
  }

  /** The annualised log rate that an exchange rate {@code e} implies over the time left. */
  public static double lnImpliedRate(double exchangeRate, double secondsToExpiry) {
    return Math.log(exchangeRate) * SECONDS_PER_YEAR / secondsToExpiry;
  }
}
