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

  /**
   * The p-quantile of {@code values}, which it reorders: {@link #ofSorted} of the values sorted, from
   * the one or two order statistics it reads, found by selection (the same doubles, in the order of
   * {@link Arrays#sort(double[])}: {@code -0.0} before {@code 0.0}, NaN last) instead of a sort.
   */
  public static double ofUnsorted(double[] values, double p) {
    checkP(p);
    int n = values.length;
    if (n == 0) {
      throw new RuleViolation("values", "need at least one value for a quantile");
    }
    double h = p * (n - 1);
    int j = (int) Math.floor(h);
    if (j >= n - 1) {
      return select(values, n - 1);
    }
    double lo = select(values, j);
    // after the selection everything past j is at or above it: the next order statistic is their least
    double hi = values[j + 1];
    for (int k = j + 2; k < n; k++) {
      if (Double.compare(values[k], hi) < 0) {
        hi = values[k];
      }
    }
    return lo + (h - j) * (hi - lo);
  }

  /**
   * The {@code k}-th smallest of {@code a} (from 0) in {@link Double#compare}'s order, leaving it at
   * {@code a[k]} with nothing greater before it and nothing less after it (Hoare's selection with a
   * middle pivot; at most {@code a.length} partitions).
   */
  static double select(double[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Double.compare(a[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  static void checkP(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new RuleViolation("p", "must be between 0 and 1 (was " + p + ")");
    }
  }
}
