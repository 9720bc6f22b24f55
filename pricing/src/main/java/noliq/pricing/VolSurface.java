package noliq.pricing;

import noliq.math.RuleViolation;

/**
 * An implied-volatility surface at one moment: an at-the-money level with a term structure, and a
 * smile in standardised log-moneyness. A pure value: the caller's scenario moves it through time.
 *
 * <p>Term structure: implied variance reverts from its short-term level to {@code longRun}² at rate
 * {@code meanReversionPerYear}, the shape a GARCH(1,1) or Heston variance gives,
 * {@code v(τ) = v∞ + (v0 − v∞)(1 − e^{−κτ})/(κτ)}; {@code atm30} (the 30-day at-the-money level,
 * Deribit DVOL's convention) fixes {@code v0}.
 *
 * <p>Smile: with {@code k = ln(K / x)} (zero rates, so the forward is spot) and
 * {@code z = k / √τ}, {@code σ(K, τ) = atm(τ) · min(wingCap, 1 + putSkew·max(−z, 0) + callSkew·max(z, 0))}.
 * The deep out-of-the-money put a P holder is short sits on the put wing, above the at-the-money level.
 *
 * @param atm30 the 30-day at-the-money implied volatility (0.7 = 70%)
 * @param longRun the at-the-money level long maturities revert to
 * @param meanReversionPerYear κ of the term structure, per year
 * @param putSkew relative rise of implied vol per unit of {@code −z} below the money
 * @param callSkew relative rise per unit of {@code z} above the money
 * @param wingCap the largest ratio of a wing's vol to the at-the-money vol
 */
public record VolSurface(double atm30, double longRun, double meanReversionPerYear, double putSkew, double callSkew,
    double wingCap) {
  /** DVOL's maturity: 30 days. */
  public static final double ATM_YEARS = 30 / OptionInputs.DAYS_PER_YEAR;
  /** Below one day the smile's √τ scaling stops steepening: a day is the shortest maturity it resolves. */
  static final double MIN_SMILE_YEARS = 1 / OptionInputs.DAYS_PER_YEAR;
  static final double MIN_VARIANCE = 1e-4;

  public VolSurface {
    positive("atm30", atm30, 10);
    positive("longRun", longRun, 10);
    if (!(meanReversionPerYear > 0 && meanReversionPerYear <= 365)) {
      throw new RuleViolation("meanReversionPerYear", "must be in (0, 365] (was " + meanReversionPerYear + ")");
    }
    if (!(putSkew >= 0 && putSkew <= 5)) {
      throw new RuleViolation("putSkew", "must be in [0, 5] (was " + putSkew + ")");
    }
    if (!(callSkew >= 0 && callSkew <= 5)) {
      throw new RuleViolation("callSkew", "must be in [0, 5] (was " + callSkew + ")");
    }
    if (!(wingCap >= 1 && wingCap <= 20)) {
      throw new RuleViolation("wingCap", "must be in [1, 20] (was " + wingCap + ")");
    }
  }

  /** One volatility at every strike and maturity: Black–Scholes' own assumption. */
  public static VolSurface flat(double vol) {
    return new VolSurface(vol, vol, 1, 0, 0, 1);
  }

  /** Whether every strike and maturity has the same vol. */
  public boolean isFlat() {
    return atm30 == longRun && putSkew == 0 && callSkew == 0;
  }

  /** The same shape at a new 30-day level. */
  public VolSurface withAtm30(double level) {
    return new VolSurface(level, longRun, meanReversionPerYear, putSkew, callSkew, wingCap);
  }

  /** Every vol times {@code factor} (levels scale, the smile's relative shape stays): a maker's biased estimate. */
  public VolSurface scaled(double factor) {
    return new VolSurface(atm30 * factor, longRun * factor, meanReversionPerYear, putSkew, callSkew, wingCap);
  }

  /** The at-the-money vol for maturity {@code years}. */
  public double atm(double years) {
    if (atm30 == longRun) {
      return atm30;
    }
    double vInf = longRun * longRun;
    double v = vInf + (atm30 * atm30 - vInf) * shape(years) / shape(ATM_YEARS);
    return Math.sqrt(Math.max(v, MIN_VARIANCE));
  }

  /** The vol at {@code strike} and maturity {@code years}, with spot {@code spot}. */
  public double vol(double spot, double strike, double years) {
    double atm = atm(years);
    if (putSkew == 0 && callSkew == 0) {
      return atm;
    }
    double z = Math.log(strike / spot) / Math.sqrt(Math.max(years, MIN_SMILE_YEARS));
    double ratio = 1 + (z < 0 ? -putSkew * z : callSkew * z);
    return atm * Math.min(ratio, wingCap);
  }

  /** {@link #vol} with the maturity in days. */
  public double volDays(double spot, double strike, double days) {
    return vol(spot, strike, days / OptionInputs.DAYS_PER_YEAR);
  }

  private double shape(double years) {
    double kt = meanReversionPerYear * Math.max(years, 0);
    return kt < 1e-9 ? 1 : (1 - Math.exp(-kt)) / kt;
  }

  private static void positive(String field, double v, double max) {
    if (!(v > 0 && v <= max)) {
      throw new RuleViolation(field, "must be in (0, " + max + "] (was " + v + ")");
    }
  }
}
