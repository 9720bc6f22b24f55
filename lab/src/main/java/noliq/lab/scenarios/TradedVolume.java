package noliq.lab.scenarios;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The ETH traded on a path, a state of the path like its prices: on history, the bars' own volume
 * column (Binance spot ETH/USDT only, in ETH: one venue's volume, not the whole market's); on a
 * generated path, a model of a day's ETH volume fitted on those same bars:
 *
 * <pre>ln V_d = {@link #INTERCEPT} + {@link #RV_ELASTICITY} ln rv_d + {@link #PRICE_ELASTICITY} ln P_d + e_d,
 * e_d = {@link #RESIDUAL_AR} e_(d-1) + eta_d,  sd(e) = {@link #RESIDUAL_SD}</pre>
 *
 * where {@code rv_d} is the day's realised volatility (its steps' squared log returns, scaled to a
 * whole day and annualised by 365) and {@code P_d} the day's last price. Volume rises about in
 * proportion to realised vol, so a crash day trades several times a calm one; it falls in ETH as the
 * price rises (about P^-0.33: a dollar volume that grows more slowly than the price). A day's volume
 * is spread evenly over its steps (the study reads it by day).
 *
 * <p>Fitted by {@link #fit} (OLS, residual AR(1) from consecutive days) on the UTC days of the shipped
 * {@code eth_usdt_1h_2017-2025.csv} from {@link #FIT_FROM} on that hold all 24 bars; the refit test
 * checks these constants against the file. Before 2021 Binance's ETH/USDT volume grew with the venue,
 * not with the market, so those years are left out. Outside the fitted price range (about 730 to
 * 4,800 USD) the price term extrapolates: crash bridges of 2020 run near 100-200 USD.
 */
public final class TradedVolume {
  /** The first UTC day of the fit's sample. */
  public static final LocalDate FIT_FROM = LocalDate.of(2021, 1, 1);
  /** Days in the fit: every UTC day from {@link #FIT_FROM} to the file's end with 24 bars. */
  public static final int FIT_DAYS = 1_789;
  public static final double INTERCEPT = 16.1883;
  public static final double RV_ELASTICITY = 1.0152;
  public static final double PRICE_ELASTICITY = -0.3282;
  /** The residual's standard deviation, in log volume: a day's volume is known to about ±33%. */
  public static final double RESIDUAL_SD = 0.2877;
  /** The residual's lag-one autocorrelation between consecutive days. */
  public static final double RESIDUAL_AR = 0.5443;
  /** Realised vol below which the log term is floored (a flat path still trades). */
  static final double MIN_RV = 0.05;

  private static final long DAY_MS = 86_400_000L;

  private TradedVolume() {}

  /** The fitted day's median ETH volume at realised vol {@code rv} and price {@code price}. */
  public static double medianDayVolume(double rv, double price) {
    return Math.exp(INTERCEPT + RV_ELASTICITY * Math.log(Math.max(rv, MIN_RV)) + PRICE_ELASTICITY * Math.log(price));
  }

  /**
   * A generated path's volume: per point {@code t >= 1}, the ETH traded in step t (point 0 trades
   * nothing), from the fitted model with its residual drawn from {@code rng}.
   */
  public static double[] model(long[] epochMillis, double[] price, UniformRandomProvider rng) {
    int n = price.length;
    double[] out = new double[n];
    List<int[]> days = days(epochMillis);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double innovationSd = RESIDUAL_SD * Math.sqrt(1 - RESIDUAL_AR * RESIDUAL_AR);
    double e = RESIDUAL_SD * normal.sample();
    boolean first = true;
    for (int[] d : days) {
      if (!first) {
        e = RESIDUAL_AR * e + innovationSd * normal.sample();
      }
      first = false;
      double squares = 0;
      long covered = 0;
      for (int t = d[0]; t <= d[1]; t++) {
        double r = Math.log(price[t] / price[t - 1]);
        squares += r * r;
        covered += epochMillis[t] - epochMillis[t - 1];
      }
      double rv = Math.sqrt(squares * DAY_MS / Math.max(covered, 1) * 365);
      double dayVolume = medianDayVolume(rv, price[d[1]]) * Math.exp(e);
      for (int t = d[0]; t <= d[1]; t++) {
        out[t] = dayVolume * (epochMillis[t] - epochMillis[t - 1]) / DAY_MS;
      }
    }
    return out;
  }

  /**
   * The steps of a path by UTC day: {@code {first, last}} point indices whose steps (from point t-1
   * to t) start on that day, in order. A step belongs to the day it starts in, as a bar to its open.
   */
  static List<int[]> days(long[] epochMillis) {
    List<int[]> out = new ArrayList<>();
    int first = 1;
    for (int t = 1; t < epochMillis.length; t++) {
      if (t > first && day(epochMillis[t - 1]) != day(epochMillis[first - 1])) {
        out.add(new int[] {first, t - 1});
        first = t;
      }
    }
    if (epochMillis.length > 1) {
      out.add(new int[] {first, epochMillis.length - 1});
    }
    return out;
  }

  /** The UTC day number of an instant. */
  static long day(long epochMillis) {
    return Math.floorDiv(epochMillis, DAY_MS);
  }

  /**
   * The day's volume at every point: the ETH traded over the steps of the UTC day that step t starts
   * in, scaled to a whole day when the path covers only part of it (its first and last day), so a
   * share of "the day's volume" never divides by a few hours' trade.
   */
  static double[] dayVolumeAt(long[] epochMillis, double[] volume) {
    double[] out = new double[volume.length];
    for (int[] d : days(epochMillis)) {
      double sum = 0;
      long covered = 0;
      for (int t = d[0]; t <= d[1]; t++) {
        sum += volume[t];
        covered += epochMillis[t] - epochMillis[t - 1];
      }
      double whole = covered >= DAY_MS || covered <= 0 ? sum : sum * DAY_MS / covered;
      for (int t = d[0]; t <= d[1]; t++) {
        out[t] = whole;
      }
    }
    if (out.length > 1) {
      out[0] = out[1];
    }
    return out;
  }

  /** The fit {@link #fit} gives: the constants above and the sample it used. */
  public record Fit(double intercept, double rvElasticity, double priceElasticity, double residualSd, double residualAr,
      int days) {}

  /**
   * Fits the model on {@code bars} (hourly) over the UTC days from {@code from} on that hold all 24
   * bars: each day's ETH volume, realised vol from its hourly close-to-close log returns (the first
   * bar's from the previous bar's close, or its own open after a gap), and last close.
   */
  public static Fit fit(List<Bar> bars, LocalDate from) {
    List<double[]> rows = new ArrayList<>();
    LocalDate day = null;
    double volume = 0;
    double squares = 0;
    int count = 0;
    double close = 0;
    double prevClose = Double.NaN;
    Instant prevTime = null;
    for (Bar b : bars) {
      LocalDate d = LocalDate.ofInstant(b.time(), ZoneOffset.UTC);
      if (!d.equals(day)) {
        if (day != null && count == 24 && !day.isBefore(from)) {
          rows.add(new double[] {day.toEpochDay(), Math.log(volume), Math.log(Math.sqrt(squares * 365)), Math.log(close)});
        }
        day = d;
        volume = 0;
        squares = 0;
        count = 0;
      }
      boolean contiguous = prevTime != null && prevTime.plusSeconds(3600).equals(b.time());
      double r = Math.log(b.close() / (contiguous ? prevClose : b.open()));
      squares += r * r;
      volume += b.volume();
      count++;
      close = b.close();
      prevClose = b.close();
      prevTime = b.time();
    }
    if (day != null && count == 24 && !day.isBefore(from)) {
      rows.add(new double[] {day.toEpochDay(), Math.log(volume), Math.log(Math.sqrt(squares * 365)), Math.log(close)});
    }
    int n = rows.size();
    if (n < 30) {
      throw new RuleViolation("bars", "need at least 30 whole days from " + from + " to fit traded volume (found " + n + ")");
    }
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      x[i] = new double[] {1, r[2], r[3]};
      y[i] = r[1];
    }
    var ols = new org.hipparchus.linear.QRDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(x, false));
    double[] beta = ols.getSolver().solve(new org.hipparchus.linear.ArrayRealVector(y, false)).toArray();
    double[] e = new double[n];
    double sse = 0;
    for (int i = 0; i < n; i++) {
      e[i] = y[i] - (beta[0] * x[i][0] + beta[1] * x[i][1] + beta[2] * x[i][2]);
      sse += e[i] * e[i];
    }
    // lag-one correlation over pairs of consecutive days (a missing or partial day breaks a pair)
    double[] yesterday = new double[n];
    double[] today = new double[n];
    int pairs = 0;
    for (int i = 1; i < n; i++) {
      if (rows.get(i)[0] == rows.get(i - 1)[0] + 1) {
        yesterday[pairs] = e[i - 1];
        today[pairs] = e[i];
        pairs++;
      }
    }
    double lagOne = new org.hipparchus.stat.correlation.PearsonsCorrelation()
        .correlation(java.util.Arrays.copyOf(yesterday, pairs), java.util.Arrays.copyOf(today, pairs));
    return new Fit(beta[0], beta[1], beta[2], Math.sqrt(sse / (n - 3)), lagOne, n);
  }
}
