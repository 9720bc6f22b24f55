package noliq.lab.metrics;

import java.util.Arrays;

/**
 * One metric's values over paths, kept for exact quantiles, with their running {@link Moments}.
 * A NaN is an absent value (a design that has nothing to report on a path, e.g. a settlement
 * figure where no series matured): it keeps its place in {@link #values()}, so per-path outputs
 * stay aligned, but every statistic is over the present values only, and is NaN when there are none.
 * Mergeable: the engine fills one per chunk of paths and appends the chunks in path order. A merge
 * adds the appended values to the moments one by one, as if they had been added here, so the
 * stored values, the moments and every quantile are the same on any thread count and for any cut
 * of the paths into chunks. Memory is 8 bytes per path, never per step.
 */
public final class Sample {
  private final Moments moments = new Moments();
  private double[] values = new double[16];
  private int n;
  private double[] sorted;
  private int present;

  public void add(double x) {
    if (!Double.isNaN(x)) {
      moments.add(x);
      present++;
    }
    if (n == values.length) {
      values = Arrays.copyOf(values, Math.max(16, n * 2));
    }
    values[n++] = x;
    sorted = null;
  }

  /**
   * Appends everything {@code other} holds, after this sample's own values. The moments take the
   * values in order rather than {@link Moments#merge}'s pairwise formula, whose last bits depend on
   * where the chunks were cut.
   */
  public void merge(Sample other) {
    for (int i = 0; i < other.n; i++) {
      if (!Double.isNaN(other.values[i])) {
        moments.add(other.values[i]);
      }
    }
    if (n + other.n > values.length) {
      values = Arrays.copyOf(values, Math.max(n + other.n, values.length * 2));
    }
    System.arraycopy(other.values, 0, values, n, other.n);
    n += other.n;
    present += other.present;
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

  /** How many of the values are present (not NaN). */
  public int presentCount() {
    return present;
  }

  /** The mean with its t interval; NaN if no value is present. */
  public Estimate mean() {
    return present == 0 ? none() : Estimates.mean(moments);
  }

  /** The p-quantile with its order-statistic interval, over the present values; NaN if none is. */
  public Estimate quantile(double p) {
    if (present == 0) {
      return none();
    }
    if (sorted == null) {
      sorted = Arrays.stream(values, 0, n).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }
    return Estimates.quantile(sorted, present, p);
  }

  /** The share of present values at or above {@code threshold}, with Wilson's interval; NaN if none is present. */
  public Estimate shareAtLeast(double threshold) {
    if (present == 0) {
      return none();
    }
    long k = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] >= threshold) {
        k++;
      }
    }
    return Estimates.proportion(k, present);
  }

  private static Estimate none() {
    return new Estimate(Double.NaN, 0, Double.NaN, Double.NaN);
  }
}
