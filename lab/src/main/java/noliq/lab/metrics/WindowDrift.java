package noliq.lab.metrics;

import java.util.SplittableRandom;
import noliq.math.RuleViolation;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The post's drift: over every path and every window (a year of a model path, each year of a real
 * history), the deviation d = ln(value at the window's end / target), all costs included. Its mean
 * over paths and windows is the steady loss; its standard deviation is the post's "standev".
 *
 * <p>Each path reports how many windows it holds, the sum of their d and the sum of d squared, so
 * the engine keeps 8 bytes per path and figure whatever the number of windows. Intervals:
 * <ul>
 *   <li>two or more paths with windows: the percentile bootstrap over paths (windows of one path
 *       stay together, so the interval does not pretend they are independent);</li>
 *   <li>one path with two or more windows (a replay of a real history): Student's t for the mean
 *       and the chi-square interval for the standard deviation, treating its windows as independent
 *       draws (stated; years of one history are what there is);</li>
 *   <li>fewer than two windows in all: no standard deviation.</li>
 * </ul>
 */
public final class WindowDrift {
  private static final long SEED = 0x647269667444L;

  private WindowDrift() {}

  /** The steady loss (mean d) and the standev (standard deviation of d), over {@code windows} windows on {@code paths} paths. */
  public record Result(Estimate mean, Estimate standardDeviation, long windows, int paths) {}

  /**
   * From per-path figures: {@code count[i]} windows on path i, {@code sum[i]} the sum of their d,
   * {@code sumOfSquares[i]} the sum of d squared (all in the same unit, e.g. %).
   */
  public static Result of(double[] count, double[] sum, double[] sumOfSquares) {
    int paths = count.length;
    if (sum.length != paths || sumOfSquares.length != paths) {
      throw new RuleViolation("windows", "need one count, sum and sum of squares per path (" + paths + ", " + sum.length + ", " + sumOfSquares.length + ")");
    }
    double[] pooled = pool(count, sum, sumOfSquares, null);
    long n = Math.round(pooled[0]);
    if (n == 0) {
      return new Result(new Estimate(Double.NaN, 0, Double.NaN, Double.NaN), new Estimate(Double.NaN, 0, Double.NaN, Double.NaN), 0, paths);
    }
    double mean = pooled[1];
    double sd = pooled[2];
    int withWindows = 0;
    for (double c : count) {
      if (c > 0) {
        withWindows++;
      }
    }
    if (n < 2) {
      return new Result(new Estimate(mean, n, Double.NaN, Double.NaN), new Estimate(Double.NaN, n, Double.NaN, Double.NaN), n, paths);
    }
    if (sd == 0) {
      return new Result(new Estimate(mean, n, Double.NaN, Double.NaN), new Estimate(0, n, Double.NaN, Double.NaN), n, paths);
    }
    if (withWindows >= 2) {
      SplittableRandom rng = new SplittableRandom(SEED ^ paths);
      double[] means = new double[Bootstrap.RESAMPLES];
      double[] sds = new double[Bootstrap.RESAMPLES];
      int[] pick = new int[paths];
      int b = 0;
      int tries = 0;
      while (b < Bootstrap.RESAMPLES && tries < 100 * Bootstrap.RESAMPLES) {
        tries++;
        for (int i = 0; i < paths; i++) {
          pick[i] = rng.nextInt(paths);
        }
        double[] p = pool(count, sum, sumOfSquares, pick);
        if (p[0] >= 2) {
          means[b] = p[1];
          sds[b] = p[2];
          b++;
        }
      }
      java.util.Arrays.sort(means, 0, b);
      java.util.Arrays.sort(sds, 0, b);
      double[] m = java.util.Arrays.copyOf(means, b);
      double[] s = java.util.Arrays.copyOf(sds, b);
      return new Result(new Estimate(mean, n, Quantiles.ofSorted(m, 0.025), Quantiles.ofSorted(m, 0.975)),
          new Estimate(sd, n, Quantiles.ofSorted(s, 0.025), Quantiles.ofSorted(s, 0.975)), n, paths);
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    double half = t * sd / Math.sqrt(n);
    ChiSquaredDistribution chi = new ChiSquaredDistribution(n - 1);
    double low = Math.sqrt((n - 1) * sd * sd / chi.inverseCumulativeProbability(0.975));
    double high = Math.sqrt((n - 1) * sd * sd / chi.inverseCumulativeProbability(0.025));
    return new Result(new Estimate(mean, n, mean - half, mean + half), new Estimate(sd, n, low, high), n, paths);
  }

  /** {count, mean, sample standard deviation} over the paths {@code pick} (all when null). */
  private static double[] pool(double[] count, double[] sum, double[] sumOfSquares, int[] pick) {
    double n = 0;
    double s = 0;
    double ss = 0;
    int k = pick == null ? count.length : pick.length;
    for (int j = 0; j < k; j++) {
      int i = pick == null ? j : pick[j];
      n += count[i];
      s += sum[i];
      ss += sumOfSquares[i];
    }
    if (n == 0) {
      return new double[] {0, Double.NaN, Double.NaN};
    }
    double mean = s / n;
    double variance = n < 2 ? Double.NaN : Math.max(0, (ss - s * s / n) / (n - 1));
    return new double[] {n, mean, Math.sqrt(variance)};
  }
}
