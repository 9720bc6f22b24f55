package noliq.lab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import noliq.math.RuleViolation;

/**
 * The implied-vol state of a path: the 30-day at-the-money level (Deribit DVOL's convention), step by
 * step, and the two stress readings makers react to (vol-of-vol, realised-vol jump).
 *
 * <p>Where the level comes from, by kind of path:
 * <ul>
 *   <li>GARCH-t: the model's own forecast of the next 30 days' variance from its conditional variance,
 *       times the variance risk premium {@link #IV_OVER_FORWARD_RV};
 *   <li>GBM and Merton: the model's own total volatility times the same premium;
 *   <li>crash bridges, bootstraps, and history before DVOL (or a user's CSV): the stated mapping
 *       {@code ln iv = RV_MAP_INTERCEPT + RV_MAP_SLOPE · ln rv30} from trailing 30-day realised vol,
 *       fitted on the DVOL years; its residual error is {@link #RV_MAP_RMSE_LOG};
 *   <li>history from 2021-03-24 on: Deribit's ETH DVOL close of the day, when the data directory holds it.
 * </ul>
 * Fitted by {@link ImpliedVolFit} on {@code eth_usd_daily_close.csv} and {@code eth_dvol_daily_deribit.csv}
 * (2021-03-24 … 2026-04-06, 1,840 days); the refit test checks these constants against the files.
 */
public final class ImpliedVol {
  /** Median of DVOL over the realised vol of the following 30 days (daily closes): the variance risk premium as a vol ratio. */
  public static final double IV_OVER_FORWARD_RV = 1.116;
  /** ... its fit error: the standard deviation of ln(DVOL / next-30-day realised vol), day by day (interquartile 0.90 .. 1.31). */
  public static final double IV_OVER_FORWARD_RV_LOG_SD = 0.288;
  /** OLS of ln DVOL on ln(trailing 30-day realised vol, daily closes): intercept. */
  public static final double RV_MAP_INTERCEPT = -0.0571;
  /** ... and slope: implied vol moves less than realised (0.667 per unit of log). */
  public static final double RV_MAP_SLOPE = 0.667;
  /** The mapping's residual standard error, in log vol: about ±17% of the level. */
  public static final double RV_MAP_RMSE_LOG = 0.174;
  /** Mean DVOL over its history: the level a path starts from (and the surface's long end, MarketReaction.DVOL_MEAN). */
  public static final double LONG_RUN_ATM = noliq.market.roll.MarketReaction.DVOL_MEAN;
  /** DVOL's standard deviation over the same days (range 0.31 .. 1.93): how far the level strays from the long run. */
  public static final double DVOL_SD = 0.228;
  /** The DVOL file's name in the data directory. */
  public static final String DVOL_FILE = "eth_dvol_daily_deribit.csv";
  /** Realised-vol windows: the mapping's 30 days; a day for the jump reading. */
  static final double WINDOW_DAYS = 30;
  static final double JUMP_WINDOW_DAYS = 1;
  /** Vol-of-vol: the std of the level's log changes over the last week, annualised. */
  static final double VOL_OF_VOL_WINDOW_DAYS = 7;
  static final double MIN_VOL = 0.05;
  static final double MAX_VOL = 5;

  private ImpliedVol() {}

  /** The mapping from trailing realised vol to implied, at the fitted constants. */
  public static double fromRealised(double rv30) {
    return ImpliedVolParameters.DEFAULTS.fromRealised(rv30);
  }

  static double clamp(double v) {
    return Math.min(MAX_VOL, Math.max(MIN_VOL, v));
  }

  /**
   * Trailing realised vol (annualised) over {@code windowDays} at every point of a path; before a
   * full window, the missing time counts at the prior's variance, so a path starts at the prior and
   * moves as its own returns accumulate.
   */
  static double[] trailingRealised(long[] epochMillis, double[] price, double windowDays, double prior) {
    int n = price.length;
    double[] out = new double[n];
    double windowMs = windowDays * 86_400_000.0;
    double priorVarPerMs = prior * prior / (365.0 * 86_400_000.0);
    double sum = 0;
    int tail = 1;
    out[0] = prior;
    for (int i = 1; i < n; i++) {
      double r = Math.log(price[i] / price[i - 1]);
      sum += r * r;
      while (tail < i && epochMillis[i] - epochMillis[tail] >= windowMs) {
        double rt = Math.log(price[tail] / price[tail - 1]);
        sum -= rt * rt;
        tail++;
      }
      double covered = epochMillis[i] - epochMillis[tail - 1];
      double missing = Math.max(0, windowMs - covered);
      double variance = (Math.max(sum, 0) + priorVarPerMs * missing) / (Math.max(covered, 1) + missing);
      out[i] = Math.sqrt(variance * 365.0 * 86_400_000.0);
    }
    return out;
  }

  /** The level from the realised-vol mapping of {@code p} at every point. */
  static double[] mappedAtm(ImpliedVolParameters p, long[] epochMillis, double[] price) {
    double[] rv = trailingRealised(epochMillis, price, WINDOW_DAYS, p.priorRealised());
    double[] out = new double[rv.length];
    for (int i = 0; i < rv.length; i++) {
      out[i] = p.fromRealised(rv[i]);
    }
    return out;
  }

  /** Short over 30-day realised vol at every point (1 before any history; both windows start at {@code p}'s prior). */
  static double[] realisedJump(ImpliedVolParameters p, long[] epochMillis, double[] price) {
    double prior = p.priorRealised();
    double[] shortRv = trailingRealised(epochMillis, price, JUMP_WINDOW_DAYS, prior);
    double[] longRv = trailingRealised(epochMillis, price, WINDOW_DAYS, prior);
    double[] out = new double[price.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = longRv[i] > 0 ? Math.max(1e-3, shortRv[i] / longRv[i]) : 1;
    }
    return out;
  }

  /**
   * Vol-of-vol at every point: the root mean square of the level's one-day log changes over the trailing
   * week, annualised by 365 (0 on a frozen level). Daily changes, as DVOL's own vol-of-vol is measured, so
   * hourly noise in a model's conditional variance does not count as vol-of-vol.
   */
  static double[] volOfVol(long[] epochMillis, double[] atm) {
    int n = atm.length;
    double[] out = new double[n];
    double[] d2 = new double[n];
    double dayMs = 86_400_000.0;
    double windowMs = VOL_OF_VOL_WINDOW_DAYS * dayMs;
    int lag = 0;
    int tail = 0;
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      while (lag + 1 < i && epochMillis[i] - epochMillis[lag + 1] >= dayMs) {
        lag++;
      }
      if (i > 0 && epochMillis[i] - epochMillis[lag] >= dayMs) {
        double d = Math.log(atm[i] / atm[lag]);
        d2[i] = d * d;
        sum += d2[i];
        count++;
      } else {
        d2[i] = Double.NaN;
      }
      while (tail < i && epochMillis[i] - epochMillis[tail] >= windowMs) {
        if (!Double.isNaN(d2[tail])) {
          sum -= d2[tail];
          count--;
        }
        tail++;
      }
      out[i] = count == 0 ? 0 : Math.sqrt(Math.max(sum, 0) / count * 365);
    }
    return out;
  }

  /** GARCH-t: the forecast average variance of the next 30 days from conditional variance {@code h} (per step), as a vol per year. */
  public static double garchForwardVol(GarchT m, double h) {
    double phi = m.alpha() + m.beta();
    double steps = WINDOW_DAYS / 365.0 / m.stepYears();
    double vInf = m.unconditionalVariance();
    double avg = vInf + (h - vInf) * (1 - Math.pow(phi, steps)) / ((1 - phi) * steps);
    return Math.sqrt(Math.max(avg, 0) / m.stepYears());
  }

  /** GARCH-t's forecast as implied vol at the fitted premium. */
  public static double garchAtm(GarchT m, double h) {
    return ImpliedVolParameters.DEFAULTS.fromForward(garchForwardVol(m, h));
  }

  /** Deribit DVOL closes (as fractions) by UTC day, read from a CSV {@code date,open,high,low,close}. */
  public static Map<LocalDate, Double> readDvol(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("date,open,high,low,close")) {
      throw new RuleViolation("dvol", file + ": header must be date,open,high,low,close");
    }
    Map<LocalDate, Double> out = new TreeMap<>();
    for (int i = 1; i < lines.size() && i <= 100_000; i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != 5) {
        throw new RuleViolation("dvol", file + " line " + (i + 1) + ": needs 5 fields");
      }
      double close = Double.parseDouble(f[4]) / 100;
      if (!(close > 0 && close < 10)) {
        throw new RuleViolation("dvol", file + " line " + (i + 1) + ": close must be in (0, 1000)%");
      }
      out.put(LocalDate.parse(f[0]), close);
    }
    return out;
  }

  private static Map<LocalDate, Double> dvolCache;

  /** DVOL from the data directory, if it holds the file (read once). */
  static synchronized Map<LocalDate, Double> dvol() {
    if (dvolCache == null) {
      // The given data directory's DVOL, else the copy the project ships in data/ (MIT, see data/NOTICE.md).
      dvolCache = DataFiles.file(DVOL_FILE).or(() -> DataFiles.shipped(DVOL_FILE)).map(ImpliedVol::readDvol).orElse(Map.of());
    }
    return dvolCache;
  }

  /** A replay's level: DVOL of the previous UTC day's close where known (no look-ahead) and {@code p} reads it, else the mapping. */
  static double[] historicalAtm(ImpliedVolParameters p, long[] epochMillis, double[] price, Map<LocalDate, Double> dvol) {
    double[] mapped = mappedAtm(p, epochMillis, price);
    if (dvol.isEmpty() || !p.historyDvol()) {
      return mapped;
    }
    double[] out = mapped.clone();
    for (int i = 0; i < out.length; i++) {
      LocalDate day = java.time.Instant.ofEpochMilli(epochMillis[i]).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
      Double v = dvol.get(day);
      if (v != null) {
        out[i] = v;
      }
    }
    return out;
  }

  /** Every name and value, as the assumptions table prints them: inputs, with their fit and its error. */
  public static List<String[]> describe(ImpliedVolParameters p) {
    List<String[]> out = new ArrayList<>();
    String fit = "fitted on Deribit ETH DVOL and ETH daily closes, 2021-03-24 .. 2026-04-06, 1,840 days (ImpliedVolFit; "
        + "refit test)";
    out.add(new String[] {"ivOverForwardRv", Double.toString(p.ivOverForwardRv()), "median DVOL / next-30-day realised vol, "
        + fit + "; fit error: sd of its log " + IV_OVER_FORWARD_RV_LOG_SD + " day by day (interquartile 0.90 .. 1.31); "
        + "GARCH-t, GBM and Merton paths: implied = this x the model's own 30-day vol forecast; an input: vary it"});
    out.add(new String[] {"rvMap", "ln iv = " + p.rvMapIntercept() + " + " + p.rvMapSlope() + " ln rv30", "OLS of ln DVOL on ln "
        + "trailing 30-day realised vol, " + fit + "; fit error (residual sd) " + RV_MAP_RMSE_LOG + " in log vol, about "
        + "+-17% of the level; crash bridges, bootstraps, history before DVOL and users' CSVs; inputs: vary them"});
    out.add(new String[] {"longRunAtm", Double.toString(p.longRunAtm()), "mean DVOL over its history (" + fit + "; DVOL's "
        + "sd " + DVOL_SD + ", range 0.31 .. 1.93); every mapped path's level before it has 30 days of returns (crash "
        + "bridges start there); an input: vary it"});
    out.add(new String[] {"historyAtm", p.historyDvol() ? "1: previous UTC day's DVOL close" : "0: the mapping",
        "Deribit ETH DVOL (" + DVOL_FILE + ", shipped in data/) where it has the day, else the mapping; 0 reads the "
        + "mapping everywhere, to measure what DVOL changes"});
    return out;
  }
}
