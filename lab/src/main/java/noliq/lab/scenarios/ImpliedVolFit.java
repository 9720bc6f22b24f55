package noliq.lab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import noliq.math.RuleViolation;

/**
 * Fits {@link ImpliedVol}'s constants from Deribit's ETH DVOL and ETH daily closes, and reads the
 * market's state on a day of history. Realised vol is from daily close-to-close log returns,
 * annualised by 365 (crypto trades every day).
 */
public final class ImpliedVolFit {
  /** The daily-close file in the data directory. */
  public static final String DAILY_CLOSES = "eth_usd_daily_close.csv";

  private ImpliedVolFit() {}

  /**
   * The fit: the median of DVOL over the next 30 days' realised vol and the standard deviation of its log (the
   * premium's fit error); the OLS of ln DVOL on ln(trailing 30-day realised vol) with its residual standard error;
   * and the mean DVOL with DVOL's standard deviation (how far the level strays from its long run).
   */
  public record Fit(double ivOverForwardRv, double ratioLogSd, double intercept, double slope, double rmseLog, double meanDvol,
      double sdDvol, int days) {}

  /** The market's state on a day: spot, the 30-day at-the-money level and where it came from, and the stress readings. */
  public record DayState(LocalDate date, double spot, double atm, String atmSource, double volOfVol, double realisedVolJump) {}

  /** ETH daily closes by UTC day, from a CSV {@code date,close}. */
  public static NavigableMap<LocalDate, Double> readDailyCloses(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("date,close")) {
      throw new RuleViolation("closes", file + ": header must be date,close");
    }
    NavigableMap<LocalDate, Double> out = new TreeMap<>();
    for (int i = 1; i < lines.size() && i <= 200_000; i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      double close = f.length == 2 ? Double.parseDouble(f[1]) : Double.NaN;
      if (!(close > 0) || Double.isInfinite(close)) {
        throw new RuleViolation("closes", file + " line " + (i + 1) + ": needs a date and a positive close");
      }
      out.put(LocalDate.parse(f[0]), close);
    }
    return out;
  }

  /** Realised vol over the {@code days} daily returns ending on {@code day}'s close, or NaN without them. */
  static double realised(NavigableMap<LocalDate, Double> closes, LocalDate day, int days) {
    double sum = 0;
    LocalDate d = day;
    for (int k = 0; k < days; k++) {
      Double c = closes.get(d);
      Double p = closes.get(d.minusDays(1));
      if (c == null || p == null) {
        return Double.NaN;
      }
      double r = Math.log(c / p);
      sum += r * r;
      d = d.minusDays(1);
    }
    return Math.sqrt(sum / days * 365);
  }

  public static Fit fit(NavigableMap<LocalDate, Double> closes, Map<LocalDate, Double> dvol) {
    List<double[]> xy = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    double dvolSum = 0;
    for (Map.Entry<LocalDate, Double> e : new TreeMap<>(dvol).entrySet()) {
      dvolSum += e.getValue();
      double trailing = realised(closes, e.getKey(), 30);
      if (trailing > 0) {
        xy.add(new double[] {Math.log(trailing), Math.log(e.getValue())});
      }
      double forward = realised(closes, e.getKey().plusDays(30), 30);
      if (forward > 0) {
        ratios.add(e.getValue() / forward);
      }
    }
    if (xy.size() < 30 || ratios.size() < 30) {
      throw new RuleViolation("dvol", "too few days overlap the daily closes to fit (" + xy.size() + ")");
    }
    int n = xy.size();
    double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double ss = 0;
    for (double[] p : xy) {
      double r = p[1] - intercept - slope * p[0];
      ss += r * r;
    }
    double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
    double median = median(r);
    double[] logs = java.util.Arrays.stream(r).map(Math::log).toArray();
    double meanDvol = dvolSum / dvol.size();
    double dvolSs = dvol.values().stream().mapToDouble(v -> (v - meanDvol) * (v - meanDvol)).sum();
    return new Fit(median, sampleSd(logs), intercept, slope, Math.sqrt(ss / (n - 2)), meanDvol,
        Math.sqrt(dvolSs / (dvol.size() - 1)), n);
  }

  /**
   * Daily closes from hourly (or finer) bars: each UTC day's last close, as the daily-close file holds
   * them. Lets a history state be read from the project's shipped hourly bars alone.
   */
  public static NavigableMap<LocalDate, Double> dailyCloses(OhlcSeries bars) {
    NavigableMap<LocalDate, Double> out = new TreeMap<>();
    for (Bar b : bars.bars()) {
      out.put(b.time().atZone(java.time.ZoneOffset.UTC).toLocalDate(), b.close());
    }
    return out;
  }

  /**
   * The state on {@code date}: spot is that day's close; the level is that day's DVOL close where there is
   * one, else the mapping from trailing 30-day realised vol; vol-of-vol is the annualised std of the level's
   * daily log changes over the 7 days to the date; the jump is the day's absolute return, annualised, over
   * the trailing 30-day realised vol.
   */
  public static DayState stateOn(LocalDate date, NavigableMap<LocalDate, Double> closes, Map<LocalDate, Double> dvol) {
    Double spot = closes.get(date);
    if (spot == null) {
      throw new RuleViolation("date", "no daily close on " + date + " (closes run " + closes.firstKey() + " .. "
          + closes.lastKey() + ")");
    }
    double rv30 = realised(closes, date, 30);
    if (!(rv30 > 0)) {
      throw new RuleViolation("date", "needs 30 days of closes before " + date);
    }
    double[] level = new double[8];
    String source = dvol.containsKey(date) ? "Deribit DVOL" : "mapped from 30-day realised vol (no DVOL that day; rmse "
        + ImpliedVol.RV_MAP_RMSE_LOG + " in log vol)";
    for (int k = 0; k < 8; k++) {
      LocalDate d = date.minusDays(7 - k);
      Double v = dvol.get(d);
      level[k] = v != null ? v : ImpliedVol.fromRealised(Math.max(realised(closes, d, 30), ImpliedVol.MIN_VOL));
    }
    double[] changes = new double[7];
    for (int k = 0; k < 7; k++) {
      changes[k] = Math.log(level[k + 1] / level[k]);
    }
    double mean = Arrays.stream(changes).average().orElse(0);
    double var = Arrays.stream(changes).map(c -> (c - mean) * (c - mean)).sum() / 6;
    double day = realised(closes, date, 1);
    return new DayState(date, spot, level[7], source, Math.sqrt(var * 365), Math.max(day / rv30, 1e-3));
  }

  static double sampleSd(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
  }

  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
