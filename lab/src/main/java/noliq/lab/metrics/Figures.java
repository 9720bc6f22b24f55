package noliq.lab.metrics;

import java.util.Arrays;
import noliq.math.RuleViolation;

/**
 * The summaries the report shows of one metric's per-path values, each with the interval its kind
 * of figure calls for:
 * <ul>
 *   <li>a mean: Student's t when the values are roughly symmetric, the percentile bootstrap when
 *       they are skewed (|sample skewness| above {@link #SKEWED}) or bounded below by 0; a
 *       constant sample has no interval at all;</li>
 *   <li>a quantile (p95, p99): the distribution-free order-statistic interval;</li>
 *   <li>expected shortfall (CVaR95, the mean of the worst 5%): the percentile bootstrap;</li>
 *   <li>a share of paths: Wilson's interval.</li>
 * </ul>
 * Values within {@link #NOISE} of zero relative to the sample's scale are floating-point noise and
 * read as 0 (a sum of exact parts that cancel to 1e-15 is a zero, not a figure).
 */
public final class Figures {
  /** Skewness above which a mean gets a bootstrap interval rather than a t interval. */
  public static final double SKEWED = 1.0;
  /** Size relative to the sample's largest magnitude below which a figure is floating-point noise. */
  public static final double NOISE = 1e-12;
  /** Absolute size below which a figure is noise whatever the scale (figures are in %, USD, counts: 1e-10 of any is nothing). */
  public static final double ABSOLUTE_NOISE = 1e-10;

  private Figures() {}

  /**
   * The present values: a NaN is a figure absent on its path (no settlement on it, say), never a 0,
   * and every statistic is over the present values only.
   */
  public static double[] present(double[] values) {
    return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static Estimate none() {
    return new Estimate(Double.NaN, 0, Double.NaN, Double.NaN);
  }

  /** Whether every present value is the same (after noise is set to 0); true when none is present. */
  public static boolean constant(double[] values) {
    double[] v = denoised(present(values));
    for (double x : v) {
      if (x != v[0]) {
        return false;
      }
    }
    return true;
  }

  /** The value of a constant sample (NaN when no value is present). */
  public static double constantValue(double[] values) {
    double[] v = denoised(present(values));
    return v.length == 0 ? Double.NaN : v[0];
  }

  /** The values with floating-point noise set to 0 (see {@link #clean}, against the largest magnitude). */
  public static double[] denoised(double[] values) {
    double scale = 0;
    for (double x : values) {
      scale = Math.max(scale, Math.abs(x));
    }
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = clean(out[i], scale);
    }
    return out;
  }

  /** {@code x} as people should read it: 0 when it is floating-point noise next to {@code scale}. */
  public static double clean(double x, double scale) {
    return Math.abs(x) < ABSOLUTE_NOISE || Math.abs(x) < NOISE * Math.abs(scale) ? 0 : x;
  }

  /** The sample skewness g1 (0 for a constant sample). */
  public static double skewness(double[] v) {
    int n = v.length;
    double mean = Bootstrap.average(v);
    double m2 = 0;
    double m3 = 0;
    for (double x : v) {
      double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= n;
    m3 /= n;
    return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
  }

  /**
   * The mean with the interval its data call for: none for a constant sample, the percentile
   * bootstrap if {@code nonNegative} or skewed, else Student's t.
   */
  public static Estimate mean(double[] values, boolean nonNegative) {
    if (values.length == 0) {
      throw new RuleViolation("values", "need at least one value for a mean");
    }
    double[] v = denoised(present(values));
    if (v.length == 0) {
      return none();
    }
    if (constant(v)) {
      return new Estimate(v[0], v.length, Double.NaN, Double.NaN);
    }
    if (nonNegative || Math.abs(skewness(v)) > SKEWED) {
      return Bootstrap.mean(v);
    }
    return Estimates.mean(v);
  }

  /** The p-quantile with its order-statistic interval. */
  public static Estimate quantile(double[] values, double p) {
    double[] v = present(values);
    return v.length == 0 ? none() : Estimates.quantile(denoised(v), p);
  }

  /**
   * Expected shortfall at level p of a loss (larger is worse): the mean of the values at or above
   * the p-quantile's order statistic (the worst {@code ceil(n (1 - p))} values), with its bootstrap interval.
   */
  public static Estimate expectedShortfall(double[] losses, double p) {
    double[] v = denoised(present(losses));
    if (v.length == 0) {
      return none();
    }
    if (constant(v)) {
      return new Estimate(v[0], v.length, Double.NaN, Double.NaN);
    }
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    int k = tailCount(n, p);
    double value = tailMean(sorted, p);
    // a resample is a count of draws of each sorted value: its tail mean walks the counts down from the top,
    // which is the tail mean of the resample sorted, without sorting it
    ResampleDraws draws = ResampleDraws.of(0x6573L ^ n, n, Bootstrap.RESAMPLES);
    double[] replicate = new double[Bootstrap.RESAMPLES];
    int[] counts = new int[n];
    for (int b = 0; b < Bootstrap.RESAMPLES; b++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[draws.at(b, i)]++;
      }
      int left = k;
      double sum = 0;
      for (int j = n - 1; j >= 0 && left > 0; j--) {
        int take = Math.min(counts[j], left);
        sum += take * sorted[j];
        left -= take;
      }
      replicate[b] = sum / k;
    }
    return Bootstrap.interval(value, n, replicate);
  }

  private static int tailCount(int n, double p) {
    return Math.max(1, (int) Math.ceil(n * (1 - p) - 1e-9));
  }

  /** The mean of the worst {@code ceil(n (1 - p))} values (at least one). */
  public static double tailMean(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int k = tailCount(sorted.length, p);
    double s = 0;
    for (int i = sorted.length - k; i < sorted.length; i++) {
      s += sorted[i];
    }
    return s / k;
  }

  /** The share of values at or above {@code threshold}, with Wilson's interval. */
  public static Estimate shareAtLeast(double[] values, double threshold) {
    double[] v = present(values);
    return v.length == 0 ? none() : Estimates.proportion(Arrays.stream(v).filter(x -> x >= threshold).count(), v.length);
  }

  /** The share of values strictly below {@code threshold}, with Wilson's interval. */
  public static Estimate shareBelow(double[] values, double threshold) {
    double[] v = present(values);
    return v.length == 0 ? none() : Estimates.proportion(Arrays.stream(v).filter(x -> x < threshold).count(), v.length);
  }
}
