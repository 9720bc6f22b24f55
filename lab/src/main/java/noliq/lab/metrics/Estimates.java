package noliq.lab.metrics;

import noliq.math.RuleViolation;
import org.hipparchus.distribution.continuous.TDistribution;

/** Confidence intervals at 95% for the three kinds of figure the lab reports. */
public final class Estimates {
  /** The standard normal's 97.5% quantile. */
  public static final double Z95 = 1.959963984540054;

  private Estimates() {}

  /** A mean with Student's t interval, {@code mean ± t(n-1) s / sqrt(n)}. */
  public static Estimate mean(Moments m) {
    long n = m.count();
    if (n == 0) {
      throw new RuleViolation("values", "need at least one value for a mean");
    }
    if (n == 1) {
      return new Estimate(m.mean(), 1, Double.NaN, Double.NaN);
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double half = t * m.standardError();
    return new Estimate(m.mean(), n, m.mean() - half, m.mean() + half);
  }

  /** The mean of {@code values} with its interval. */
  public static Estimate mean(double[] values) {
    Moments m = new Moments();
    for (double v : values) {
      m.add(v);
    }
    return mean(m);
  }

  /**
   * A probability estimated by {@code successes / n}, with Wilson's score interval, which stays
   * inside [0, 1] and is sound for rare events (a probability of ruin of 0 out of 1,000 is not 0 ± 0).
   */
  public static Estimate proportion(long successes, long n) {
    if (n <= 0) {
      throw new RuleViolation("n", "must be positive (was " + n + ")");
    }
    if (successes < 0 || successes > n) {
      throw new RuleViolation("successes", "must be between 0 and n = " + n + " (was " + successes + ")");
    }
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Estimate(p, n, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The p-quantile ({@link Quantiles}, linear interpolation) of values sorted ascending, with the
   * distribution-free interval between the order statistics of (1-based) ranks
   * {@code floor(np - 1.96 sqrt(np(1-p)))} and {@code ceil(np + 1.96 sqrt(np(1-p))) + 1} (Conover's
   * normal approximation to the binomial count of values below the quantile). A bound is NaN when
   * its rank falls outside the sample: 20 paths cannot bound a 95th percentile from above.
   */
  public static Estimate quantile(double[] sorted, int n, double p) {
    double value = Quantiles.ofSorted(sorted, n, p);
    double spread = Z95 * Math.sqrt(n * p * (1 - p));
    long lowRank = (long) Math.floor(n * p - spread); // 1-based rank
    long highRank = (long) Math.ceil(n * p + spread) + 1;
    double low = lowRank >= 1 ? sorted[(int) lowRank - 1] : Double.NaN;
    double high = highRank <= n ? sorted[(int) highRank - 1] : Double.NaN;
    return new Estimate(value, n, low, high);
  }

  /** {@link #quantile(double[], int, double)} of unsorted values (copied and sorted). */
  public static Estimate quantile(double[] values, double p) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return quantile(sorted, sorted.length, p);
  }
}
