package noliq.lab.metrics;

/**
 * A figure with its sample size and 95% confidence interval {@code [low, high]}. The interval is
 * NaN where it cannot be computed (one observation for a mean, too few for a tail quantile).
 */
public record Estimate(double value, long n, double low, double high) {
  /** A figure known exactly (the interval is the value itself). */
  public static Estimate exact(double value, long n) {
    return new Estimate(value, n, value, value);
  }

  /** Half the interval's width, the "±" of the figure. */
  public double halfWidth() {
    return 0.5 * (high - low);
  }

  /** Whether {@code x} lies in the interval. */
  public boolean covers(double x) {
    return x >= low && x <= high;
  }
}
