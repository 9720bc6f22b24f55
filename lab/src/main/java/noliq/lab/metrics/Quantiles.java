package noliq.lab.metrics;

import java.util.Arrays;
import noliq.math.RuleViolation;

/**
 * Sample quantiles with linear interpolation between order statistics (Hyndman and Fan's type 7,
 * the default of NumPy's {@code percentile} and of R): for sorted values {@code v[0..n-1]} the
 * p-quantile is {@code v[j] + (h - j) (v[j+1] - v[j])} with {@code h = p (n - 1)}, {@code j = floor(h)}.
 */
public final class Quantiles {
  private Quantiles() {}

  /** The p-quantile of {@code values} (not modified). */
  public static double of(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted, p);
  }

  /** The p-quantile of values already sorted ascending. */
  public static double ofSorted(double[] sorted, double p) {
    return ofSorted(sorted, sorted.length, p);
  }

  /** The p-quantile of the first {@code n} entries of {@code sorted}, which are sorted ascending. */
  public static double ofSorted(double[] sorted, int n, double p) {
    checkP(p);
    if (n <= 0) {
      throw new RuleViolation("values", "need at least one value for a quantile");
    }
    double h = p * (n - 1);
    int j = (int) Math.floor(h);
    if (j >= n - 1) {
      return sorted[n - 1];
    }
    double lo = sorted[j];
    double hi = sorted[j + 1];
    return lo + (h - j) * (hi - lo);
  }

  static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new RuleViolation("p", "must be between 0 and 1 (was " + p + ")");
    }
  }
}
