package noliq.lab.study;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.GZIPOutputStream;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Figures;
import noliq.lab.metrics.Quantiles;
import noliq.lab.metrics.Sample;
import noliq.lab.metrics.WindowDrift;
import noliq.lab.report.Digits;
import noliq.lab.report.Human;
import noliq.lab.report.MetricRow;
import noliq.lab.report.Report;
import noliq.lab.report.Report.Chart;
import noliq.lab.report.Report.ChartKind;
import noliq.lab.report.Report.Figure;
import noliq.lab.report.Report.Marker;
import noliq.lab.report.Report.Section;
import noliq.lab.report.Report.Series;
import noliq.lab.report.Report.Table;
import noliq.lab.scenarios.FittedModels;
import noliq.lab.scenarios.Gap;
import noliq.lab.study.MetricSpec.Role;

/**
 * Turns a study's results into a {@link Report} that answers "options or debt: which trade-off,
 * and for whom". It opens with the answer: a "who bears what" table (rows are roles, columns design
 * families, cells the mean and 95th-percentile loss in % of the position's starting USD value, with
 * intervals) and sentences generated from those numbers. Then sections by question: the stable side,
 * the leveraged side, the system, the oracle, the liquidity side, each scenario, the assumptions and
 * how to reproduce. Every figure carries its statistic and unit; constants are listed once, without
 * an interval or a chart. Beside the page: the long-form {@code metrics.csv}, every per-path value in
 * {@code paths.csv.gz}, {@code summary.json} (with {@link #SCHEMA_VERSION} and the answer table) and
 * a {@code README.md}. Nothing depends on the clock or the thread count.
 */
public final class StudyReport {
  /** Version of the layout of summary.json, metrics.csv and paths.csv.gz. */
  public static final int SCHEMA_VERSION = 3;
  /**
   * Points kept per charted series (every k-th point and the last): a 900-pixel-wide chart draws no more, and it
   * bounds a chart's data whatever the horizon (a year of hourly steps is 8,760 points a series).
   */
  public static final int MAX_POINTS = 1000;
  static final int HISTOGRAM_BINS = 40;
  private static final double DAY_MS = 86_400_000.0;
  private static final List<Role> HOLDER_ROLES = List.of(Role.STABLE_HOLDER, Role.LEVERAGED_HOLDER);
  /** The rows of the answer, in order; a role without any loss metric (not measured yet) has none. */
  private static final List<Role> ANSWER_ROLES = List.of(Role.STABLE_HOLDER, Role.LEVERAGED_HOLDER, Role.LIQUIDITY_PROVIDER);

  private StudyReport() {}

  /** Figures computed once per build (a bootstrap costs milliseconds, and the page shows some figures in several places). */
  private static final ThreadLocal<Map<String, Object>> MEMO = new ThreadLocal<>();

  @SuppressWarnings("unchecked")
  private static <T> T memo(String key, java.util.function.Supplier<T> compute) {
    Map<String, Object> m = MEMO.get();
    if (m == null) {
      return compute.get();
    }
    Object v = m.get(key);
    if (v == null) {
      v = compute.get();
      m.put(key, v);
    }
    return (T) v;
  }

  private static List<Roles.RoleLoss> losses(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr, Role role) {
    return memo(sr.scenario().name() + "|losses|" + role, () -> Roles.losses(result, sr, role));
  }

  private static Roles.Summary summary(StudyRunner.ScenarioResult sr, Roles.RoleLoss l) {
    return memo(sr.scenario().name() + "|summary|" + l.role() + "|" + l.design(), () -> Roles.summarise(l.perPath()));
  }

  private static Estimate meanOf(StudyRunner.ScenarioResult sr, MetricSpec m) {
    return memo(sr.scenario().name() + "|mean|" + m.name(), () -> Figures.mean(sr.summary().metric(m.name()).values(), m.support() != MetricSpec.Support.SIGNED));
  }

  private static Estimate quantileOf(StudyRunner.ScenarioResult sr, MetricSpec m, double p) {
    return memo(sr.scenario().name() + "|q" + p + "|" + m.name(), () -> Figures.quantile(sr.summary().metric(m.name()).values(), p));
  }

  /** The primary scenario: the first stochastic model, else the first scenario. */
  public static StudyRunner.ScenarioResult primary(StudyRunner.StudyResult result) {
    return result.scenarios().stream().filter(s -> s.scenario().kind() == StudyScenario.Kind.MODEL).findFirst()
        .orElse(result.scenarios().get(0));
  }

  /** The headline figure of a metric's sample, by its {@link MetricSpec.Headline}, with the interval its support calls for. */
  public static Estimate headline(Sample s, MetricSpec spec) {
    double[] v = s.values();
    return switch (spec.headline()) {
      case MEAN -> Figures.mean(v, spec.support() != MetricSpec.Support.SIGNED);
      case P95 -> Figures.quantile(v, 0.95);
      case SHARE -> Figures.shareAtLeast(v, 1);
    };
  }

  /** The headline figure by headline kind alone (a signed metric). */
  public static Estimate headline(Sample s, MetricSpec.Headline h) {
    return headline(s, new MetricSpec("x", "", "", h));
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
    MEMO.set(new java.util.HashMap<>());
    try {
      return buildOnce(result);
    } finally {
      MEMO.remove();
    }
  }

  private static Report buildOnce(StudyRunner.StudyResult result) {
    // The per-path dump deflates at the best level on one core (a third of the default report's time): it is written
    // beside the rest, which reads the same results and writes nothing it reads.
    FutureTask<byte[]> paths = new FutureTask<>(() -> pathsCsvGz(result));
    Thread.ofPlatform().name("noliq-paths-csv").daemon().start(paths);
    StudyConfig config = result.config();
    Report.Builder b = Report.builder(config.title());
    inputs(b, result);
    StudyRunner.ScenarioResult primary = primary(result);
    List<Claims.Claim> claims = Claims.assess(result);
    List<Claims.WindowFigures> windows = Claims.perWindow(result);
    Answer answer = answer(result, primary);
    b.table(answer.table());
    b.answer(answer.table().id());
    sentences(result, primary, answer, claims, windows).forEach(b::finding);
    for (StudyScenario none : result.withoutPaths()) {
      b.finding(none.name() + ": " + none.description() + "; the rest of the study ran.");
    }
    // summary.json keeps every metric's headline figure on the primary scenario, by its own statistic
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        b.headline(m.name(), switch (m.headline()) {
          case MEAN -> meanOf(primary, m);
          case P95 -> quantileOf(primary, m, 0.95);
          case SHARE -> Figures.shareAtLeast(primary.summary().metric(m.name()).values(), 1);
        });
      }
    }
    List<MetricRow> rows = new ArrayList<>();
    for (Role role : HOLDER_ROLES) {
      holderSection(b, result, primary, role, claims, windows, rows);
    }
    systemSection(b, result);
    boolean liquidityMeasured = result.scenarios().stream().anyMatch(sr -> !losses(result, sr, Role.LIQUIDITY_PROVIDER).isEmpty());
    roleSection(b, result, Role.ORACLE, "oracle", "The oracle: a fast feed to push against one slow settlement to corrupt",
        List.of("The debt books read a push feed every block: the attack row pushes it for a while and liquidates what it makes liquidatable. "
            + "The options side reads one slow, disputable value per series at maturity: the row gives the stake a vote capture needs against what a wrong settlement would move."));
    if (liquidityMeasured) {
      holderSection(b, result, primary, Role.LIQUIDITY_PROVIDER, claims, windows, rows);
    } else {
      liquiditySection(b, result);
    }
    scenarioSections(b, result);
    assumptionsSection(b, result);
    reproduceSection(b, result);

    metricRows(result, claims, windows, rows);
    b.file("metrics.csv", MetricRow.csv(rows).getBytes(StandardCharsets.UTF_8));
    b.file("paths.csv.gz", joined(paths));
    b.file("README.md", readme(result).getBytes(StandardCharsets.UTF_8));
    b.summary("schemaVersion", SCHEMA_VERSION);
    b.summary("answer", answer.json());
    b.summary("claims", claimsJson(claims, windows));
    return b.build();
  }

  // ------------------------------------------------------------------ the answer

  /** The answer table, its machine-readable form and the headline figures it shows. */
  record Answer(Table table, Map<String, Object> json, Map<String, Estimate> headline,
      Map<Role, Map<String, Roles.RoleLoss>> representatives, Map<Role, Map<String, Roles.Summary>> summaries) {}

  static Answer answer(StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary) {
    Map<Role, Map<String, Roles.RoleLoss>> reps = new LinkedHashMap<>();
    Map<Role, Map<String, Roles.Summary>> sums = new LinkedHashMap<>();
    List<Roles.Family> present = new ArrayList<>();
    for (Role role : ANSWER_ROLES) {
      Map<String, Roles.RoleLoss> byFamily = Roles.byFamily(losses(result, primary, role));
      if (byFamily.isEmpty() && role == Role.LIQUIDITY_PROVIDER) {
        continue;
      }
      reps.put(role, byFamily);
      Map<String, Roles.Summary> s = new LinkedHashMap<>();
      byFamily.forEach((f, l) -> s.put(f, summary(primary, l)));
      sums.put(role, s);
    }
    for (Roles.Family f : Roles.FAMILIES) {
      if (reps.values().stream().anyMatch(m -> m.containsKey(f.id())) || !designsOf(result, f.id()).isEmpty()) {
        present.add(f);
      }
    }
    // a family outside the known ones (a new design's) joins as soon as it reports a role's loss
    for (Map<String, Roles.RoleLoss> m : reps.values()) {
      for (String f : m.keySet()) {
        if (present.stream().noneMatch(x -> x.id().equals(f))) {
          present.add(new Roles.Family(f, f, Roles.side(f)));
        }
      }
    }
    List<String> columns = new ArrayList<>(List.of("role", "statistic"));
    for (Roles.Family f : present) {
      // name the design standing for the family when one design stands for it in every row
      java.util.Set<String> standing = new java.util.TreeSet<>();
      for (Map<String, Roles.RoleLoss> m : reps.values()) {
        if (m.containsKey(f.id())) {
          standing.add(m.get(f.id()).design());
        }
      }
      String rep = standing.size() == 1 ? standing.iterator().next() : null;
      String detail = rep == null || rep.equals(f.id()) ? "" : " (" + rep.substring(rep.indexOf('.') + 1).replace('.', ' ') + ")";
      columns.add(f.label() + detail);
    }
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Estimate> headline = new LinkedHashMap<>();
    List<Map<String, Object>> jsonRows = new ArrayList<>();
    for (Role role : reps.keySet()) {
      for (String stat : List.of("mean loss", "p95 loss", "ruin (loss ≥ 50%)")) {
        List<Object> row = new ArrayList<>(List.of(stat.startsWith("mean") ? role.label() : "", stat.startsWith("ruin") ? "ruin: share losing ≥ 50%"
            : stat.startsWith("mean") ? "mean loss % (−: gain)" : "p95 loss %"));
        Map<String, Object> cells = new LinkedHashMap<>();
        for (Roles.Family f : present) {
          Roles.Summary s = sums.get(role).get(f.id());
          if (s == null) {
            row.add("—");
            continue;
          }
          Estimate e = stat.startsWith("mean") ? s.mean() : stat.startsWith("p95") ? s.p95() : s.ruin();
          String unit = stat.startsWith("ruin") ? "share" : "%";
          row.add(new Figure(e, unit));
          headline.put(role.label() + ": " + f.id() + " " + stat, e);
          Map<String, Object> cell = estimateJson(e);
          cell.put("unit", unit);
          cell.put("design", reps.get(role).get(f.id()).design());
          cells.put(f.id(), cell);
        }
        rows.add(row);
        Map<String, Object> jsonRow = new java.util.LinkedHashMap<>(); // Map.of iterates in a per-JVM random order
        jsonRow.put("role", role.label());
        jsonRow.put("statistic", stat);
        jsonRow.put("cells", cells);
        jsonRows.add(jsonRow);
      }
    }
    // the system: forced sales, on the same columns
    List<Object> forced = new ArrayList<>(List.of(Role.SYSTEM.label(), "forced sales p95, USD"));
    List<Object> badDebt = new ArrayList<>(List.of("", "bad debt mean, USD"));
    for (Roles.Family f : present) {
      List<DesignModel> designs = designsOf(result, f.id());
      MetricSpec liquidated = findMetric(designs, ".liquidated_usd");
      MetricSpec forcedSpec = findMetric(designs, ".forced_sales_usd");
      MetricSpec bad = findMetric(designs, ".bad_debt_usd");
      if (liquidated != null) {
        forced.add(new Figure(Figures.quantile(primary.summary().metric(liquidated.name()).values(), 0.95), "USD"));
      } else if (forcedSpec != null) {
        forced.add("0 (audited)");
      } else {
        forced.add("—");
      }
      badDebt.add(bad != null ? new Figure(Figures.mean(primary.summary().metric(bad.name()).values(), true), "USD")
          : liquidated == null && forcedSpec != null ? "none (P+N = 1 ETH)" : "—");
    }
    // forced sales against the market: the worst day's sales as a share of that day's ETH volume; settlement disputes
    List<Object> forcedShare = new ArrayList<>(List.of("", "forced sales on the worst day, p95, % of that day's ETH volume"));
    List<Object> disputes = new ArrayList<>(List.of("", "settlement disputes: share of paths with any"));
    for (Roles.Family f : present) {
      List<DesignModel> designs = designsOf(result, f.id());
      MetricSpec share = findMetric(designs, ".forced_pct_day_volume_max");
      MetricSpec forcedSpec = findMetric(designs, ".forced_sales_usd");
      // the design the column stands for (named in its header) where one does, else the family's first
      String standsFor = reps.values().stream().filter(m -> m.containsKey(f.id())).map(m -> m.get(f.id()).design()).findFirst().orElse(null);
      MetricSpec disputed = standsFor == null ? null : findMetric(designs.stream().filter(d -> d.id().equals(standsFor)).toList(),
          ".settlement_disputed");
      if (disputed == null) {
        disputed = findMetric(designs, ".settlement_disputed");
      }
      Estimate shareP95 = share == null ? null : Figures.quantile(primary.summary().metric(share.name()).values(), 0.95);
      forcedShare.add(shareP95 != null && Double.isFinite(shareP95.value()) ? new Figure(shareP95, "%")
          : share == null && forcedSpec != null ? "0 (audited)" : "—");
      disputes.add(disputed != null ? new Figure(Figures.shareAtLeast(primary.summary().metric(disputed.name()).values(), 1), "share")
          : "—");
    }
    rows.add(forced);
    rows.add(forcedShare);
    rows.add(badDebt);
    rows.add(disputes);
    Table table = new Table("answer", "Who bears what on " + primary.scenario().name() + " (" + primary.summary().paths()
        + " paths, the same for every design): loss in % of the starting USD value [95% interval]", columns, rows);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", primary.scenario().name());
    json.put("paths", primary.summary().paths());
    json.put("unit", "% of the position's starting USD value");
    json.put("ruinLossPct", Roles.RUIN_LOSS_PCT);
    json.put("columns", present.stream().map(Roles.Family::id).toList());
    json.put("rows", jsonRows);
    return new Answer(table, json, headline, reps, sums);
  }

  /**
   * The post's claims for summary.json: per wrapper and scenario of a year or more, the standev of the annual
   * deviation, the steady loss and the roll cost with their verdicts; per scenario shorter than a year, the
   * window's figures (no verdict).
   */
  static Map<String, Object> claimsJson(List<Claims.Claim> claims, List<Claims.WindowFigures> windows) {
    List<Map<String, Object>> perYear = new ArrayList<>();
    for (Claims.Claim c : claims) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("wrapper", c.wrapper());
      m.put("scenario", c.scenario());
      m.put("yearWindows", c.windows());
      m.put("standevPctPerYear", estimateJson(c.standev()));
      m.put("drift", c.drift().outcome().label());
      m.put("steadyLossPctPerYear", estimateJson(c.steadyLoss()));
      m.put("rollCostPctPerYear", c.rollCost() == null ? null : estimateJson(c.rollCost()));
      m.put("rollCostVerdict", c.rollCostVerdict().outcome().label());
      m.put("trackingVolatilityPctPerYear", c.trackingVolatility() == null ? null : estimateJson(c.trackingVolatility()));
      perYear.add(m);
    }
    List<Map<String, Object>> perWindow = new ArrayList<>();
    for (Claims.WindowFigures w : windows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("wrapper", w.wrapper());
      m.put("scenario", w.scenario());
      m.put("meanDeviationPct", estimateJson(w.meanDeviation()));
      m.put("standardDeviationPct", estimateJson(w.spread()));
      m.put("rollCostPct", w.rollCost() == null ? null : estimateJson(w.rollCost()));
      perWindow.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("perYear", perYear);
    out.put("perWindow", perWindow);
    return out;
  }

  private static List<DesignModel> designsOf(StudyRunner.StudyResult result, String family) {
    return result.designs().stream().filter(d -> Roles.family(d.id()).equals(family)).toList();
  }

  private static MetricSpec findMetric(List<DesignModel> designs, String suffix) {
    for (DesignModel d : designs) {
      for (MetricSpec m : d.metrics()) {
        if (m.name().equals(d.id() + suffix)) {
          return m;
        }
      }
    }
    return null;
  }

  /** Three to six sentences, every number from the tables. */
  static List<String> sentences(StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary, Answer a,
      List<Claims.Claim> claims, List<Claims.WindowFigures> windows) {
    List<String> out = new ArrayList<>();
    String sc = primary.scenario().name();
    for (Role role : HOLDER_ROLES) {
      Map<String, Roles.Summary> s = a.summaries().get(role);
      Map<String, Roles.RoleLoss> reps = a.representatives().get(role);
      List<String> debt = new ArrayList<>();
      List<String> options = new ArrayList<>();
      s.forEach((f, sum) -> {
        if (Roles.side(f).equals("debt")) {
          debt.add(f);
        } else if (Roles.side(f).equals("options")) {
          options.add(f);
        }
      });
      if (debt.isEmpty() || options.isEmpty()) {
        continue;
      }
      StringBuilder t = new StringBuilder();
      t.append(capital(role.label())).append(" on ").append(sc).append(": ");
      List<String> parts = new ArrayList<>();
      for (String f : debt) {
        parts.add(label(f) + " mean " + Human.of(s.get(f).mean().value(), "%") + ", p95 " + Human.of(s.get(f).p95().value(), "%"));
      }
      t.append(String.join("; ", parts)).append(" against ");
      parts.clear();
      for (String f : options) {
        parts.add(label(f) + " mean " + Human.of(s.get(f).mean().value(), "%") + ", p95 " + Human.of(s.get(f).p95().value(), "%"));
      }
      t.append(String.join("; ", parts)).append(" (loss, % of start).");
      // paired: the first options family against each debt family
      String o = options.get(0);
      List<String> pairs = new ArrayList<>();
      for (String f : debt) {
        Roles.Paired p = Roles.pair(reps.get(o), reps.get(f));
        pairs.add(label(f) + " on " + Human.of(p.debtBetter().value(), "share") + " of paths and " + label(o) + " on "
            + Human.of(p.optionsBetter().value(), "share"));
      }
      t.append(" Path by path, the loss is smaller for ").append(String.join("; for ", pairs)).append(" (ties apart).");
      out.add(t.toString());
    }
    // the worst crash for each holder role's representatives
    List<StudyRunner.ScenarioResult> crashes = result.scenarios().stream()
        .filter(r -> r.scenario().kind() == StudyScenario.Kind.CRASH_BRIDGES || r.scenario().kind() == StudyScenario.Kind.CRASH_AS_IT_HAPPENED).toList();
    if (!crashes.isEmpty()) {
      StudyRunner.ScenarioResult worst = null;
      double worstLoss = Double.NEGATIVE_INFINITY;
      for (StudyRunner.ScenarioResult cr : crashes) {
        for (Roles.RoleLoss l : Roles.byFamily(losses(result, cr, Role.LEVERAGED_HOLDER)).values()) {
          double p95 = Figures.quantile(l.perPath(), 0.95).value();
          if (p95 > worstLoss) {
            worstLoss = p95;
            worst = cr;
          }
        }
      }
      if (worst != null) {
        List<String> parts = new ArrayList<>();
        for (Roles.RoleLoss l : Roles.byFamily(losses(result, worst, Role.LEVERAGED_HOLDER)).values()) {
          parts.add(label(Roles.family(l.design())) + " " + Human.of(Figures.quantile(l.perPath(), 0.95).value(), "%"));
        }
        out.add("The crash hardest on leveraged holders is " + worst.scenario().name() + ": p95 loss " + String.join(", ", parts) + ".");
      }
    }
    // the system
    List<String> debtIds = result.designs().stream().filter(d -> Roles.side(d.id()).equals("debt")).map(DesignModel::id)
        .filter(id -> primary.summary().metrics().containsKey(id + ".liquidated_usd")).toList();
    long optionsAudited = result.designs().stream().filter(d -> primary.summary().metrics().containsKey(d.id() + ".forced_sales_usd")).count();
    if (!debtIds.isEmpty()) {
      double maxLar = 0;
      String at = "";
      for (StudyRunner.ScenarioResult r : result.scenarios()) {
        for (String id : debtIds) {
          double lar = Figures.quantile(r.summary().metric(id + ".liquidated_usd").values(), 0.95).value();
          if (lar > maxLar) {
            maxLar = lar;
            at = id + " on " + r.scenario().name();
          }
        }
      }
      // on the answer's scenario: the whole history's early years put a $1B book against a young venue's volume
      double maxShare = 0;
      String shareAt = "";
      for (StudyRunner.ScenarioResult r : List.of(primary)) {
        for (String id : debtIds) {
          if (!r.summary().metrics().containsKey(id + ".forced_pct_day_volume_max")) {
            continue;
          }
          double share = Figures.quantile(r.summary().metric(id + ".forced_pct_day_volume_max").values(), 0.95).value();
          if (share > maxShare) {
            maxShare = share;
            shareAt = id + " on " + r.scenario().name();
          }
        }
      }
      String multiple = result.config().parameters().cascade().marketVolumeMultiple() == 1 ? "Binance ETH/USDT's volume alone"
          : Human.of(result.config().parameters().cascade().marketVolumeMultiple(), "x") + " times Binance ETH/USDT's volume";
      out.add("Forced sales: the debt books liquidate up to " + Human.of(maxLar, "USD") + " at the 95th percentile (" + at + ")"
          + (maxShare > 0 ? ", and sell on their worst day up to " + Human.of(maxShare, "%") + " of that day's ETH volume at the 95th "
              + "percentile (" + shareAt + "; against " + multiple + ")" : "")
          + (optionsAudited > 0 ? "; the " + optionsAudited + " options designs sell nothing by force on any path, which an audit checks on every path." : "."));
    }
    liquiditySentence(result, primary, a).ifPresent(out::add);
    if (!claims.isEmpty()) {
      Claims.Claim lo = claims.stream().min((x, y) -> Double.compare(x.standev().value(), y.standev().value())).orElseThrow();
      Claims.Claim hi = claims.stream().max((x, y) -> Double.compare(x.standev().value(), y.standev().value())).orElseThrow();
      long pass = claims.stream().filter(c -> c.drift().outcome() == Claims.Outcome.PASS).count();
      long fail = claims.stream().filter(c -> c.drift().outcome() == Claims.Outcome.FAIL).count();
      long cheap = claims.stream().filter(c -> c.rollCostVerdict().outcome() == Claims.Outcome.PASS).count();
      long dear = claims.stream().filter(c -> c.rollCostVerdict().outcome() == Claims.Outcome.FAIL).count();
      out.add(String.format(Locale.ROOT, "The post's drift (standev of the annual deviation) runs from %s (%s) to %s (%s); %d of %d wrapper-scenarios "
              + "meet the post's 1-4%%/yr or better, %d exceed it; the roll cost is under 2%%/yr for %d and 2%%/yr or more for %d.",
          Human.of(lo.standev().value(), "%/yr"), lo.wrapper(), Human.of(hi.standev().value(), "%/yr"), hi.wrapper(), pass, claims.size(), fail, cheap, dear));
    } else if (!windows.isEmpty()) {
      Claims.WindowFigures lo = windows.stream().min((x, y) -> Double.compare(Math.abs(x.spread().value()), Math.abs(y.spread().value()))).orElseThrow();
      Claims.WindowFigures hi = windows.stream().max((x, y) -> Double.compare(Math.abs(x.spread().value()), Math.abs(y.spread().value()))).orElseThrow();
      out.add("No scenario here holds a year, so no per-year verdict on the post's claims: over each path's one window, the wrappers' deviation "
          + "has a standard deviation from " + Human.of(lo.spread().value(), "%") + " (" + lo.wrapper() + " on " + lo.scenario() + ") to "
          + Human.of(hi.spread().value(), "%") + " (" + hi.wrapper() + " on " + hi.scenario() + "), not annualised.");
    }
    return out;
  }

  /**
   * Which side's liquidity providers are paid more per unit of risk, on the primary scenario and on
   * how many scenarios, and where each side loses most ({@link LiquidityComparison}).
   */
  static java.util.Optional<String> liquiditySentence(StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary, Answer a) {
    Map<String, Roles.Summary> s = a.summaries().get(Role.LIQUIDITY_PROVIDER);
    if (s == null || s.isEmpty()) {
      return java.util.Optional.empty();
    }
    return LiquidityComparison.sentence(LiquidityComparison.rows(result, StudyReport::summary), primary.scenario().name());
  }

  private static String label(String family) {
    return Roles.FAMILIES.stream().filter(f -> f.id().equals(family)).map(Roles.Family::label).findFirst().orElse(family);
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ the holder roles

  private static void holderSection(Report.Builder b, StudyRunner.StudyResult result, StudyRunner.ScenarioResult primary, Role role,
      List<Claims.Claim> claims, List<Claims.WindowFigures> windows, List<MetricRow> rows) {
    String key = role == Role.STABLE_HOLDER ? "stable" : role == Role.LEVERAGED_HOLDER ? "leveraged" : "liquidity";
    List<String> items = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    if (role == Role.STABLE_HOLDER) {
      paragraphs.add("Who wants stable value: the holder of each debt design's stablecoin (its loss is the bad debt the book leaves, per unit of "
          + "stablecoin supply) against the holder of P through a rolling wrapper, in a vault or by a local agent (its loss is the shortfall of its "
          + "value against the USD it started with: drift, roll cost and settlement error together). A depeg of the stablecoin beyond bad debt "
          + "(a run, a broken peg module) is outside the model: the stablecoin's loss here is a lower bound.");
    } else if (role == Role.LIQUIDITY_PROVIDER) {
      paragraphs.add("Who provides liquidity, and who absorbs losses when the market moves faster than the hedge: each design's liquidity "
          + "providers (liquidators and keepers, stability-pool depositors; market makers, AMM liquidity providers, arbitrageurs) with their P&L "
          + "as a % of the capital they commit, paired per path like the other roles.");
    } else {
      paragraphs.add("Who wants leveraged ETH: each debt design's borrowers (their mean P&L over the path, liquidation penalties and forced "
          + "sales included) against the N holder (no liquidation; time value paid; N expires worthless below the strike). Leverage is not "
          + "matched: the borrowers' health factors are drawn from the population, N's strike is the policy's; the assumptions section lists both.");
    }
    // every design with a loss for the role, every scenario
    List<List<Object>> table = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      for (Roles.RoleLoss l : losses(result, sr, role)) {
        Roles.Summary s = summary(sr, l);
        table.add(List.of(sr.scenario().name(), l.design(), new Figure(s.mean(), "%"), new Figure(s.p95(), "%"), new Figure(s.p99(), "%"),
            new Figure(s.cvar95(), "%"), new Figure(s.ruin(), "share"), (long) l.perPath().length));
      }
    }
    b.table(new Table(key + "-losses", capital(role.label()) + ": loss in % of the starting USD value, every design and scenario",
        List.of("scenario", "design", "mean", "p95 (VaR95)", "p99", "CVaR95", "ruin, share", "n"), table));
    items.add(key + "-losses");
    // paired differences, representatives, every scenario
    List<List<Object>> paired = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      Map<String, Roles.RoleLoss> reps = Roles.byFamily(losses(result, sr, role));
      for (Roles.RoleLoss o : reps.values()) {
        if (!Roles.side(o.design()).equals("options")) {
          continue;
        }
        for (Roles.RoleLoss d : reps.values()) {
          if (!Roles.side(d.design()).equals("debt")) {
            continue;
          }
          Roles.Paired p = Roles.pair(o, d);
          paired.add(List.of(sr.scenario().name(), o.design() + " − " + d.design(), new Figure(p.meanDifference(), "%"),
              new Figure(p.optionsBetter(), "share"), new Figure(p.debtBetter(), "share"), new Figure(p.ties(), "share")));
          String design = o.design() + "-minus-" + d.design();
          long seed = sr.scenario().seed();
          rows.add(MetricRow.of(sr.scenario().name(), design, "paired", role.label(), "", "", "loss_difference_pct", "%", "mean", p.meanDifference(), seed));
          rows.add(MetricRow.of(sr.scenario().name(), design, "paired", role.label(), "", "", "options_loses_less", "share", "share", p.optionsBetter(), seed));
          rows.add(MetricRow.of(sr.scenario().name(), design, "paired", role.label(), "", "", "debt_loses_less", "share", "share", p.debtBetter(), seed));
        }
      }
    }
    if (!paired.isEmpty()) {
      b.table(new Table(key + "-paired", capital(role.label()) + ": paired per path, options loss − debt loss (negative: options lose less)",
          List.of("scenario", "pair", "mean difference", "options lose less, share", "debt loses less, share", "equal, share"), paired));
      items.add(key + "-paired");
    }
    // the post's claims (stable side)
    if (role == Role.STABLE_HOLDER) {
      if (!claims.isEmpty()) {
        List<List<Object>> c = new ArrayList<>();
        for (Claims.Claim cl : claims) {
          c.add(List.of(cl.wrapper(), cl.scenario(), cl.windows(), new Figure(cl.standev(), "%/yr"), cl.drift().text(),
              new Figure(cl.steadyLoss(), "%/yr"), cl.rollCost() == null ? "n/a" : new Figure(cl.rollCost(), "%/yr"), cl.rollCostVerdict().text(),
              cl.trackingVolatility() == null ? "n/a" : new Figure(cl.trackingVolatility(), "%/yr")));
        }
        b.table(new Table("claims", "The post's claims: standev of the annual deviation within 1-4%/yr (below 1 is better); mean all-in roll cost under 2%/yr",
            List.of("wrapper", "scenario", "year windows", "standev of annual deviation", "drift verdict", "mean annual deviation (steady loss)",
                "roll cost, mean", "roll cost verdict", "daily tracking vol (secondary)"), c));
        items.add("claims");
        b.chart(forest("forest-annual", "Each wrapper's mean annual deviation d = 100 ln(V_end / target) per year window, [95% interval]", "%/yr",
            claims.stream().filter(cl -> cl.scenario().equals(claims.get(0).scenario())).map(cl -> new Object[] {cl.wrapper(), cl.steadyLoss()}).toList()));
        items.add("forest-annual");
      } else {
        paragraphs.add("No scenario here holds a complete year, so the post's per-year claims are not judged: each path is one window, and its figures are per window, never annualised.");
      }
      if (!windows.isEmpty()) {
        List<List<Object>> w = new ArrayList<>();
        for (Claims.WindowFigures f : windows) {
          w.add(List.of(f.wrapper(), f.scenario(), new Figure(f.meanDeviation(), "%"), new Figure(f.spread(), "%"),
              f.rollCost() == null ? "n/a" : new Figure(f.rollCost(), "%")));
        }
        b.table(new Table("windows", "Scenarios shorter than a year: each path's one window, 100 ln(V_end / target), not annualised; no verdict",
            List.of("wrapper", "scenario", "mean deviation", "standard deviation", "roll cost in the window, mean"), w));
        items.add("windows");
        String first = windows.get(0).scenario();
        b.chart(forest("forest-window", "Each wrapper's mean deviation over the window on " + first + " (not annualised), [95% interval]", "%",
            windows.stream().filter(f -> f.scenario().equals(first)).map(f -> new Object[] {f.wrapper(), f.meanDeviation()}).toList()));
        items.add("forest-window");
      }
    }
    // charts on the primary scenario: exceedance curves across families, histograms of the representatives
    Map<String, Roles.RoleLoss> reps = Roles.byFamily(losses(result, primary, role));
    if (!reps.isEmpty()) {
      List<Series> curves = new ArrayList<>();
      for (Roles.RoleLoss l : reps.values()) {
        if (curves.size() < Report.MAX_SERIES) {
          curves.add(exceedance(label(Roles.family(l.design())), l.perPath()));
        }
      }
      String id = "exceedance-" + key;
      b.chart(new Chart(id, capital(role.label()) + " on " + primary.scenario().name() + ": share of paths losing at least x",
          "loss, % of start", "share of paths", curves));
      items.add(id);
      for (Roles.RoleLoss l : reps.values()) {
        double[] v = Figures.present(l.perPath());
        if (v.length == 0 || Figures.constant(v)) {
          continue;
        }
        String hid = "hist-" + key + "-" + id(l.design());
        b.chart(new Chart(hid, capital(role.label()) + ", " + l.design() + " on " + primary.scenario().name() + ": loss over " + v.length + " paths",
            "loss, % of start", "paths", List.of(histogram("paths", v)), ChartKind.HISTOGRAM,
            List.of(new Marker("mean " + Human.of(average(v), "%"), average(v)),
                new Marker("p95 " + Human.of(Quantiles.of(v, 0.95), "%"), Quantiles.of(v, 0.95))), List.of()));
        items.add(hid);
      }
    }
    if (role == Role.LIQUIDITY_PROVIDER) {
      liquidityVerdicts(b, result, items);
    }
    b.section(new Section(key, role == Role.STABLE_HOLDER ? "The stable side: stablecoin holder against P-wrapper holder"
        : role == Role.LEVERAGED_HOLDER ? "The leveraged side: borrower against N holder"
        : "The liquidity side: liquidators, makers and LPs", paragraphs, items));
  }

  /** Per scenario: each side's best-paid family per unit of risk, and which side is paid more (LiquidityComparison). */
  private static void liquidityVerdicts(Report.Builder b, StudyRunner.StudyResult result, List<String> items) {
    List<List<Object>> rows = new ArrayList<>();
    for (LiquidityComparison.Verdict v : LiquidityComparison.verdicts(LiquidityComparison.rows(result, StudyReport::summary))) {
      rows.add(List.of(v.scenario(), v.crash() ? "crash" : "", cell(v.debt()), cell(v.options()), v.paidMore().isEmpty() ? "—" : v.paidMore()));
    }
    if (!rows.isEmpty()) {
      b.table(new Table("liquidity-per-risk", "Liquidity providers paid per unit of risk (mean gain / CVaR95 of the loss, % of committed capital), "
          + "each side's best family, by scenario", List.of("scenario", "window", "debt side", "options side", "paid more per unit of risk"), rows));
      items.add("liquidity-per-risk");
    }
  }

  private static String cell(LiquidityComparison.Row r) {
    if (r == null) {
      return "—";
    }
    double ratio = r.perRisk();
    String per = Double.isNaN(ratio) ? "nothing at stake" : Double.isInfinite(ratio) ? "no loss in the worst 5%" : Human.plain(ratio) + " per unit";
    return r.label() + ": mean " + Human.of(r.gain(), "%") + ", CVaR95 " + Human.of(r.risk(), "%") + ", " + per;
  }

  private static double average(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  /** The share of paths whose loss is at least x, at every observed loss. */
  static Series exceedance(String name, double[] losses) {
    double[] sorted = Figures.present(losses);
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = sorted[i];
      y[i] = (double) (n - i) / n;
    }
    return thin(name, x, y);
  }

  private static Chart forest(String id, String title, String unit, List<Object[]> rows) {
    int n = rows.size();
    double[] ix = new double[3 * n];
    double[] iy = new double[3 * n];
    double[] px = new double[n];
    double[] py = new double[n];
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = (String) rows.get(i)[0];
      Estimate e = (Estimate) rows.get(i)[1];
      labels.add(name);
      double low = Double.isFinite(e.low()) ? e.low() : e.value();
      double high = Double.isFinite(e.high()) ? e.high() : e.value();
      ix[3 * i] = low;
      iy[3 * i] = i;
      ix[3 * i + 1] = high;
      iy[3 * i + 1] = i;
      ix[3 * i + 2] = Double.NaN;
      iy[3 * i + 2] = Double.NaN;
      px[i] = e.value();
      py[i] = i;
    }
    return new Chart(id, title, unit, "", List.of(new Series("interval (95%)", ix, iy), new Series("estimate", px, py)),
        ChartKind.FOREST, List.of(new Marker("0", 0)), labels);
  }

  // ------------------------------------------------------------------ system, oracle, liquidity

  private static void systemSection(Report.Builder b, StudyRunner.StudyResult result) {
    List<String> items = new ArrayList<>(roleTables(b, result, Role.SYSTEM, "system"));
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Forced sales (liquidation volume: LaR95 is its 95th percentile), how far they deepen the fall (cascade amplification: the drawdown "
        + "with the sales' price impact fed back over the exogenous one), bad debt and insolvent debt (VaR95) on the debt side; on the options side, "
        + "roll volume (chosen, patient), rolls nobody filled and forced sales.");
    paragraphs.add("Structural property, not a finding: an options design never sells P or N by force. Every wrapper, agent and N holder runs a "
        + "ForcedSaleAudit that reconciles its holdings with its own rolls and redemptions on every path, and the run stops with an error if any "
        + "P or N left without a decision; forced_sales_usd is therefore 0 on every path, and is listed once among the constants.");
    paragraphs.add("Forced sales against the market: each debt book's seized ETH sold on a UTC day, in % of the ETH traded that day "
        + "(forced_pct_day_volume_max: the path's worst day; _mean: over its days with a forced sale). On history the day's volume is the "
        + "shipped bars' own column, Binance spot ETH/USDT alone, one venue of many; on generated paths (models, crash bridges) it is a state "
        + "of the path from a model fitted on those bars (ln volume on ln realised vol and ln price, AR(1) residual; TradedVolume), so volume "
        + "rises in a crash. Both are divided by cascade.marketVolumeMultiple (default 1: Binance ETH/USDT only), an assumption to vary: "
        + "the whole market trades several times Binance's volume, and the share falls in proportion.");
    paragraphs.add("Settlement disputes on the options side: per wrapper and path, the settlements whose proposal was disputed and went to "
        + "the vote (settlement_disputes; settlement_disputed: share of paths with any) and the vote rounds they took "
        + "(settlement_vote_rounds: more than one a dispute when rounds rolled). They follow the settlement game (a wrong first proposal "
        + "with options.disputeProbability, a capture that pays, or a delay attacker) and count only series a wrapper held to maturity.");
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      if (sr.charted().isEmpty() || sr.scenario().kind() == StudyScenario.Kind.HISTORY_CRASHES) {
        continue;
      }
      String lid = "liquidations-" + id(sr.scenario().name());
      Chart c = tracesChart(result, sr, lid, sr.scenario().name() + ": cumulative liquidations (USD, its own axis), path " + sr.charted().get(0).path(),
          "USD", k -> k.endsWith(".liquidated_cum_usd"));
      if (c != null) {
        b.chart(c);
        items.add(lid);
      }
    }
    // The debt books against reality, and March 2020 as the counterfactual it is (each table only when it has rows).
    for (Table t : List.of(noliq.lab.study.debt.DebtValidation.validation(result),
        noliq.lab.study.debt.DebtValidation.counterfactual(result), noliq.lab.study.debt.DebtValidation.pairedDifferences(result))) {
      if (!t.rows().isEmpty()) {
        b.table(t);
        items.add(t.id());
      }
    }
    b.section(new Section("system", "The system: forced sales, cascades and bad debt against rolls", paragraphs, items));
  }

  private static void liquiditySection(Report.Builder b, StudyRunner.StudyResult result) {
    List<String> items = roleTables(b, result, Role.LIQUIDITY_PROVIDER, "liquidity");
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Who provides liquidity, and who absorbs losses when the market moves faster than the hedge: liquidators and keepers, "
        + "stability-pool depositors, market makers taking rotation auctions and resting quotes, AMM liquidity providers, arbitrageurs.");
    if (items.isEmpty()) {
      paragraphs.add("Not yet measured: no design in this build reports a liquidity provider's P&L (a metric with role LIQUIDITY_PROVIDER "
          + "and its loss in % of the capital committed). The answer table gains this row as soon as one does.");
    }
    b.section(new Section("liquidity", "The liquidity side: liquidators, makers and LPs", paragraphs, items));
  }

  private static void roleSection(Report.Builder b, StudyRunner.StudyResult result, Role role, String key, String title, List<String> paragraphs) {
    List<String> items = roleTables(b, result, role, key);
    b.section(new Section(key, title, paragraphs, items));
  }

  /** A role's metrics on every scenario by their headline statistic, constants apart; returns the tables' ids. */
  private static List<String> roleTables(Report.Builder b, StudyRunner.StudyResult result, Role role, String key) {
    List<List<Object>> rows = new ArrayList<>();
    Map<String, List<Object>> constants = new LinkedHashMap<>();
    for (DesignModel d : result.designs()) {
      for (MetricSpec m : d.metrics()) {
        if (m.role() != role) {
          continue;
        }
        for (StudyRunner.ScenarioResult sr : result.scenarios()) {
          double[] v = sr.summary().metric(m.name()).values();
          if (Figures.constant(v)) {
            constants.computeIfAbsent(m.name() + "=" + Figures.constantValue(v), k -> new ArrayList<>(List.of(m.name(), m.unit(),
                Human.of(Figures.constantValue(v), m.unit()), new StringBuilder()))).set(3, append(constants, m, v, sr));
            continue;
          }
          Estimate head = switch (m.headline()) {
            case MEAN -> meanOf(sr, m);
            case P95 -> quantileOf(sr, m, 0.95);
            case SHARE -> Figures.shareAtLeast(v, 1);
          };
          // the description once per metric (its rows follow one another), not once per scenario
          boolean first = rows.isEmpty() || !m.name().equals(rows.get(rows.size() - 1).get(1));
          rows.add(List.of(sr.scenario().name(), m.name(), m.unit(), statistic(m.headline()), new Figure(head, m.unit()),
              new Figure(quantileOf(sr, m, 0.99), m.unit()), first ? m.description() : ""));
        }
      }
    }
    List<String> ids = new ArrayList<>();
    if (!rows.isEmpty()) {
      b.table(new Table(key + "-figures", "Every " + role.label() + " figure that varies, by scenario (statistic as named; p99 beside it)",
          List.of("scenario", "metric", "unit", "statistic", "value", "p99", "what it is"), rows));
      ids.add(key + "-figures");
    }
    if (!constants.isEmpty()) {
      List<List<Object>> c = new ArrayList<>();
      for (List<Object> row : constants.values()) {
        c.add(List.of(row.get(0), row.get(1), row.get(2), row.get(3).toString()));
      }
      b.table(new Table(key + "-constants", "Constant on every path (listed once, no interval)", List.of("metric", "unit", "value", "scenarios"), c));
      ids.add(key + "-constants");
    }
    return ids;
  }

  private static StringBuilder append(Map<String, List<Object>> constants, MetricSpec m, double[] v, StudyRunner.ScenarioResult sr) {
    List<Object> row = constants.get(m.name() + "=" + Figures.constantValue(v));
    StringBuilder s = (StringBuilder) row.get(3);
    if (s.length() > 0) {
      s.append(", ");
    }
    return s.append(sr.scenario().name());
  }

  // ------------------------------------------------------------------ scenarios

  private static void scenarioSections(Report.Builder b, StudyRunner.StudyResult result) {
    List<List<Object>> overview = new ArrayList<>();
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      StudyScenario s = sr.scenario();
      overview.add(List.of(s.name(), s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), (long) sr.summary().paths(), Long.toString(s.seed()),
          (long) s.gaps().size(), s.description()));
    }
    List<String> paragraphs = new ArrayList<>(List.of("Each scenario in detail follows: every figure that varies over its paths "
        + "with its statistic and unit, the constants once, a fan chart of its price paths and the traced designs on its first charted path."));
    for (StudyScenario none : result.withoutPaths()) {
      overview.add(List.of(none.name(), none.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), 0, Long.toString(none.seed()), 0, none.description()));
      paragraphs.add(none.name() + ": " + none.description() + "; the rest of the study ran.");
    }
    b.table(new Table("scenarios", "Scenarios", List.of("scenario", "kind", "paths", "seed", "gaps", "description"), overview));
    List<String> overviewItems = new ArrayList<>(List.of("scenarios"));
    b.section(new Section("scenarios", "The scenarios", paragraphs, overviewItems));
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      List<String> items = new ArrayList<>();
      String name = sr.scenario().name();
      String sid = id(name);
      List<List<Object>> rows = new ArrayList<>();
      List<List<Object>> constants = new ArrayList<>();
      for (DesignModel d : result.designs()) {
        for (MetricSpec m : d.metrics()) {
          Sample s = sr.summary().metric(m.name());
          double[] v = s.values();
          if (Figures.constant(v)) {
            constants.add(List.of(m.name(), m.unit(), Human.of(Figures.constantValue(v), m.unit())));
            continue;
          }
          rows.add(List.of(m.name(), m.unit(), m.role().label(), new Figure(meanOf(sr, m), m.unit()),
              new Figure(quantileOf(sr, m, 0.05), m.unit()), new Figure(quantileOf(sr, m, 0.5), m.unit()),
              new Figure(quantileOf(sr, m, 0.95), m.unit()), new Figure(quantileOf(sr, m, 0.99), m.unit()),
              Human.of(Figures.clean(s.moments().min(), s.moments().max()), m.unit()), Human.of(s.moments().max(), m.unit())));
        }
      }
      List<String> columns = List.of("metric", "unit", "role", "mean", "p05", "p50", "p95", "p99", "min", "max");
      // every figure in scenario-<id>.csv (not drawn on the page: a design's own details run to hundreds of rows a
      // scenario); the page shows the roles' figures
      b.table(new Table("scenario-" + sid, name + ": " + sr.scenario().description() + " (n = " + sr.summary().paths() + ")", columns, rows));
      // the page: the holders' figures by mean and p95 (the system's, the oracle's and the liquidity providers' are in their
      // sections by scenario); fourteen scenarios of every role's seven statistics made the page 2 MB
      java.util.Set<String> holders = java.util.Set.of(Role.STABLE_HOLDER.label(), Role.LEVERAGED_HOLDER.label());
      List<List<Object>> roleRows = rows.stream().filter(r -> holders.contains((String) r.get(2)))
          .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(6))).toList();
      b.table(new Table("scenario-" + sid + "-roles", name + ": the holders' figures that vary (n = " + sr.summary().paths()
          + "), mean and p95; the system's, the oracle's and the liquidity providers' are in their sections, and every figure "
          + "(p05 to p99, min and max, the designs' details) in scenario-" + sid + ".csv (" + rows.size() + " rows)",
          List.of("metric", "unit", "role", "mean", "p95"), roleRows));
      items.add("scenario-" + sid + "-roles");
      if (!sr.scenario().windows().isEmpty()) {
        // the page and its CSV list the windows; every design's figures on each window are the scenario's rows of
        // paths.csv.gz (path = the window's row, from 0) and its constants metrics.csv's (a thousand-column copy made the
        // report a third of a megabyte larger)
        Table all = windowsTable(result, sr);
        List<List<Object>> list = all.rows().stream().map(r -> (List<Object>) new ArrayList<>(r.subList(0, WINDOW_COLUMNS))).toList();
        b.table(new Table("history-crash-windows-list", "Crash windows found in the history (" + CrashWindows.rule(
            CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN) + "); every design's figures on each window are the rows of "
            + "scenario " + name + " in paths.csv.gz (path = the window's row here, from 0), the constants in metrics.csv",
            all.columns().subList(0, WINDOW_COLUMNS), list));
        items.add("history-crash-windows-list");
      }
      if (!sr.scenario().gaps().isEmpty()) {
        b.table(gapsTable(sr));
        items.add("gaps-" + sid);
      }
      Chart fan = fan(sr);
      if (fan != null) {
        b.chart(fan);
        items.add(fan.id());
      }
      if (!sr.charted().isEmpty()) {
        Chart prices = tracesChart(result, sr, "prices-" + sid, name + ": exogenous price and each debt book's price with its forced sales fed back, path "
            + sr.charted().get(0).path(), "ETH/USD", k -> k.endsWith("genous_usd") || k.contains("price"));
        if (prices != null) {
          b.chart(prices);
          items.add(prices.id());
        }
        Chart wrappers = wrappersChart(result, sr, "wrappers-" + sid);
        if (wrappers != null) {
          b.chart(wrappers);
          items.add(wrappers.id());
        }
      }
      List<String> about = new ArrayList<>(List.of(sr.scenario().description() + "."));
      if (!constants.isEmpty()) {
        about.add(constants.size() + " figures are the same on every path of " + name + ": metrics.csv lists each once (statistic "
            + "constant), and the roles' constants are in their sections.");
      }
      b.section(new Section("scenario-" + sid, "Scenario " + name, about, items));
    }
  }

  /** The 5th, 25th, 50th, 75th and 95th percentiles of the price over the scenario's paths, at each kept step. */
  static Chart fan(StudyRunner.ScenarioResult sr) {
    StudyRunner.Fan fan = sr.fan();
    if (fan == null || fan.days() == null || sr.scenario().kind() == StudyScenario.Kind.HISTORY_CRASHES) {
      return null;
    }
    int points = fan.days().length;
    float[][] p = fan.prices();
    List<Series> series = new ArrayList<>();
    if (p.length == 1) {
      double[] y = new double[points];
      for (int j = 0; j < points; j++) {
        y[j] = p[0][j];
      }
      series.add(new Series("price", fan.days(), y));
    } else {
      double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
      double[][] y = new double[qs.length][points];
      double[] column = new double[p.length];
      for (int j = 0; j < points; j++) {
        for (int i = 0; i < p.length; i++) {
          column[i] = p[i].length > j ? p[i][j] : p[i][p[i].length - 1];
        }
        Arrays.sort(column);
        for (int q = 0; q < qs.length; q++) {
          y[q][j] = Quantiles.ofSorted(column, qs[q]);
        }
      }
      String[] names = {"p05", "p25", "median", "p75", "p95"};
      for (int q = 0; q < qs.length; q++) {
        series.add(new Series(names[q], fan.days(), y[q]));
      }
    }
    return new Chart("fan-" + id(sr.scenario().name()), sr.scenario().name() + ": ETH price over " + p.length + " paths"
        + (p.length > 1 ? " (percentiles at each time)" : ""), "days from start", "ETH/USD", series);
  }

  /** The traced series whose key passes {@code keep}, on the first charted path, one per design (at most 8). */
  private static Chart tracesChart(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr, String id, String title, String yLabel,
      java.util.function.Predicate<String> keep) {
    StudyRunner.ChartedPath first = sr.charted().get(0);
    List<Series> series = new ArrayList<>();
    boolean exogenous = false;
    for (int d = 0; d < result.designs().size() && d < first.traces().size(); d++) {
      for (Map.Entry<String, RecordingTrace.Points> e : first.traces().get(d).series().entrySet()) {
        if (!keep.test(e.getKey()) || series.size() >= Report.MAX_SERIES) {
          continue;
        }
        if (e.getKey().endsWith(".exogenous_usd")) {
          if (exogenous) {
            continue;
          }
          exogenous = true;
        }
        double[] x = e.getValue().x();
        for (int i = 0; i < x.length; i++) {
          x[i] *= 365;
        }
        String label = e.getKey().endsWith(".exogenous_usd") ? "exogenous" : e.getKey();
        series.add(thin(label, x, e.getValue().y()));
      }
    }
    return series.isEmpty() ? null : new Chart(id, title, "days from start", yLabel, series);
  }

  /** Value over target in % for up to 8 wrappers on the first charted path. */
  private static Chart wrappersChart(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr, String id) {
    StudyRunner.ChartedPath first = sr.charted().get(0);
    List<Series> series = new ArrayList<>();
    for (int d = 0; d < result.designs().size() && d < first.traces().size(); d++) {
      String design = result.designs().get(d).id();
      Map<String, RecordingTrace.Points> traces = first.traces().get(d).series();
      RecordingTrace.Points value = traces.get(design + ".value_usd");
      RecordingTrace.Points target = traces.get(design + ".target_usd");
      if (value == null || target == null || series.size() >= Report.MAX_SERIES) {
        continue;
      }
      if (Roles.family(design).equals("wrapper") && !Roles.mechanism(design).equals("auction")) {
        continue;
      }
      double[] x = value.x();
      double[] y = value.y();
      double[] t = target.y();
      for (int i = 0; i < x.length; i++) {
        x[i] *= 365;
        y[i] = 100 * (y[i] / t[i] - 1);
      }
      series.add(thin(design, x, y));
    }
    return series.isEmpty() ? null : new Chart(id, sr.scenario().name() + ": wrapper value against target (auction rollers and the agent), path "
        + first.path(), "days from start", "value / target − 1, %", series);
  }

  /** One row per crash window found in the history: the fall, and every design's metrics on it. */
  /** The window's own columns of {@link #windowsTable}, before the designs' figures. */
  private static final int WINDOW_COLUMNS = 6;

  static Table windowsTable(StudyRunner.StudyResult result, StudyRunner.ScenarioResult sr) {
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

  // ------------------------------------------------------------------ assumptions, reproduce

  private static void assumptionsSection(Report.Builder b, StudyRunner.StudyResult result) {
    List<List<Object>> rows = new ArrayList<>();
    StudyConfig config = result.config();
    for (Assumptions.Row a : Assumptions.table(config.assumptions())) {
      rows.add(List.of(a.area(), a.name(), a.overridden() ? a.value() + " (overridden; default " + a.defaultValue() + ")" : a.value(),
          a.defaultValue(), a.overridden() ? "yes" : "", a.unit(), a.range(), a.source()));
    }
    boolean any = rows.stream().anyMatch(r -> "yes".equals(r.get(4)));
    b.table(new Table("assumptions", "The stated assumptions the designs ran on, with their sources"
        + (any ? " (overridden values are marked, beside their defaults)" : "") + "; each bound name can be set in a config's \"assumptions\"",
        List.of("area", "name", "value", "default", "overridden", "unit", "range", "source"), rows));
    List<List<Object>> designs = new ArrayList<>();
    for (DesignModel d : result.designs()) {
      designs.add(List.of(d.id(), Roles.family(d.id()), Roles.policy(d.id()), Roles.mechanism(d.id()), d.description()));
    }
    b.table(new Table("designs", "Designs", List.of("design", "family", "policy", "mechanism", "description"), designs));
    b.section(new Section("assumptions", "Assumptions and what is outside the model", List.of(
        "Outside the model: a stablecoin's depeg beyond the bad debt it must absorb; governance actions; the debt books' interest over the path; "
            + "gas markets beyond the stated gas cost; trading volume beyond Binance ETH/USDT's (scaled by cascade.marketVolumeMultiple, "
            + "default 1) and forced sales' effect on that volume.",
        "Intervals (95%): means by Student's t, or by the percentile bootstrap (" + noliq.lab.metrics.Bootstrap.RESAMPLES
            + " resamples) when the figure is skewed or cannot be negative; quantiles (p05 to p99, VaR95, LaR95) by order statistics; CVaR95 by the bootstrap; "
            + "shares by Wilson's interval; the standev of the annual deviation by the bootstrap over paths (windows of one path together), or the chi-square "
            + "interval on a single history. Figures constant on every path have no interval. Values within 1e-10 of zero are floating-point noise and read 0."),
        List.of("assumptions", "designs")));
  }

  private static void reproduceSection(Report.Builder b, StudyRunner.StudyResult result) {
    StudyConfig c = result.config();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("seed", Long.toString(c.seed())));
    rows.add(List.of("paths (model)", Long.toString(c.paths())));
    rows.add(List.of("paths (each crash)", Long.toString(c.crashPaths())));
    rows.add(List.of("horizon", c.horizonDays() + " days"));
    rows.add(List.of("start price", Human.of(c.x0(), "USD")));
    rows.add(List.of("prices", c.prices() == null ? "none (model and anchored crashes only)" : c.prices()));
    rows.add(List.of("scenarios", String.join(", ", c.scenarioKeys())));
    rows.add(List.of("fitted model", "GARCH(1,1)-t fitted " + FittedModels.FIT_DATE + " on " + FittedModels.DATA_SPAN));
    rows.add(List.of("crash window rule", CrashWindows.rule(CrashWindows.DEFAULT_DRAWDOWN, CrashWindows.DEFAULT_WITHIN)));
    b.table(new Table("reproduce", "Inputs", List.of("input", "value"), rows));
    String cmd = "noliq simulate --config study.json with " + String.format(Locale.ROOT,
        "{\"scenarios\": %s, \"paths\": %d, \"crashPaths\": %d, \"horizonDays\": %d, \"seed\": %d%s}",
        c.scenarioKeys().stream().map(k -> "\"" + k + "\"").toList(), c.paths(), c.crashPaths(), c.horizonDays(), c.seed(),
        c.prices() == null ? "" : ", \"prices\": \"" + c.prices() + "\"");
    b.section(new Section("reproduce", "How to reproduce", List.of(
        "The same inputs give byte-identical files on any number of threads: every path draws from its own stream of the seed, and every design from "
            + "its own stream of the path. Run: " + cmd + " (noliq compare is the preset of it).",
        "Tidy files for notebooks: metrics.csv (long form: scenario, design, family, role, policy, mechanism, metric, unit, statistic, value, ci_low, "
            + "ci_high, n, seed), paths.csv.gz (every per-path value: scenario, path, design, metric, value), summary.json (schemaVersion "
            + SCHEMA_VERSION + ", the answer table, the post's claims, the headline figures and the tables' CSV files); README.md says "
            + "what each file holds, and that every number is written to " + Digits.SIGNIFICANT + " significant digits."), List.of("reproduce")));
  }

  // ------------------------------------------------------------------ tidy outputs

  private static void metricRows(StudyRunner.StudyResult result, List<Claims.Claim> claims, List<Claims.WindowFigures> windows, List<MetricRow> rows) {
    for (StudyRunner.ScenarioResult sr : result.scenarios()) {
      String sc = sr.scenario().name();
      long seed = sr.scenario().seed();
      for (DesignModel d : result.designs()) {
        String id = d.id();
        String family = Roles.family(id);
        String policy = Roles.policy(id);
        String mechanism = Roles.mechanism(id);
        for (MetricSpec m : d.metrics()) {
          double[] v = sr.summary().metric(m.name()).values();
          String role = m.role().label();
          if (Figures.constant(v)) {
            rows.add(MetricRow.of(sc, id, family, role, policy, mechanism, m.shortName(), m.unit(), "constant",
                new Estimate(Figures.constantValue(v), Figures.present(v).length, Double.NaN, Double.NaN), seed));
            continue;
          }
          if (m.support() == MetricSpec.Support.INDICATOR) {
            rows.add(MetricRow.of(sc, id, family, role, policy, mechanism, m.shortName(), m.unit(), "share", Figures.shareAtLeast(v, 1), seed));
            continue;
          }
          rows.add(MetricRow.of(sc, id, family, role, policy, mechanism, m.shortName(), m.unit(), "mean", meanOf(sr, m), seed));
          rows.add(MetricRow.of(sc, id, family, role, policy, mechanism, m.shortName(), m.unit(), "p95", quantileOf(sr, m, 0.95), seed));
          rows.add(MetricRow.of(sc, id, family, role, policy, mechanism, m.shortName(), m.unit(), "p99", quantileOf(sr, m, 0.99), seed));
        }
      }
      for (Role role : HOLDER_ROLES) {
        for (Roles.RoleLoss l : losses(result, sr, role)) {
          Roles.Summary s = summary(sr, l);
          String id = l.design();
          String metric = "role_loss_pct";
          for (Object[] stat : new Object[][] {{"mean", s.mean()}, {"p95", s.p95()}, {"p99", s.p99()}, {"cvar95", s.cvar95()}, {"ruin_share", s.ruin()}}) {
            rows.add(MetricRow.of(sc, id, Roles.family(id), role.label(), Roles.policy(id), Roles.mechanism(id), metric,
                stat[0].equals("ruin_share") ? "share" : "%", (String) stat[0], (Estimate) stat[1], seed));
          }
        }
      }
      for (Claims.Claim c : claims) {
        if (c.scenario().equals(sc)) {
          String id = c.wrapper();
          rows.add(MetricRow.of(sc, id, Roles.family(id), Role.STABLE_HOLDER.label(), Roles.policy(id), Roles.mechanism(id), "annual_deviation_pct",
              "%/yr", "standev", c.standev(), seed));
          rows.add(MetricRow.of(sc, id, Roles.family(id), Role.STABLE_HOLDER.label(), Roles.policy(id), Roles.mechanism(id), "annual_deviation_pct",
              "%/yr", "mean", c.steadyLoss(), seed));
        }
      }
      for (Claims.WindowFigures w : windows) {
        if (w.scenario().equals(sc)) {
          String id = w.wrapper();
          rows.add(MetricRow.of(sc, id, Roles.family(id), Role.STABLE_HOLDER.label(), Roles.policy(id), Roles.mechanism(id), "window_deviation_pct",
              "%", "standev", w.spread(), seed));
        }
      }
    }
  }

  /** What {@code task} computed; its failure is rethrown here as it was thrown there. */
  private static byte[] joined(FutureTask<byte[]> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing paths.csv.gz", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Every per-path value that varies (constants are in metrics.csv): scenario, path, design, metric, value. */
  static byte[] pathsCsvGz(StudyRunner.StudyResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      }
    }, StandardCharsets.UTF_8)) {
      w.write("scenario,path,design,metric,value\n");
      for (StudyRunner.ScenarioResult sr : result.scenarios()) {
        String sc = sr.scenario().name();
        for (DesignModel d : result.designs()) {
          for (MetricSpec m : d.metrics()) {
            double[] v = sr.summary().metric(m.name()).values();
            if (Figures.constant(v)) {
              continue;
            }
            double[] clean = Figures.denoised(v);
            String prefix = sc + "," ;
            String suffix = "," + d.id() + "," + m.shortName() + ",";
            for (int p = 0; p < clean.length; p++) {
              if (Double.isNaN(clean[p])) {
                continue; // absent on this path: no row
              }
              w.write(prefix);
              w.write(Integer.toString(p));
              w.write(suffix);
              w.write(compact(clean[p]));
              w.write('\n');
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write paths.csv.gz", e);
    }
    return bytes.toByteArray();
  }

  /** A per-path value at the report's precision ({@link Digits}: 7 significant digits). */
  static String compact(double v) {
    return Digits.of(v);
  }

  private static String readme(StudyRunner.StudyResult result) {
    return "# " + result.config().title() + "\n\n"
        + "What `noliq compare` (or `noliq simulate`) wrote here:\n\n"
        + "- `index.html`: the report. It opens with the answer (who bears what, by role and design family), then sections by question. "
        + "It links its charts (`<chart>.png`) instead of inlining them.\n"
        + "- `metrics.csv`: every figure in long form, one per row: scenario, design, family, role, policy, mechanism, metric, unit, statistic "
        + "(mean, p95, p99, cvar95, share, ruin_share, standev, constant), value, ci_low, ci_high (95%; empty when there is none), n, seed. "
        + "The metric is the design's own word, as in paths.csv.gz, so the two join on (scenario, design, metric). "
        + "`pandas.read_csv(\"metrics.csv\")`.\n"
        + "- `paths.csv.gz`: every per-path value that varies: scenario, path, design, metric (the design's own word), value; rows run by "
        + "scenario, design and metric, then path (so like values sit together and compress well). Paths with the same scenario and index "
        + "saw the same prices in every design, so pair them. A figure the same on every path of a scenario has no rows here: it is the "
        + "`constant` row of metrics.csv. The crash windows found in the history are the paths of scenario history-crashes, "
        + "in the order of `history-crash-windows-list.csv`. `pandas.read_csv(\"paths.csv.gz\")`.\n"
        + "- `summary.json`: `schemaVersion` " + SCHEMA_VERSION + ", the inputs, the generated sentences (`findings`), the answer table "
        + "(`answer`), the post's claims with their verdicts (`claims`: `perYear` on scenarios of a year or more, `perWindow` on shorter "
        + "ones), every metric's headline figure on " + primary(result).scenario().name() + " (`headline`), and `tableFiles`, which names "
        + "each table with its CSV. It holds no copy of the tables: metrics.csv holds every figure once.\n"
        + "- `<table>.csv`: each table; `<chart>.png` and `<chart>.csv`: each chart and its data (series, x, y). The page shows each "
        + "scenario's holders' figures by mean and p95 (`scenario-<name>-roles.csv`) and each role's figures by scenario in the role's "
        + "section; `scenario-<name>.csv` holds every figure of the scenario (mean, p05, p50, p95, p99 with intervals, min, max), the "
        + "designs' own details included (n once a row: every statistic of a figure has the same n); the figures constant on all "
        + "its paths are metrics.csv's `constant` rows.\n\n"
        + "## Precision and size\n\n"
        + "- Every number in these files is written to " + Digits.SIGNIFICANT + " significant digits (rounded half-even; an exponent "
        + "such as `1.234568E+9` for the very large and small, which pandas reads). The 95% intervals are far wider than that, so "
        + "nothing a figure says is lost, and the files are a third smaller than at a double's 17 digits. Recompute from the seed "
        + "for more.\n"
        + "- A time-series chart keeps at most " + MAX_POINTS + " points a series (every k-th step and the last), whatever the horizon; "
        + "a fan chart " + StudyRunner.FAN_POINTS + " times; a histogram " + HISTOGRAM_BINS + " bins; an exceedance curve at most "
        + MAX_POINTS + " points (every k-th path in loss order and the largest loss). Every per-path value is in paths.csv.gz.\n"
        + "- The charts are 256-colour PNGs.\n"
        + "- So only paths.csv.gz grows with the number of paths (one row per path and varying figure), and nothing grows with the "
        + "horizon beyond those caps; the project README gives the sizes measured.\n";
  }

  // ------------------------------------------------------------------ terminal and helpers

  /** The compact table for the terminal: the answer, its sentences, then the claims. */
  public static String terminal(Report report, StudyRunner.StudyResult result) {
    StringBuilder out = new StringBuilder();
    Table answer = report.tables().stream().filter(t -> t.id().equals("answer")).findFirst().orElse(null);
    if (answer != null) {
      out.append(answer.title()).append('\n');
      List<List<String>> cells = new ArrayList<>();
      cells.add(answer.columns());
      for (List<Object> row : answer.rows()) {
        cells.add(row.stream().map(c -> c instanceof Figure f ? Human.of(f.estimate(), f.unit()) : String.valueOf(c)).toList());
      }
      int[] width = new int[answer.columns().size()];
      for (List<String> row : cells) {
        for (int i = 0; i < row.size(); i++) {
          width[i] = Math.max(width[i], row.get(i).length());
        }
      }
      for (List<String> row : cells) {
        for (int i = 0; i < row.size(); i++) {
          out.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", row.get(i)));
        }
        out.append('\n');
      }
    }
    for (String f : report.findings()) {
      out.append("- ").append(f).append('\n');
    }
    List<Claims.Claim> claims = Claims.assess(result);
    if (!claims.isEmpty()) {
      out.append("the post's claims (95% intervals):\n");
      for (Claims.Claim c : claims) {
        out.append(String.format(Locale.ROOT, "  %s on %s: standev of the annual deviation %s -> %s; roll cost %s -> %s%n",
            c.wrapper(), c.scenario(), Human.of(c.standev(), "%/yr"), c.drift().text(),
            c.rollCost() == null ? "n/a" : Human.of(c.rollCost(), "%/yr"), c.rollCostVerdict().text()));
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
    b.input("intervals", "95%: t or percentile bootstrap for means (bootstrap when skewed or non-negative), order statistics for quantiles, "
        + "bootstrap for CVaR95 and the annual standev, Wilson for shares; constants have none");
  }

  private static Map<String, Object> estimateJson(Estimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", Double.isFinite(e.value()) ? Digits.rounded(e.value()) : null);
    m.put("ci95_low", Double.isFinite(e.low()) ? Digits.rounded(e.low()) : null);
    m.put("ci95_high", Double.isFinite(e.high()) ? Digits.rounded(e.high()) : null);
    m.put("n", e.n());
    return m;
  }

  /** Bars of {@link #HISTOGRAM_BINS} equal bins between the least and greatest value: x the bins' left edges and the last right edge, y the counts (the last repeated). */
  static Series histogram(String name, double[] all) {
    double[] values = Figures.present(all);
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    if (!(max > min)) {
      return new Series(name, new double[] {min, min + 1}, new double[] {values.length, values.length});
    }
    double width = (max - min) / HISTOGRAM_BINS;
    double[] x = new double[HISTOGRAM_BINS + 1];
    double[] y = new double[HISTOGRAM_BINS + 1];
    for (int i = 0; i <= HISTOGRAM_BINS; i++) {
      x[i] = min + i * width;
    }
    for (double v : values) {
      int bin = Math.min(HISTOGRAM_BINS - 1, (int) ((v - min) / width));
      y[bin]++;
    }
    y[HISTOGRAM_BINS] = y[HISTOGRAM_BINS - 1];
    return new Series(name, x, y);
  }

  /** Every k-th point and the last, so no series has more than {@link #MAX_POINTS}. */
  static Series thin(String name, double[] x, double[] y) {
    int n = x.length;
    if (n <= MAX_POINTS) {
      return new Series(name, x, y);
    }
    // a stride of ceil((n - 1) / (MAX_POINTS - 1)) keeps at most MAX_POINTS - 1 points before the last, or MAX_POINTS with it
    int stride = (n - 1 + MAX_POINTS - 2) / (MAX_POINTS - 1);
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

  /** Kept for callers of the old figure format: {@code 1.234 USD (95% CI 1.1 to 1.3, n=1000)}. */
  static String figure(Estimate e, String unit) {
    return Human.of(e, unit) + " (n=" + e.n() + ")";
  }

  static WindowDrift.Result drift(StudyRunner.ScenarioResult sr, String wrapper) {
    return Claims.annualDrift(sr.summary(), wrapper);
  }
}
