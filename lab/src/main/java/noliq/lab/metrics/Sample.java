package noliq.lab.metrics;

import java.util.Arrays;

/**
 * One metric's values over paths, kept for exact quantiles, with their running {@link Moments}.
 * Mergeable: the engine fills one per chunk of paths and appends the chunks in path order, so the
 * stored values, the moments and every quantile are the same on any thread count. Memory is 8
 * bytes per path, never per step.
 */
public final class Sample {
  private final Moments moments = new Moments();
  private double[] values = new double[16];
  private int n;
  private double[] sorted;

  public void add(double x) {
    moments.add(x);
    if (n == values.length) {
      values = Arrays.copyOf(values, Math.max(16, n * 2));
    }
    values[n++] = x;
    sorted = null;
  }

  /** Appends everything {@code other} holds, after this sample's own values. */
  public void merge(Sample other) {
    moments.merge(other.moments);
    if (n + other.n > values.length) {
      values = Arrays.copyOf(values, Math.max(n + other.n, values.length * 2));
    }
    System.arraycopy(other.values, 0, values, n, other.n);
    n += other.n;
    sorted = null;
  }

  public int count() {
    return n;
  }

  public Moments moments() {
    return moments;
  }

  /** The values in the order they were added (path order). */
  public double[] values() {
    return Arrays.copyOf(values, n);
  }

  /** The mean with its t interval. */
  public Estimate mean() {
    return Estimates.mean(moments);
  }

  /** The p-quantile with its order-statistic interval. */
  public Estimate quantile(double p) {
    if (sorted == null) {
      sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
    }
    return Estimates.quantile(sorted, n, p);
  }

  /** The share of values at or above {@code threshold}, with Wilson's interval. */
  public Estimate shareAtLeast(double threshold) {
    long k = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] >= threshold) {
        k++;
      }
    }
    return Estimates.proportion(k, n);
  }
}
