package noliq.lab.report;

import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Sample;

/** Ready-made report tables from engine results. */
public final class Tables {
  private Tables() {}

  /**
   * One row per metric of a run: its mean and its 5th, 50th and 95th percentiles, each with its
   * 95% interval and n, plus the extremes.
   */
  public static Report.Table metrics(String id, String title, RunSummary run) {
    List<List<Object>> rows = new ArrayList<>();
    for (String name : run.names()) {
      Sample s = run.metric(name);
      rows.add(List.of(name, s.mean(), s.quantile(0.05), s.quantile(0.5), s.quantile(0.95), s.moments().min(), s.moments().max()));
    }
    return new Report.Table(id, title, List.of("metric", "mean", "p05", "p50", "p95", "min", "max"), rows);
  }
}
