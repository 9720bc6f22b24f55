package noliq.lab.sweep;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import noliq.lab.metrics.Estimate;
import noliq.lab.scenarios.Scenarios;
import noliq.lab.study.Assumptions;
import noliq.lab.report.ReportWriter;
import noliq.lab.study.Claims;
import noliq.lab.study.StudyScenario;
import noliq.math.RuleViolation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The files a finished sweep leaves, from its point files alone (so every engine ends with the same
 * bytes): {@code sweep.csv} (every point's rows, in point order, streamed, never all in memory);
 * for each headline quantity and design on the primary scenario a tornado chart, and a heat map
 * when the sweep is a grid over two assumptions; and {@code regions.txt}, the post's claims as
 * regions of the swept assumptions in plain sentences generated from the numbers.
 */
public final class SweepOutput {
  private SweepOutput() {}

  /**
   * A headline quantity: rows whose metric ends with {@code suffix} and whose statistic is {@code statistic}.
   *
   * @param id used in file names
   * @param label for people
   * @param suffix the metric's name ends with it
   * @param statistic mean or share
   * @param unit of the figure
   */
  public record Quantity(String id, String label, String suffix, String statistic, String unit) {}

  /** The headline quantities: the P holder's deviation (mean) and tracking error (spread), roll cost a year, the stablecoin holder's loss, borrower and N-holder ruin. */
  public static final List<Quantity> QUANTITIES = List.of(
      new Quantity("p-deviation", "P holder's annual deviation from target (mean, the steady loss)", SweepEngine.ANNUAL_DEVIATION, "mean", "%/yr"),
      new Quantity("p-drift", "P holder's annual deviation (standard deviation, the post's drift)", SweepEngine.ANNUAL_DEVIATION, "sd", "%/yr"),
      new Quantity("roll-cost", "roll cost a year", Claims.ROLL_COST, "mean", "%/yr"),
      new Quantity("stable-loss", "stablecoin holder's loss", ".stable_loss_pct", "mean", "%"),
      new Quantity("borrower-ruin", "borrower ruin", ".borrower_ruin", "share", "share of paths"),
      new Quantity("n-holder-ruin", "N-holder ruin", "n-holder.ruin", "share", "share of paths"));

  /** What a finished sweep left. */
  public record Summary(int points, long rows, String primaryScenario, List<String> files, List<String> regions) {}

  /** One headline figure at every point: (quantity, design) -> figure by point. */
  private record Series(Quantity quantity, String design, Estimate[] byPoint) {}

  /** Assembles {@code sweep.csv} and the analysis in {@code out}; every point file must be there. */
  public static Summary finish(SweepSpec spec, Path out) {
    System.setProperty("java.awt.headless", "true");
    List<String> names = spec.names();
    int n = spec.points().size();
    String primary = primaryScenario(spec);
    Map<String, Series> series = new LinkedHashMap<>();
    long rows = 0;
    int columns = 1 + names.size();
    Path csv = out.resolve("sweep.csv");
    try {
      Path tmp = Files.createTempFile(out, ".sweep.csv", ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(SweepRow.header(names));
        w.write('\n');
        for (SweepSpec.Point p : spec.points()) {
          Path file = SweepRunner.pointFile(out, p.index());
          if (!Files.exists(file)) {
            throw new RuleViolation("out", "point " + p.index() + " is missing from " + out.resolve(SweepRunner.POINTS));
          }
          try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
              w.write(line);
              w.write('\n');
              rows++;
              collect(line, columns, primary, p.index(), n, series);
            }
          }
        }
      }
      AtomicFiles.move(tmp, csv);
      Files.deleteIfExists(tmp);
      List<String> files = new ArrayList<>(List.of("sweep.csv"));
      for (Series s : series.values()) {
        String base = s.quantity().id() + "-" + fileId(s.design());
        AtomicFiles.write(out.resolve("tornado-" + base + ".png"), png(tornado(spec, s, primary)));
        files.add("tornado-" + base + ".png");
        if (spec.isGrid() && names.size() == 2) {
          AtomicFiles.write(out.resolve("heatmap-" + base + ".png"), heatPng(heatMap(spec, s, primary)));
          files.add("heatmap-" + base + ".png");
        }
      }
      List<String> regions = regions(spec, series, primary);
      StringBuilder text = new StringBuilder();
      regions.forEach(r -> text.append(r).append('\n'));
      AtomicFiles.write(out.resolve("regions.txt"), text.toString());
      files.add("regions.txt");
      return new Summary(n, rows, primary, files, regions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep's results to " + out + ": " + e.getMessage(), e);
    }
  }

  /** The scenario the analysis reads: the first stochastic model of the config, else its first scenario. */
  static String primaryScenario(SweepSpec spec) {
    List<String> keys = spec.study().scenarioKeys();
    return keys.stream().filter(k -> Scenarios.NAMES.contains(k) || k.equals("bootstrap")).findFirst()
        .orElseGet(() -> StudyScenario.plan(spec.configOf(spec.points().get(0))).get(0).name());
  }

  private static void collect(String line, int columns, String primary, int point, int n, Map<String, Series> series) {
    List<String> f = parse(line);
    String scenario = f.get(columns);
    if (!scenario.equals(primary)) {
      return;
    }
    String design = f.get(columns + 1);
    String metric = f.get(columns + 3);
    String statistic = f.get(columns + 4);
    for (Quantity q : QUANTITIES) {
      if (metric.endsWith(q.suffix()) && statistic.equals(q.statistic())) {
        Series s = series.computeIfAbsent(q.id() + "\u0000" + design + "\u0000" + scenario, k -> new Series(q, design, new Estimate[n]));
        s.byPoint()[point - 1] = new Estimate(parseNumber(f.get(columns + 5)), Long.parseLong(f.get(columns + 8)),
            parseNumber(f.get(columns + 6)), parseNumber(f.get(columns + 7)));
      }
    }
  }

  private static double parseNumber(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** Splits a CSV line of ours (fields quoted only when they hold a comma or a quote). */
  static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /**
   * One bar per swept assumption: the figure at the assumption's lowest and highest value. On a
   * grid the others are held at their middle value (one at a time, exactly); on a Latin hypercube
   * it is the mean over the samples in the lowest and the highest third of its range (an estimate).
   */
  record Bar(String name, double atLow, double atHigh) {
    double swing() {
      return Math.abs(atHigh - atLow);
    }
  }

  static List<Bar> bars(SweepSpec spec, Series s) {
    List<Bar> bars = new ArrayList<>();
    List<String> names = spec.names();
    List<SweepSpec.Point> points = spec.points();
    for (String name : names) {
      double lo = points.stream().mapToDouble(p -> p.values().get(name)).min().orElseThrow();
      double hi = points.stream().mapToDouble(p -> p.values().get(name)).max().orElseThrow();
      if (spec.isGrid()) {
        Map<String, Double> middle = new LinkedHashMap<>();
        for (String other : names) {
          TreeSet<Double> vs = new TreeSet<>();
          points.forEach(p -> vs.add(p.values().get(other)));
          middle.put(other, new ArrayList<>(vs).get((vs.size() - 1) / 2));
        }
        bars.add(new Bar(name, at(s, points, name, lo, middle), at(s, points, name, hi, middle)));
      } else {
        double third = (hi - lo) / 3;
        bars.add(new Bar(name, meanWhere(s, points, p -> p.values().get(name) <= lo + third),
            meanWhere(s, points, p -> p.values().get(name) >= hi - third)));
      }
    }
    bars.sort((a, b) -> Double.compare(b.swing(), a.swing()));
    return bars;
  }

  private static double at(Series s, List<SweepSpec.Point> points, String name, double value, Map<String, Double> middle) {
    for (SweepSpec.Point p : points) {
      boolean match = p.values().get(name) == value;
      for (Map.Entry<String, Double> e : middle.entrySet()) {
        match &= e.getKey().equals(name) || p.values().get(e.getKey()).equals(e.getValue());
      }
      if (match && s.byPoint()[p.index() - 1] != null) {
        return s.byPoint()[p.index() - 1].value();
      }
    }
    return Double.NaN;
  }

  private static double meanWhere(Series s, List<SweepSpec.Point> points, java.util.function.Predicate<SweepSpec.Point> in) {
    double sum = 0;
    int k = 0;
    for (SweepSpec.Point p : points) {
      Estimate e = s.byPoint()[p.index() - 1];
      if (in.test(p) && e != null && Double.isFinite(e.value())) {
        sum += e.value();
        k++;
      }
    }
    return k == 0 ? Double.NaN : sum / k;
  }

  private static XYChart tornado(SweepSpec spec, Series s, String scenario) {
    List<Bar> bars = bars(spec, s);
    XYChart chart = new XYChartBuilder().width(900).height(Math.max(260, 120 + 60 * bars.size()))
        .title(s.quantity().label() + ": " + s.design() + " on " + scenario)
        .xAxisTitle(s.quantity().unit() + (spec.isGrid() ? " (others at their middle value)" : " (mean over the lowest and highest third)"))
        .yAxisTitle("").build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisTicksVisible(false);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = bars.size() - i;
      double[] x = {finiteOr(b.atLow()), finiteOr(b.atHigh())};
      XYSeries line = chart.addSeries(String.format(Locale.ROOT, "%s: %s at lowest, %s at highest", b.name(),
          ReportWriter.num(b.atLow()), ReportWriter.num(b.atHigh())), x, new double[] {y, y});
      line.setLineWidth(14f);
      line.setMarker(SeriesMarkers.CIRCLE);
    }
    return chart;
  }

  private static double finiteOr(double d) {
    return Double.isFinite(d) ? d : 0;
  }

  private static HeatMapChart heatMap(SweepSpec spec, Series s, String scenario) {
    String xName = spec.names().get(0);
    String yName = spec.names().get(1);
    List<Double> xs = new ArrayList<>(new TreeSet<>(spec.points().stream().map(p -> p.values().get(xName)).toList()));
    List<Double> ys = new ArrayList<>(new TreeSet<>(spec.points().stream().map(p -> p.values().get(yName)).toList()));
    List<Number[]> heat = new ArrayList<>(); // shown to 4 significant figures; sweep.csv has them in full
    for (SweepSpec.Point p : spec.points()) {
      Estimate e = s.byPoint()[p.index() - 1];
      heat.add(new Number[] {xs.indexOf(p.values().get(xName)), ys.indexOf(p.values().get(yName)),
          e == null || !Double.isFinite(e.value()) ? 0 : new java.math.BigDecimal(e.value()).round(new java.math.MathContext(4)).doubleValue()});
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(900).height(560)
        .title(s.quantity().label() + " (" + s.quantity().unit() + "): " + s.design() + " on " + scenario)
        .xAxisTitle(xName).yAxisTitle(yName).build();
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setShowValue(true);
    chart.addSeries(s.quantity().id(), xs.stream().map(Assumptions::format).toList(), ys.stream().map(Assumptions::format).toList(), heat);
    return chart;
  }

  private static byte[] png(XYChart chart) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static byte[] heatPng(HeatMapChart chart) throws IOException {
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * The post's claims (drift within 1-4%/yr, roll cost under 2%/yr, with {@link Claims}' verdicts
   * on the 95% interval) as regions of the swept assumptions: for each wrapper, the points where
   * the claim holds, and, when they are exactly the points inside a box of the swept values, that
   * box in words ("holds when ammPoolDepthUsd >= 20000000 USD and makerMinEdgeBps <= 10 bps").
   */
  static List<String> regions(SweepSpec spec, Map<String, Series> series, String scenario) {
    List<String> out = new ArrayList<>();
    for (Series s : series.values()) {
      Function<Estimate, String> verdict;
      String claim;
      if (s.quantity().suffix().equals(Claims.ROLL_COST)) {
        verdict = e -> yesNo(Claims.rollCostVerdict(e));
        claim = "roll cost under " + ReportWriter.num(Claims.ROLL_COST_LIMIT) + "%/yr";
      } else if (s.quantity().id().equals("p-drift")) {
        verdict = e -> yesNo(Claims.driftVerdict(e));
        claim = "the post's drift (standard deviation of the annual deviation) within " + ReportWriter.num(Claims.DRIFT_LOW)
            + "-" + ReportWriter.num(Claims.DRIFT_HIGH) + "%/yr";
      } else {
        continue;
      }
      out.add(region(spec, s, scenario, claim, verdict));
    }
    return out;
  }

  /** A verdict as this table reads it: a pass is "yes" (below 1%/yr drift included), a failure "no". */
  private static String yesNo(Claims.Verdict v) {
    return switch (v.outcome()) {
      case PASS -> "yes";
      case FAIL -> "no";
      case INCONCLUSIVE -> "inconclusive";
    };
  }

  private static String region(SweepSpec spec, Series s, String scenario, String claim, Function<Estimate, String> verdict) {
    List<SweepSpec.Point> points = spec.points();
    List<SweepSpec.Point> holds = new ArrayList<>();
    int fails = 0;
    int open = 0;
    for (SweepSpec.Point p : points) {
      Estimate e = s.byPoint()[p.index() - 1];
      String v = e == null ? "inconclusive" : verdict.apply(e);
      if (v.startsWith("yes")) {
        holds.add(p);
      } else if (v.startsWith("no")) {
        fails++;
      } else {
        open++;
      }
    }
    String who = claim + " for " + s.design() + " on " + scenario;
    String tally = String.format(Locale.ROOT, "%d of %d points hold, %d fail, %d inconclusive", holds.size(), points.size(), fails, open);
    if (holds.isEmpty()) {
      return who + " holds nowhere in the sweep (" + tally + ").";
    }
    if (holds.size() == points.size()) {
      return who + " holds everywhere in the sweep (" + tally + ").";
    }
    List<String> conditions = new ArrayList<>();
    Map<String, double[]> box = new LinkedHashMap<>();
    for (String name : spec.names()) {
      double lo = holds.stream().mapToDouble(p -> p.values().get(name)).min().orElseThrow();
      double hi = holds.stream().mapToDouble(p -> p.values().get(name)).max().orElseThrow();
      double min = points.stream().mapToDouble(p -> p.values().get(name)).min().orElseThrow();
      double max = points.stream().mapToDouble(p -> p.values().get(name)).max().orElseThrow();
      box.put(name, new double[] {lo, hi});
      String unit = " " + Assumptions.binding("sweep", name).unit();
      if (lo > min && hi < max) {
        conditions.add(Assumptions.format(lo) + " <= " + name + " <= " + Assumptions.format(hi) + unit);
      } else if (lo > min) {
        conditions.add(name + " >= " + Assumptions.format(lo) + unit);
      } else if (hi < max) {
        conditions.add(name + " <= " + Assumptions.format(hi) + unit);
      }
    }
    long inBox = points.stream().filter(p -> box.entrySet().stream()
        .allMatch(e -> p.values().get(e.getKey()) >= e.getValue()[0] && p.values().get(e.getKey()) <= e.getValue()[1])).count();
    String where = conditions.isEmpty() ? "across the whole swept range" : "when " + String.join(" and ", conditions);
    if (inBox == holds.size()) {
      return who + " holds " + where + " (" + tally + "; exactly the points of that region hold).";
    }
    return who + " holds at " + holds.size() + " scattered points: the smallest region around them (" + where.replaceFirst("^when ", "")
        + ") also holds " + (inBox - holds.size()) + " points where it does not (" + tally + "); see sweep.csv.";
  }

  private static String fileId(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
  }
}
