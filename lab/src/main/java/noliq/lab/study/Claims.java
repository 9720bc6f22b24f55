package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;

/**
 * The post's own claims, answered with the study's numbers. Wrapper designs are found by metric
 * name: a metric {@code <wrapper>.tracking_error_pct} marks a wrapper, and
 * {@code <wrapper>.roll_cost_pct_per_year} is its roll cost. Both are per-path figures in % a year;
 * the claim is judged on their mean over paths with its 95% interval.
 * <ul>
 *   <li>Drift: "accepting a medium amount of quadratic drift (eg. standev ~1-4% per year)". Yes
 *       when the whole interval lies in [1, 4]; no when it lies wholly above 4 or wholly below 1
 *       (below is less drift than the post allows); otherwise inconclusive.</li>
 *   <li>Roll cost: "It is very easy to lose 2% per year or more from multiple rounds of slippage".
 *       Yes (under 2%) when the whole interval is below 2; no when it is wholly at or above 2;
 *       otherwise inconclusive.</li>
 * </ul>
 * A single path (a historical replay) has no interval: the verdict is on its value and says so.
 */
public final class Claims {
  public static final String TRACKING = ".tracking_error_pct";
  public static final String ROLL_COST = ".roll_cost_pct_per_year";
  public static final double DRIFT_LOW = 1;
  public static final double DRIFT_HIGH = 4;
  public static final double ROLL_COST_LIMIT = 2;

  private Claims() {}

  /** One wrapper on one scenario. {@code rollCost} is null when the wrapper does not report it. */
  public record Claim(String wrapper, String scenario, Estimate trackingError, String driftVerdict, Estimate rollCost, String rollCostVerdict) {}

  /** Every wrapper's claims on every scenario of a year or more (shorter ones cannot speak to per-year figures). */
  public static List<Claim> assess(StudyRunner.StudyResult result) {
    List<Claim> out = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      if (sr.scenario().longRun()) {
        out.addAll(assess(sr.scenario().name(), sr.summary()));
      }
    }
    return out;
  }

  /** The claims of every wrapper found in one run's metrics. */
  public static List<Claim> assess(String scenario, RunSummary run) {
    List<Claim> out = new ArrayList<>();
    for (String name : run.names()) {
      if (name.endsWith(TRACKING)) {
        String wrapper = name.substring(0, name.length() - TRACKING.length());
        Estimate te = run.metric(name).mean();
        Estimate rc = run.metrics().containsKey(wrapper + ROLL_COST) ? run.metric(wrapper + ROLL_COST).mean() : null;
        out.add(new Claim(wrapper, scenario, te, driftVerdict(te), rc, rc == null ? "not reported" : rollCostVerdict(rc)));
      }
    }
    return out;
  }

  /** Whether the tracking error lies within the post's 1–4% a year. */
  public static String driftVerdict(Estimate e) {
    double[] b = bounds(e);
    if (b == null) {
      return "inconclusive";
    }
    String verdict;
    if (b[0] >= DRIFT_LOW && b[1] <= DRIFT_HIGH) {
      verdict = "yes";
    } else if (b[0] > DRIFT_HIGH) {
      verdict = "no (above 4%/yr)";
    } else if (b[1] < DRIFT_LOW) {
      verdict = "no (below 1%/yr: less drift than the post allows)";
    } else {
      verdict = "inconclusive";
    }
    return e.n() == 1 && !verdict.equals("inconclusive") ? verdict + ", one path" : verdict;
  }

  /** Whether the roll cost is under the post's 2% a year. */
  public static String rollCostVerdict(Estimate e) {
    double[] b = bounds(e);
    if (b == null) {
      return "inconclusive";
    }
    String verdict = b[1] < ROLL_COST_LIMIT ? "yes" : b[0] >= ROLL_COST_LIMIT ? "no" : "inconclusive";
    return e.n() == 1 && !verdict.equals("inconclusive") ? verdict + ", one path" : verdict;
  }

  /** The interval, or the value itself for one path; null when there is no usable figure. */
  private static double[] bounds(Estimate e) {
    if (e.n() == 1 && Double.isFinite(e.value())) {
      return new double[] {e.value(), e.value()};
    }
    if (!Double.isFinite(e.low()) || !Double.isFinite(e.high())) {
      return null;
    }
    return new double[] {e.low(), e.high()};
  }
}
