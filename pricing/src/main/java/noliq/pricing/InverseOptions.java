package noliq.pricing;

/** Closed-form Black–Scholes values and greeks of the P and N legs (see the package doc). */
public final class InverseOptions {
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  private InverseOptions() {}

  /** Standard normal cumulative distribution ({@link NormalCdf}: Cody's rational approximations). */
  public static double cdf(double z) {
    return NormalCdf.cdf(z);
  }

  /** Standard normal density. */
  public static double pdf(double z) {
    return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }

  /** N's value in index units: a call on ETH struck at S. At maturity, {@code max(x - S, 0)}. */
  public static double callIndex(double x, double strike, double years, double vol, double rate, double ethYield) {
    if (years <= 0) {
      return Math.max(x - strike, 0.0);
    }
    double sd = vol * Math.sqrt(years);
    double d1 = (Math.log(x / strike) + (rate - ethYield + 0.5 * vol * vol) * years) / sd;
    double d2 = d1 - sd;
    return x * Math.exp(-ethYield * years) * cdf(d1) - strike * Math.exp(-rate * years) * cdf(d2);
  }

  /** P's value in index units, {@code x e^{-q tau} - N_index}; {@code min(x, S)} at maturity. */
  public static double pIndex(double x, double strike, double years, double vol) {
    if (years <= 0) {
      return Math.min(x, strike);
    }
    return x - callIndex(x, strike, years, vol, 0.0, 0.0);
  }

  /**
   * N's value in ETH alone, {@code call / x}: what {@link #value} gives as {@code nEth()}, by the same
   * expressions in the same order (so the same double), without the greeks and their allocations.
   * P's value in ETH is {@code e^{-q tau} - nEth}.
   */
  public static double nEth(OptionInputs in) {
    double x = in.spot();
    double s = in.strike();
    double t = in.years();
    if (t <= 0) {
      return Math.max(x - s, 0.0) / x;
    }
    double r = in.rate();
    double q = in.ethYield();
    // e^{-0} is 1 exactly: the makers' inputs carry no rate and no yield, and two exponentials are a third of the cost.
    double dq = q == 0 ? 1.0 : Math.exp(-q * t);
    double dr = r == 0 ? 1.0 : Math.exp(-r * t);
    double sd = in.vol() * Math.sqrt(t);
    double d1 = (Math.log(x / s) + (r - q + 0.5 * in.vol() * in.vol()) * t) / sd;
    double d2 = d1 - sd;
    return (x * dq * cdf(d1) - s * dr * cdf(d2)) / x;
  }

  /** Full valuation of both legs in both numeraires. */
  public static Valuation value(OptionInputs in) {
    double x = in.spot();
    double s = in.strike();
    double t = in.years();
    double r = in.rate();
    double q = in.ethYield();
    double dq = Math.exp(-q * t);
    double dr = Math.exp(-r * t);

    double call;
    Greeks callGreeks;
    if (t <= 0) {
      call = Math.max(x - s, 0.0);
      // The payoff's own slope; at the kink x = S we take the right-hand side (N starts paying).
      callGreeks = new Greeks(x >= s ? 1.0 : 0.0, 0.0, 0.0, 0.0);
    } else {
      double sqrtT = Math.sqrt(t);
      double sd = in.vol() * sqrtT;
      double d1 = (Math.log(x / s) + (r - q + 0.5 * in.vol() * in.vol()) * t) / sd;
      double d2 = d1 - sd;
      double nd1 = cdf(d1);
      double nd2 = cdf(d2);
      double pd1 = pdf(d1);
      call = x * dq * nd1 - s * dr * nd2;
      double delta = dq * nd1;
      double gamma = dq * pd1 / (x * sd);
      double vega = x * dq * pd1 * sqrtT;
      double theta = -x * dq * pd1 * in.vol() / (2 * sqrtT) - r * s * dr * nd2 + q * x * dq * nd1;
      callGreeks = new Greeks(delta, gamma, vega, theta);
    }
    double nIndex = call;
    double pIndex = x * dq - call;
    Greeks nIndexGreeks = callGreeks;
    // d/dx (x e^{-q tau}) = e^{-q tau}; d/dt (x e^{-q tau}) = q x e^{-q tau}.
    Greeks pIndexGreeks = new Greeks(
        dq - callGreeks.delta(), -callGreeks.gamma(), -callGreeks.vega(), q * x * dq - callGreeks.theta());

    double nEth = call / x;
    double pEth = dq - nEth;
    // N_eth = C / x: the quotient rule for delta and gamma; vega and theta scale by 1/x.
    Greeks nEthGreeks = new Greeks(
        (callGreeks.delta() - nEth) / x,
        callGreeks.gamma() / x - 2 * callGreeks.delta() / (x * x) + 2 * call / (x * x * x),
        callGreeks.vega() / x,
        callGreeks.theta() / x);
    Greeks pEthGreeks = new Greeks(
        -nEthGreeks.delta(), -nEthGreeks.gamma(), -nEthGreeks.vega(), q * dq - nEthGreeks.theta());
    return new Valuation(in, pEth, nEth, pIndex, nIndex, pEthGreeks, nEthGreeks, pIndexGreeks, nIndexGreeks);
  }
}
