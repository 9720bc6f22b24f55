package noliq.lab.sweep;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.metrics.Estimate;
import noliq.lab.study.Assumptions;

/**
 * One line of {@code sweep.csv}, in long form: a point, its swept assumptions' values, and one
 * statistic of one metric of one design on one scenario, with its 95% interval and sample size.
 * The columns after the assumptions are the study's long-form metrics row; the interval is empty
 * where there is none (a constant, or too few paths).
 *
 * @param point the point's number, from 1
 * @param values the swept assumptions' values, in the sweep's column order
 * @param scenario the scenario
 * @param design the design's id
 * @param role whose figure it is (borrower, stablecoin holder, P holder, N holder, attacker, protocol)
 * @param metric the metric's name
 * @param statistic mean, p95, share, or sd (the standard deviation of the annual deviation)
 * @param estimate the figure, its interval and n
 */
public record SweepRow(int point, List<Double> values, String scenario, String design, String role, String metric,
    String statistic, Estimate estimate) {

  /** The header of {@code sweep.csv} for a sweep over {@code names}. */
  public static String header(List<String> names) {
    List<String> cols = new ArrayList<>(List.of("point"));
    cols.addAll(names);
    cols.addAll(List.of("scenario", "design", "role", "metric", "statistic", "value", "ci_low", "ci_high", "n"));
    return String.join(",", cols.stream().map(SweepRow::quote).toList());
  }

  /** The row as a CSV line (no line break); numbers in full (Java's shortest round-trip form). */
  public String csv() {
    return prefix(point, values) + metricCsv();
  }

  /** The point's columns, ending in a comma: {@code 3,1e7,25,}. */
  public static String prefix(int point, List<Double> values) {
    StringBuilder b = new StringBuilder().append(point).append(',');
    for (double v : values) {
      b.append(Assumptions.format(v)).append(',');
    }
    return b.toString();
  }

  /** The columns from scenario to n: what a point shares with another when the design did not change between them. */
  public String metricCsv() {
    StringBuilder b = new StringBuilder();
    b.append(quote(scenario)).append(',').append(quote(design)).append(',').append(quote(role)).append(',')
        .append(quote(metric)).append(',').append(statistic).append(',').append(number(estimate.value())).append(',')
        .append(number(estimate.low())).append(',').append(number(estimate.high())).append(',').append(estimate.n());
    return b.toString();
  }

  /** Whose figure a metric is, from its design and name. */
  public static String role(String design, String metric) {
    if (metric.contains(".borrower_")) {
      return "borrower";
    }
    if (metric.endsWith(".stable_loss_pct")) {
      return "stablecoin holder";
    }
    if (design.startsWith("oracle.")) {
      return "attacker";
    }
    if (design.startsWith("wrapper.") || design.startsWith("agent.")) {
      return "P holder";
    }
    if (design.startsWith("n-holder")) {
      return "N holder";
    }
    return "protocol";
  }

  static String number(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "";
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
