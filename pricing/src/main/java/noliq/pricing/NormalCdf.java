package noliq.pricing;

/**
 * The standard normal distribution function by W. J. Cody's rational Chebyshev approximations
 * (Cody 1969, "Rational Chebyshev approximations for the error function", Math. Comp. 23; the
 * ANORM routine of ACM TOMS Algorithm 715, 1993). Three ranges: a rational function of
 * {@code x^2} on the body {@code |x| <= 0.67448975}; {@code e^{-x^2/2}} times a rational function
 * of {@code |x|} up to {@code sqrt(32)}; the asymptotic form in {@code 1/x^2} beyond. The Gaussian
 * factor is evaluated as {@code e^{-x0^2/2} e^{-(x-x0)(x+x0)/2}} with {@code x0} a multiple of
 * 1/16, so the tail keeps its relative accuracy. No iteration and no continued fraction: measured
 * at about 20 ns a call against 265 ns for {@code 0.5 erfc(-x/sqrt 2)} through Hipparchus's
 * incomplete gamma function (thread CPU time, x uniform on [-6, 6], 2 Dec 2026). Its accuracy
 * against 50-digit values, table values and Hipparchus is measured in {@code NormalCdfTest}.
 */
final class NormalCdf {
  private static final double[] A = {
    2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
    0.065682337918207449113
  };
  private static final double[] B = {
    47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956
  };
  private static final double[] C = {
    0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
    2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
    18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
    2.9112874951168792e-5, 0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
    7.29751555083966205e-5
  };
  /** The body's upper end, the normal's upper quartile. */
  private static final double BODY = 0.67448975;
  /** {@code sqrt(32)}, where the middle range hands over to the asymptotic one. */
  private static final double SQRT_32 = 5.656854249492380195206754896838;
  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;
  /**
   * {@code e^{-y0^2/2}} at {@code y0 = k/16} for {@code k} up to {@link #TABULATED}, by the same
   * expression {@link #cdf} would evaluate (so the same double): half of its exponentials. Past
   * {@code y = 40} the lower tail is below the smallest double anyway, and it is computed.
   */
  private static final int TABULATED = 16 * 40;
  private static final double[] GAUSSIAN_AT_SIXTEENTHS = new double[TABULATED + 1];

  static {
    for (int k = 0; k <= TABULATED; k++) {
      GAUSSIAN_AT_SIXTEENTHS[k] = gaussian(k / 16.0);
    }
  }

  private NormalCdf() {}

  /** {@code Phi(x)}; NaN for NaN. */
  static double cdf(double x) {
    double y = Math.abs(x);
    if (y <= BODY) {
      double xsq = x * x;
      double num = A[4] * xsq;
      double den = xsq;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * xsq;
        den = (den + B[i]) * xsq;
      }
      return 0.5 + x * (num + A[3]) / (den + B[3]);
    }
    double ratio;
    if (y <= SQRT_32) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      ratio = (num + C[7]) / (den + D[7]);
    } else if (y < Double.POSITIVE_INFINITY) {
      double inv = 1.0 / (x * x);
      double num = P[5] * inv;
      double den = inv;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * inv;
        den = (den + Q[i]) * inv;
      }
      ratio = (INV_SQRT_2PI - inv * (num + P[4]) / (den + Q[4])) / y;
    } else if (Double.isNaN(x)) {
      return x;
    } else {
      return x > 0 ? 1.0 : 0.0;
    }
    // e^{-y^2/2} split at y0 = floor(16 y) / 16 so that y0^2 is exact and the rest is small.
    double sixteenths = Math.floor(y * 16.0);
    double y0 = sixteenths / 16.0;
    double rest = (y - y0) * (y + y0);
    double lower = gaussianAtSixteenths(sixteenths) * Math.exp(-0.5 * rest) * ratio;
    return x > 0 ? 1.0 - lower : lower;
  }

  /** {@code e^{-y0^2/2}} at {@code y0 = sixteenths / 16} (a whole number of sixteenths, not negative). */
  static double gaussianAtSixteenths(double sixteenths) {
    return sixteenths <= TABULATED ? GAUSSIAN_AT_SIXTEENTHS[(int) sixteenths] : gaussian(sixteenths / 16.0);
  }

  private static double gaussian(double y0) {
    return Math.exp(-0.5 * y0 * y0);
  }
}
