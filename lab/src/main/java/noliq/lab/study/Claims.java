package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Figures;
import noliq.lab.metrics.WindowDrift;

/**
 * The post's own claims, answered with its own quantities. A wrapper (vault or agent) is found by
 * its per-path window figures ({@link #YEAR_WINDOWS}, {@link #ANNUAL_SUM}, {@link #ANNUAL_SUM_OF_SQUARES}):
 * for every path and every year-long window, d = 100 ln(value at the window's end / target), all
 * costs included ({@link WindowDrift}).
 * <ul>
 *   <li>Drift: "accepting a medium amount of quadratic drift (eg. standev ~1-4% per year)". Judged on
 *       the standard deviation of d across paths and windows, with its interval: within 1-4%/yr when
 *       the interval lies in [1, 4]; better than the post allows when it lies below 1 (a pass, never
 *       a failure); at most 4%/yr when it straddles 1 but stays under 4 (also a pass); a failure
 *       only when it lies wholly above 4; otherwise inconclusive.</li>
 *   <li>Roll cost: "It is very easy to lose 2% per year or more from multiple rounds of slippage".
 *       Judged on the mean all-in roll cost per year: under 2 when the whole interval is below 2, a
 *       failure when it is wholly at or above 2, otherwise inconclusive.</li>
 * </ul>
 * Per-year verdicts are given only on scenarios whose paths hold at least one complete year; a
 * shorter scenario gets its own per-window figures ({@link #perWindow}), never annualised, and no verdict.
 */
public final class Claims {
  public static final String TRACKING = ".tracking_error_pct";
  public static final String ROLL_COST = ".roll_cost_pct_per_year";
  public static final String ROLL_COST_WINDOW = ".roll_cost_pct";
  public static final String LOG_DEVIATION = ".log_deviation_pct";
  public static final String YEAR_WINDOWS = ".year_windows";
  public static final String ANNUAL_SUM = ".annual_deviation_sum_pct";
  public static final String ANNUAL_SUM_OF_SQUARES = ".annual_deviation_sumsq";
  public static final double DRIFT_LOW = 1;
  public static final double DRIFT_HIGH = 4;
  public static final double ROLL_COST_LIMIT = 2;

  private Claims() {}

  /** A verdict's outcome: whether the post's claim holds on our numbers. */
  public enum Outcome {
    PASS, FAIL, INCONCLUSIVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A verdict with the words that explain it. */
  public record Verdict(Outcome outcome, String text) {}

  /**
   * One wrapper on one scenario of at least a year.
   *
   * @param standev the standard deviation of the annual deviation (the post's drift), %/yr
   * @param steadyLoss the mean annual deviation (negative: a steady loss), %/yr
   * @param windows the year windows pooled (paths × years)
   * @param trackingVolatility the daily tracking volatility, annualised (secondary), %/yr
   * @param rollCost the mean all-in roll cost, %/yr; null when the wrapper does not report it
   */
  public record Claim(String wrapper, String scenario, Estimate standev, Estimate steadyLoss, long windows,
      Estimate trackingVolatility, Verdict drift, Estimate rollCost, Verdict rollCostVerdict) {}

  /** A wrapper on a scenario shorter than a year: its deviation over the one window each path is, not annualised. */
  public record WindowFigures(String wrapper, String scenario, Estimate meanDeviation, Estimate spread, Estimate rollCost) {}

  /** Every wrapper's claims on every scenario whose paths hold a complete year. */
  public static List<Claim> assess(StudyRunner.StudyResult result) {
    List<Claim> out = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      out.addAll(assess(sr.scenario().name(), sr.summary()));
    }
    return out;
  }

  /** The wrappers of one run, by their window figures. */
  public static List<String> wrappers(RunSummary run) {
    List<String> out = new ArrayList<>();
    for (String name : run.names()) {
      if (name.endsWith(YEAR_WINDOWS)) {
        String w = name.substring(0, name.length() - YEAR_WINDOWS.length());
        if (run.metrics().containsKey(w + ANNUAL_SUM) && run.metrics().containsKey(w + ANNUAL_SUM_OF_SQUARES)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** The post's drift of wrapper {@code w} on one run. */
  public static WindowDrift.Result annualDrift(RunSummary run, String w) {
    return WindowDrift.of(run.metric(w + YEAR_WINDOWS).values(), run.metric(w + ANNUAL_SUM).values(),
        run.metric(w + ANNUAL_SUM_OF_SQUARES).values());
  }

  /** The claims of every wrapper of one run whose paths hold at least one year window; none otherwise. */
  public static List<Claim> assess(String scenario, RunSummary run) {
    List<Claim> out = new ArrayList<>();
    for (String w : wrappers(run)) {
      WindowDrift.Result drift = annualDrift(run, w);
      if (drift.windows() == 0) {
        continue;
      }
      Estimate tracking = run.metrics().containsKey(w + TRACKING) ? Figures.mean(run.metric(w + TRACKING).values(), true) : null;
      Estimate rc = run.metrics().containsKey(w + ROLL_COST) ? Figures.mean(run.metric(w + ROLL_COST).values(), false) : null;
      out.add(new Claim(w, scenario, drift.standardDeviation(), drift.mean(), drift.windows(), tracking,
          driftVerdict(drift.standardDeviation()), rc, rc == null ? new Verdict(Outcome.INCONCLUSIVE, "not reported") : rollCostVerdict(rc)));
    }
    return out;
  }

  /** Every wrapper's per-window figures on the scenarios shorter than a year. */
  public static List<WindowFigures> perWindow(StudyRunner.StudyResult result) {
    List<WindowFigures> out = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      RunSummary run = sr.summary();
      for (String w : wrappers(run)) {
        if (annualDrift(run, w).windows() > 0 || !run.metrics().containsKey(w + LOG_DEVIATION)) {
          continue;
        }
        double[] d = run.metric(w + LOG_DEVIATION).values();
        double[] ones = new double[d.length];
        double[] squares = new double[d.length];
        for (int i = 0; i < d.length; i++) {
          ones[i] = 1;
          squares[i] = d[i] * d[i];
        }
        WindowDrift.Result r = WindowDrift.of(ones, d, squares);
        Estimate rc = run.metrics().containsKey(w + ROLL_COST_WINDOW) ? Figures.mean(run.metric(w + ROLL_COST_WINDOW).values(), false) : null;
        out.add(new WindowFigures(w, sr.scenario().name(), r.mean(), r.standardDeviation(), rc));
      }
    }
    return out;
  }

  /** Whether the standard deviation of the annual deviation lies within the post's 1–4% a year (below 1 is better, not a failure). */
  public static Verdict driftVerdict(Estimate standev) {
    double[] b = bounds(standev);
    if (b == null) {
      return new Verdict(Outcome.INCONCLUSIVE, "inconclusive (no interval)");
    }
    Verdict v;
    if (b[1] < DRIFT_LOW) {
      v = new Verdict(Outcome.PASS, "better than the post allows (below 1%/yr)");
    } else if (b[0] >= DRIFT_LOW && b[1] <= DRIFT_HIGH) {
      v = new Verdict(Outcome.PASS, "yes, within 1-4%/yr");
    } else if (b[1] <= DRIFT_HIGH) {
      v = new Verdict(Outcome.PASS, "yes, at most 4%/yr");
    } else if (b[0] > DRIFT_HIGH) {
      v = new Verdict(Outcome.FAIL, "no, above 4%/yr");
    } else {
      v = new Verdict(Outcome.INCONCLUSIVE, "inconclusive");
    }
    return standev.n() == 1 && v.outcome() != Outcome.INCONCLUSIVE ? new Verdict(v.outcome(), v.text() + ", one window") : v;
  }

  /** Whether the mean roll cost is under the post's 2% a year. */
  public static Verdict rollCostVerdict(Estimate e) {
    double[] b = bounds(e);
    if (b == null) {
      return new Verdict(Outcome.INCONCLUSIVE, "inconclusive (no interval)");
    }
    Verdict v = b[1] < ROLL_COST_LIMIT ? new Verdict(Outcome.PASS, "yes, under 2%/yr")
        : b[0] >= ROLL_COST_LIMIT ? new Verdict(Outcome.FAIL, "no, 2%/yr or more") : new Verdict(Outcome.INCONCLUSIVE, "inconclusive");
    return e.n() == 1 && v.outcome() != Outcome.INCONCLUSIVE ? new Verdict(v.outcome(), v.text() + ", one path") : v;
  }

  /** The interval; the value itself for one observation or a constant figure; null when there is no usable figure. */
  private static double[] bounds(Estimate e) {
    if (!Double.isFinite(e.value())) {
      return null;
    }
    if (Double.isFinite(e.low()) && Double.isFinite(e.high())) {
      return new double[] {e.low(), e.high()};
    }
    if (e.n() == 1 || e.n() > 1 && Double.isNaN(e.low()) && Double.isNaN(e.high()) && constantFigure(e)) {
      return new double[] {e.value(), e.value()};
    }
    return null;
  }

  /** A figure with n > 1 and no interval is a constant (Figures leaves constants without one). */
  private static boolean constantFigure(Estimate e) {
    return e.n() > 1;
  }
}
