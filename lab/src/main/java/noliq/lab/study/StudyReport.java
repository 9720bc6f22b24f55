package noliq.lab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Sample;
import noliq.lab.report.Report;
import noliq.lab.report.Report.Chart;
import noliq.lab.report.Report.Series;
import noliq.lab.report.Report.Table;
import noliq.lab.report.ReportWriter;
import noliq.lab.scenarios.FittedModels;
import noliq.lab.scenarios.Gap;
import noliq.lab.scenarios.PricePath;

/**
 * Turns a study's results into a {@link Report}: findings at the top (sentences generated from the
 * numbers), the headline figure of every metric on the primary scenario (by its
 * {@link MetricSpec#headline()}, with n and a 95% interval), the post's claims ({@link Claims}),
 * a headline table across scenarios, one full table per scenario, and charts: price paths (the
 * scenario's, and any price a design traces with its own forced sales fed back), the traced series
 * of each design family (liquidation waves, wrapper value against target...), and the distribution
 * of every non-indicator metric on the primary scenario. Nothing depends on the clock or the thread
 * count, so the same study gives byte-identical files.
 */
public final class StudyReport {
  /** Points kept per charted series (every k-th point and the last). */
  static final int MAX_POINTS = 1500;
  static final int HISTOGRAM_BINS = 40;
  private static final double DAY_MS = 86_400_000.0;

  private StudyReport() {}

  /** The primary scenario: the first stochastic model, else the first scenario. */
  public static StudyRunner.ScenarioResult primary(StudyRunner.StudyResult result) {
    return result.scenarios().stream().filter(s -> s.scenario().kind() == StudyScenario.Kind.MODEL).findFirst()
        .orElse(result.scenarios().get(0));
  }

  /** The headline figure of a metric's sample, by its {@link MetricSpec.Headline}. */
  public static Estimate headline(Sample s, MetricSpec.Headline h) {
    return switch (h) {
      case MEAN -> s.mean();
      case P95 -> s.quantile(0.95);
      case SHARE -> s.shareAtLeast(1);
    };
  }

  /** How the headline figure is named in the report. */
  public static String statistic(MetricSpec.Headline h) {
    return switch (h) {
      case MEAN -> "mean";
      case P95 -> "p95";
      case SHARE -> "share of paths";
    };
  }

  public static Report build(StudyRunner.StudyResult result) {
    StudyConfig config = result.config();
    Report.Builder b = Report.builder(config.title());
    inputs(b, result);
    StudyRunner.ScenarioResult primary = primary(result);
    List<Claims.Claim> claims = Claims.assess(result);
    findings(b, result, primary, claims);
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        b.headline(m.name(), headline(primary.summary().metric(m.name()), m.headline()));
      }
    }
    b.table(claimsTable(claims));
    b.table(assumptionsTable(config));
    b.table(headlineTable(result));
    b.table(scenariosTable(result));
    b.table(designsTable(result));
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      b.table(scenarioTable(result, sr));
      if (!sr.scenario().windows().isEmpty()) {
        b.table(windowsTable(result, sr));
      }
      if (!sr.scenario().gaps().isEmpty()) {
        b.table(gapsTable(sr));
      }
    }
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      charts(b, result, sr);
    }
    distributions(b, result, primary);
    return b.build();
  }

  /** The compact table for the terminal: the headline figures, then the claims. */
  public static String terminal(Report report, StudyRunner.StudyResult result) {
    StringBuilder out = new StringBuilder();
    out.append("headline figures on ").append(primary(result).scenario().description()).append('\n');
    out.append(ReportWriter.terminalTable(report));
    List<Claims.Claim> claims = Claims.assess(result);
    if (!claims.isEmpty()) {
      out.append("the post's claims (mean over paths, 95% interval):\n");
      for (Claims.Claim c : claims) {
        out.append(String.format(Locale.ROOT, "  %s on %s: tracking error %s -> within 1-4%%/yr: %s; roll cost %s -> under 2%%/yr: %s%n",
            c.wrapper(), c.scenario(), figure(c.trackingError(), "%/yr"), c.driftVerdict(),
            c.rollCost() == null ? "n/a" : figure(c.rollCost(), "%/yr"), c.rollCostVerdict()));
      }
    }
    return out.toString();
  }

  private static void inputs(Report.Builder b, StudyRunner.StudyResult result) {
    StudyConfig c = result.config();
    b.input("seed", c.seed());
    b.input("paths", c.paths());
    b.input("crash_paths", c.crashPaths());
    b.input("horizon_days", c.horizonDays());
    b.input("x0", c.x0());
    b.input("charted_paths", c.chartedPaths());
    b.input("prices", c.prices() == null ? "none" : c.prices());
    b.input("scenario_entries", c.scenarioKeys());
    b.input("designs", result.designs().stream().map(DesignModel::id).toList());
    if (!c.assumptions().isEmpty()) {
      b.input("assumptions", c.assumptions());
    }
    List<String> scenarios = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      StudyScenario s = sr.scenario();
      scenarios.add(s.name() + ": " + s.kind().name().toLowerCase(Locale.ROOT) + ", n=" + sr.summary().paths() + ", seed " + s.seed());
    }
    b.input("scenarios", scenarios);
    b.input("fitted_model", "GARCH(1,1)-t fitted " + FittedModels.FIT_DATE + " on " + FittedModels.DATA_SPAN);
    b.input("crash_window_rule", CrashWindows.rule(CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN));
    b.input("intervals", "95%: t interval for means, order-statistic interval for p95, Wilson interval for shares");
  }

  /**
   * A few comparative sentences, generated from the numbers: the debt books side by side, the
   * options designs' forced sales, the range of each roll mechanism, and a tally of the post's
   * claims. Per-design detail is in the tables below them.
   */
  private static void findings(Report.Builder b, StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary, List<Claims.Claim> claims) {
    long total = result.scenarios().stream().mapToLong(s -> s.summary().paths()).sum();
    b.finding(String.format(Locale.ROOT, "%d designs on %d scenarios, %,d paths in all, seed %d; every figure has its sample size n and a 95%% confidence interval.",
        result.designs().size(), result.scenarios().size(), total, result.config().seed()));
    for (StudyScenario none : result.withoutPaths()) {
      b.finding(none.name() + ": " + none.description() + "; the rest of the study ran.");
    }
    String scenario = primary.scenario().name();
    List<String> debt = idsWithMetric(result, ".liquidated_usd");
    if (!debt.isEmpty()) {
      b.finding(String.format(Locale.ROOT, "Debt on %s: liquidation volume at the 95th percentile (LaR95) is %s; insolvent debt at the 95th percentile (VaR95) is %s.",
          scenario, byDesign(primary, debt, ".liquidated_usd", "USD"), byDesign(primary, debt, ".insolvent_usd", "USD")));
      StudyRunner.ScenarioResult worst = null;
      double worstSum = Double.NEGATIVE_INFINITY;
      for (StudyRunner.ScenarioResult sr : result.scenarios()) {
        if (sr.scenario().kind() != StudyScenario.Kind.CRASH_BRIDGES) {
          continue;
        }
        double sum = 0;
        for (String id : debt) {
          sum += headline(sr.summary().metric(id + ".liquidated_usd"), MetricSpec.Headline.P95).value();
        }
        if (sum > worstSum) {
          worstSum = sum;
          worst = sr;
        }
      }
      if (worst != null) {
        b.finding(String.format(Locale.ROOT, "Among the crashes it is highest in %s: LaR95 %s.",
            worst.scenario().name(), byDesign(worst, debt, ".liquidated_usd", "USD")));
      }
      List<String> cascading = idsWithMetric(result, ".cascade_amplification");
      if (!cascading.isEmpty()) {
        b.finding(String.format(Locale.ROOT, "Forced sales fed back through the price-impact model deepen the drawdown by a factor of %s on %s (endogenous over exogenous, mean).",
            byDesign(primary, cascading, ".cascade_amplification", ""), scenario));
      }
    }
    List<String> forced = new ArrayList<>();
    double forcedMax = 0;
    long forcedPaths = 0;
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        if (m.name().endsWith(".forced_sales_usd")) {
          forced.add(d.id());
          for (StudyRunner.ScenarioResult sr : result.scenarios()) {
            Sample sample = sr.summary().metric(m.name());
            forcedPaths += sample.count();
            for (double v : sample.values()) {
              forcedMax = Math.max(forcedMax, v);
            }
          }
        }
      }
    }
    if (!forced.isEmpty()) {
      b.finding(forcedMax == 0
          ? String.format(Locale.ROOT, "No options design made a forced sale on any path of any scenario (%d designs, %,d design-paths): rolls are chosen, never forced.", forced.size(), forcedPaths)
          : String.format(Locale.ROOT, "An options design recorded a forced sale of up to %s USD: see the forced_sales_usd rows.", ReportWriter.num(forcedMax)));
    }
    Map<String, List<Claims.Claim>> byMechanism = new LinkedHashMap<>();
    for (Claims.Claim c : claims) {
      if (c.scenario().equals(scenario)) {
        byMechanism.computeIfAbsent(c.wrapper().substring(c.wrapper().lastIndexOf('.') + 1), k -> new ArrayList<>()).add(c);
      }
    }
    byMechanism.forEach((mechanism, list) -> {
      Claims.Claim lowTe = list.stream().min((x, y) -> Double.compare(x.trackingError().value(), y.trackingError().value())).orElseThrow();
      Claims.Claim highTe = list.stream().max((x, y) -> Double.compare(x.trackingError().value(), y.trackingError().value())).orElseThrow();
      List<Claims.Claim> costed = list.stream().filter(c -> c.rollCost() != null).toList();
      String cost = costed.isEmpty() ? "" : String.format(Locale.ROOT, "; roll cost from %s (%s) to %s (%s)",
          figure(costed.stream().min((x, y) -> Double.compare(x.rollCost().value(), y.rollCost().value())).orElseThrow().rollCost(), "%/yr"),
          costed.stream().min((x, y) -> Double.compare(x.rollCost().value(), y.rollCost().value())).orElseThrow().wrapper(),
          figure(costed.stream().max((x, y) -> Double.compare(x.rollCost().value(), y.rollCost().value())).orElseThrow().rollCost(), "%/yr"),
          costed.stream().max((x, y) -> Double.compare(x.rollCost().value(), y.rollCost().value())).orElseThrow().wrapper());
      b.finding(String.format(Locale.ROOT, "Rolling by %s on %s: tracking error from %s (%s) to %s (%s)%s.", mechanism, scenario,
          figure(lowTe.trackingError(), "%/yr"), lowTe.wrapper(), figure(highTe.trackingError(), "%/yr"), highTe.wrapper(), cost));
    });
    if (claims.isEmpty()) {
      b.finding("No wrapper design reports a tracking error on a scenario of a year or more, so the post's claims are not assessed.");
    } else {
      for (String sc : claims.stream().map(Claims.Claim::scenario).distinct().toList()) {
        List<Claims.Claim> on = claims.stream().filter(c -> c.scenario().equals(sc)).toList();
        b.finding(String.format(Locale.ROOT,
            "The post's claims on %s, over %d wrappers: drift within 1-4%%/yr for %d (%d below 1%%/yr, %d above 4%%/yr, %d inconclusive); roll cost under 2%%/yr for %d (%d over, %d inconclusive). The claims table has each verdict with its interval.",
            sc, on.size(), count(on, c -> c.driftVerdict().startsWith("yes")), count(on, c -> c.driftVerdict().startsWith("no (below")),
            count(on, c -> c.driftVerdict().startsWith("no (above")), count(on, c -> c.driftVerdict().startsWith("inconclusive")),
            count(on, c -> c.rollCostVerdict().startsWith("yes")), count(on, c -> c.rollCostVerdict().startsWith("no")),
            count(on, c -> c.rollCostVerdict().startsWith("inconclusive"))));
      }
    }
  }

  private static long count(List<Claims.Claim> claims, java.util.function.Predicate<Claims.Claim> p) {
    return claims.stream().filter(p).count();
  }

  /** The ids of the designs that report {@code id + suffix}, in catalogue order. */
  private static List<String> idsWithMetric(StudyRunner.StudyResult result, String suffix) {
    List<String> ids = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      if (d.metrics().stream().anyMatch(m -> m.name().equals(d.id() + suffix))) {
        ids.add(d.id());
      }
    }
    return ids;
  }

  /** {@code aave 1.9e7 USD (95% CI …), maker …}: each design's headline figure of {@code id + suffix}. */
  private static String byDesign(StudyRunner.ScenarioResult sr, List<String> ids, String suffix, String unit) {
    List<String> parts = new ArrayList<>();
    for (String id : ids) {
      Sample sample = sr.summary().metrics().get(id + suffix);
      if (sample == null) {
        continue;
      }
      MetricSpec.Headline h = suffix.endsWith("_usd") ? MetricSpec.Headline.P95 : MetricSpec.Headline.MEAN;
      parts.add(id + " " + figure(headline(sample, h), unit));
    }
    return String.join(", ", parts);
  }

  /** {@code 1.234 USD (95% CI 1.1 to 1.3, n=1000)}. */
  static String figure(Estimate e, String unit) {
    String value = ReportWriter.num(e.value()) + (unit.isEmpty() ? "" : " " + unit);
    if (Double.isFinite(e.low()) && Double.isFinite(e.high())) {
      return value + " (95% CI " + ReportWriter.num(e.low()) + " to " + ReportWriter.num(e.high()) + ", n=" + e.n() + ")";
    }
    return value + " (no interval, n=" + e.n() + ")";
  }

  private static Table assumptionsTable(StudyConfig config) {
    List<List<Object>> rows = new ArrayList<>();
    for (Assumptions.Row a : Assumptions.table(config.assumptions())) {
      rows.add(List.of(a.area(), a.name(), a.overridden() ? a.value() + " (overridden; default " + a.defaultValue() + ")" : a.value(),
          a.defaultValue(), a.overridden() ? "yes" : "", a.unit(), a.range(), a.source()));
    }
    boolean any = rows.stream().anyMatch(r -> "yes".equals(r.get(4)));
    return new Table("assumptions", "The stated assumptions the designs ran on, with their sources"
        + (any ? " (overridden values are marked, beside their defaults)" : "") + "; each bound name can be set in a config's \"assumptions\"",
        List.of("area", "name", "value", "default", "overridden", "unit", "range", "source"), rows);
  }

  private static Table claimsTable(List<Claims.Claim> claims) {
    List<List<Object>> rows = new ArrayList<>();
    for (Claims.Claim c : claims) {
      rows.add(List.of(c.wrapper(), c.scenario(), c.trackingError(), c.driftVerdict(),
          c.rollCost() == null ? (Object) "n/a" : c.rollCost(), c.rollCostVerdict()));
    }
    return new Table("claims", "The post's claims: drift within 1-4%/yr (tracking error) and roll cost under 2%/yr, per wrapper (mean over paths)",
        List.of("wrapper", "scenario", "tracking_error_pct_per_year", "within_1_to_4", "roll_cost_pct_per_year", "under_2"), rows);
  }

  private static Table headlineTable(StudyRunner.StudyResult result) {
    List<String> columns = new ArrayList<>(List.of("metric", "unit", "statistic"));
    result.scenarios().forEach(s -> columns.add(s.scenario().name()));
    List<List<Object>> rows = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        List<Object> row = new ArrayList<>(List.of(m.name(), m.unit(), statistic(m.headline())));
        for (StudyRunner.ScenarioResult sr : result.scenarios()) {
          row.add(headline(sr.summary().metric(m.name()), m.headline()));
        }
        rows.add(row);
      }
    }
    return new Table("headline-by-scenario", "Headline figures, every scenario", columns, rows);
  }

  private static Table scenariosTable(StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      StudyScenario s = sr.scenario();
      rows.add(List.of(s.name(), s.kind().name().toLowerCase(Locale.ROOT), sr.summary().paths(), Long.toString(s.seed()),
          s.gaps().size(), s.description()));
    }
    for (StudyScenario s : result.withoutPaths()) {
      rows.add(List.of(s.name(), s.kind().name().toLowerCase(Locale.ROOT), 0, Long.toString(s.seed()), 0, s.description()));
    }
    return new Table("scenarios", "Scenarios", List.of("scenario", "kind", "paths", "seed", "gaps", "description"), rows);
  }

  private static Table designsTable(StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        rows.add(List.of(d.id(), m.name(), m.unit(), statistic(m.headline()), m.description()));
      }
    }
    return new Table("designs", "Designs and their metrics", List.of("design", "metric", "unit", "headline", "description"), rows);
  }

  private static Table scenarioTable(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr) {
    RunSummary run = sr.summary();
    List<List<Object>> rows = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        Sample s = run.metric(m.name());
        rows.add(List.of(m.name(), m.unit(), statistic(m.headline()), headline(s, m.headline()), s.mean(),
            s.quantile(0.05), s.quantile(0.5), s.quantile(0.95), s.moments().min(), s.moments().max()));
      }
    }
    return new Table("scenario-" + id(sr.scenario().name()), sr.scenario().name() + ": " + sr.scenario().description(),
        List.of("metric", "unit", "statistic", "headline", "mean", "p05", "p50", "p95", "min", "max"), rows);
  }

  /** One row per crash window found in the history: the fall, and every design's metrics on it. */
  private static Table windowsTable(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr) {
    List<String> columns = new ArrayList<>(List.of("window", "start", "end", "open", "low", "drawdown_pct"));
    List<double[]> values = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        columns.add(m.name());
        values.add(sr.summary().metric(m.name()).values());
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    List<CrashWindows.Window> windows = sr.scenario().windows();
    for (int i = 0; i < windows.size(); i++) {
      CrashWindows.Window w = windows.get(i);
      List<Object> row = new ArrayList<>(List.of(w.name(), w.start().toString(), w.end().toString(), w.open(), w.low(), 100 * w.drawdown()));
      for (double[] v : values) {
        row.add(v[i]);
      }
      rows.add(row);
    }
    return new Table("history-crash-windows", "Crash windows found in the history (" + CrashWindows.rule(CrashWindows.DEFAULT_DRAWDOWN,
        CrashWindows.DEFAULT_WITHIN) + "), every metric on each", columns, rows);
  }

  private static Table gapsTable(StudyRunner.ScenarioResult sr) {
    List<List<Object>> rows = new ArrayList<>();
    for (Gap g : sr.scenario().gaps()) {
      rows.add(List.of(g.lastBefore().toString(), g.firstAfter().toString(), g.missingBars(), g.line()));
    }
    return new Table("gaps-" + id(sr.scenario().name()), sr.scenario().name() + ": gaps in the data (replayed as jumps, never filled)",
        List.of("last_bar_before", "first_bar_after", "missing_bars", "line"), rows);
  }

  private static void charts(Report.Builder b, StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr) {
    if (sr.charted().isEmpty()) {
      return;
    }
    String name = sr.scenario().name();
    List<Series> prices = new ArrayList<>();
    for (StudyRunner.ChartedPath cp : sr.charted()) {
      PricePath p = cp.prices();
      double[] x = new double[p.size()];
      double t0 = p.time(0).toEpochMilli();
      for (int t = 0; t < x.length; t++) {
        x[t] = (p.time(t).toEpochMilli() - t0) / DAY_MS;
      }
      prices.add(thin("path " + cp.path() + " (exogenous)", x, p.prices()));
    }
    // Families: the first word of a design's id (aave, maker, wrapper, ...); one chart each, first charted path.
    Map<String, List<Series>> families = new LinkedHashMap<>();
    StudyRunner.ChartedPath first = sr.charted().get(0);
    for (int d = 0; d < result.designs().size(); d++) {
      String design = result.designs().get(d).id();
      String family = design.split("\\.", 2)[0];
      for (Map.Entry<String, RecordingTrace.Points> e : first.traces().get(d).series().entrySet()) {
        double[] x = e.getValue().x();
        for (int i = 0; i < x.length; i++) {
          x[i] *= 365;
        }
        Series s = thin(design + ": " + e.getKey(), x, e.getValue().y());
        if (e.getKey().contains("price")) {
          prices.add(s);
        } else {
          families.computeIfAbsent(family, k -> new ArrayList<>()).add(s);
        }
      }
    }
    b.chart(new Chart("price-" + id(name), name + ": price paths (exogenous; endogenous where a design traces its own)", "days", "ETH/USD", prices));
    families.forEach((family, series) -> b.chart(new Chart("trace-" + id(name) + "-" + id(family),
        name + ": " + family + " designs on path " + first.path(), "days", "value", series)));
  }

  private static void distributions(Report.Builder b, StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary) {
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        if (m.headline() == MetricSpec.Headline.SHARE) {
          continue;
        }
        Sample s = primary.summary().metric(m.name());
        b.chart(new Chart("dist-" + id(m.name()), m.name() + " on " + primary.scenario().name() + ": distribution over "
            + s.count() + " paths", m.unit(), "paths", List.of(histogram(m.name(), s))));
      }
    }
  }

  /** Counts in {@link #HISTOGRAM_BINS} equal bins between the least and greatest value, at the bins' centres. */
  static Series histogram(String name, Sample s) {
    double min = s.moments().min();
    double max = s.moments().max();
    if (!(max > min)) {
      return new Series(name, new double[] {min}, new double[] {s.count()});
    }
    double width = (max - min) / HISTOGRAM_BINS;
    double[] x = new double[HISTOGRAM_BINS];
    double[] y = new double[HISTOGRAM_BINS];
    for (int i = 0; i < HISTOGRAM_BINS; i++) {
      x[i] = min + (i + 0.5) * width;
    }
    for (double v : s.values()) {
      int bin = Math.min(HISTOGRAM_BINS - 1, (int) ((v - min) / width));
      y[bin]++;
    }
    return new Series(name, x, y);
  }

  /** Every k-th point and the last, so no series has more than {@link #MAX_POINTS}. */
  static Series thin(String name, double[] x, double[] y) {
    int n = x.length;
    int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    if (stride == 1) {
      return new Series(name, x, y);
    }
    int m = (n - 1) / stride + 1 + ((n - 1) % stride == 0 ? 0 : 1);
    double[] tx = new double[m];
    double[] ty = new double[m];
    int k = 0;
    for (int i = 0; i < n; i += stride) {
      tx[k] = x[i];
      ty[k++] = y[i];
    }
    if (k < m) {
      tx[k] = x[n - 1];
      ty[k] = y[n - 1];
    }
    return new Series(name, tx, ty);
  }

  /** A file-name-safe id: lower case, anything but letters, digits, '-' and '_' becomes '-'. */
  static String id(String s) {
    String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    return out.isEmpty() || !Character.isLetterOrDigit(out.charAt(0)) ? "x" + out : out;
  }
}
