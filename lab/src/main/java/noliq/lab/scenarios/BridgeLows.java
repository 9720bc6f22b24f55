package noliq.lab.scenarios;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Intrabar lows for a path drawn at its steps' ends: between two points the log-price is taken to
 * move as a Brownian bridge, and each step's minimum is drawn from that bridge's exact law,
 * {@code P(min < y) = exp(−2 (a − y)(b − y) / v)} for {@code y ≤ min(a, b)}, where {@code a} and
 * {@code b} are the log-prices at the step's ends and {@code v} the step's variance. Inverting it,
 * {@code min = (a + b − sqrt((a − b)² − 2 v ln U)) / 2} for U uniform on (0, 1].
 *
 * <p>The step's variance is the path's own local realised variance: the mean squared log return
 * over the {@link #WINDOW} steps centred on it (a GARCH path's calm and stormy stretches keep their
 * own). It is a stated estimator, not the model's own conditional variance (which the models do not
 * expose). A liquidation then triggers on the low, as it does on a real bar.
 */
public final class BridgeLows {
  /** Steps in the window that estimates a step's variance (a day of hourly steps). */
  public static final int WINDOW = 24;

  private BridgeLows() {}

  /** The lows of {@code prices}, drawing one uniform per step from {@code rng}; {@code lows[0]} is the first price. */
  public static double[] of(double[] prices, UniformRandomProvider rng) {
    int n = prices.length;
    double[] lows = new double[n];
    if (n == 0) {
      return lows;
    }
    lows[0] = prices[0];
    double[] sq = new double[n];
    for (int t = 1; t < n; t++) {
      double r = Math.log(prices[t] / prices[t - 1]);
      sq[t] = r * r;
    }
    // Prefix sums of squared returns for the centred window.
    double[] cum = new double[n];
    for (int t = 1; t < n; t++) {
      cum[t] = cum[t - 1] + sq[t];
    }
    int half = WINDOW / 2;
    for (int t = 1; t < n; t++) {
      int from = Math.max(1, t - half);
      int to = Math.min(n - 1, t + half);
      double v = (cum[to] - cum[from - 1]) / (to - from + 1);
      double a = Math.log(prices[t - 1]);
      double b = Math.log(prices[t]);
      double u = 1.0 - rng.nextDouble();
      double m = (a + b - Math.sqrt((a - b) * (a - b) - 2 * v * Math.log(u))) / 2;
      lows[t] = Math.min(Math.exp(m), Math.min(prices[t - 1], prices[t]));
    }
    return lows;
  }
}
