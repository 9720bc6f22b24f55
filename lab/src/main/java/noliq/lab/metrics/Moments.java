package noliq.lab.metrics;

/**
 * Count, mean and sum of squared deviations of a stream of values (Welford's update), mergeable
 * with another accumulator (Chan et al.'s pairwise formula), so chunks of paths can be summarised
 * separately and combined. Merging in a fixed order gives bit-identical results on any thread count.
 * Not thread-safe: one accumulator per chunk.
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

  /** Adds everything {@code other} has seen; {@code other} is not changed. */
  public void merge(Moments other) {
    if (other.n == 0) {
      return;
    }
    if (n == 0) {
      n = other.n;
      mean = other.mean;
      m2 = other.m2;
      min = other.min;
      max = other.max;
      return;
    }
    long total = n + other.n;
    double d = other.mean - mean;
    mean += d * other.n / total;
    m2 += other.m2 + d * d * ((double) n * other.n / total);
    n = total;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
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
