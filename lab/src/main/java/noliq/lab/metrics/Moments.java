package noliq.lab.metrics;

/**
 * Count, mean and sum of squared deviations of a stream of values (Welford's update), with the
 * extremes. Chunks of paths are combined by adding their values in path order ({@link Sample#merge}),
 * not by a pairwise formula, so the figures are bit-identical however the paths were cut.
 * Not thread-safe.
 */
public final class Moments {
  private long n;
  private double mean;
  private double m2;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public void add(double x) {
    n++;
    double d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
  }

  public long count() {
    return n;
  }

  /** The mean; NaN before the first value. */
  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** The sample variance (divisor n - 1); NaN with fewer than two values. */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /** The sample standard deviation (divisor n - 1). */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /** The standard error of the mean, {@code s / sqrt(n)}. */
  public double standardError() {
    return Math.sqrt(variance() / n);
  }

  /** The smallest value; NaN before the first. */
  public double min() {
    return n == 0 ? Double.NaN : min;
  }

  /** The largest value; NaN before the first. */
  public double max() {
    return n == 0 ? Double.NaN : max;
  }
}
