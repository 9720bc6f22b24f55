package noliq.lab.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import noliq.lab.engine.Progress;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Sample;
import noliq.lab.scenarios.Scenarios;
import noliq.lab.metrics.WindowDrift;
import noliq.lab.study.Claims;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyParameters;
import noliq.lab.study.StudyReport;
import noliq.lab.study.StudyRunner;
import noliq.lab.study.StudyScenario;

/**
 * Runs the points of a sweep, whatever engine schedules them. Work that no swept assumption
 * reaches is done once: a design whose inputs ({@link DesignCatalog#inputs}) are the same at every
 * point, on a scenario whose paths are the same at every point, is run once ({@link #computeShared})
 * and its rows are reused by every point; a point runs only what it changes. Because each design
 * draws from its own stream of each path, a shared design's figures are exactly those it would
 * have in the point's own study, so the output is the same as running every point in full.
 */
public final class SweepEngine {
  private final SweepSpec spec;
  private final List<StudyScenario> plan;
  private final List<String> designIds;
  private final Set<String> varyingScenarios;
  private final Set<String> varyingDesigns;
  private Map<String, List<String>> shared;

  private SweepEngine(SweepSpec spec, List<StudyScenario> plan, List<String> designIds, Set<String> varyingScenarios,
      Set<String> varyingDesigns) {
    this.spec = spec;
    this.plan = plan;
    this.designIds = designIds;
    this.varyingScenarios = varyingScenarios;
    this.varyingDesigns = varyingDesigns;
  }

  /** Plans {@code spec}: its scenarios (read once), its designs, and which of them any point changes. */
  public static SweepEngine of(SweepSpec spec) {
    StudyConfig first = spec.configOf(spec.points().get(0));
    StudyParameters p0 = first.parameters();
    List<DesignModel> designs = first.select(DesignCatalog.of(p0));
    List<String> ids = designs.stream().map(DesignModel::id).toList();
    Map<String, Object> inputs0 = DesignCatalog.inputs(p0);
    List<StudyScenario> plan = withPaths(StudyScenario.plan(first));
    Set<String> varyingScenarios = new LinkedHashSet<>();
    Set<String> varyingDesigns = new LinkedHashSet<>();
    for (String id : ids) {
      if (!inputs0.containsKey(id)) {
        varyingDesigns.add(id); // not known to be built from the parameters alone: never shared
      }
    }
    for (SweepSpec.Point point : spec.points()) {
      StudyParameters p = spec.configOf(point).parameters();
      Map<String, Object> inputs = DesignCatalog.inputs(p);
      for (String id : ids) {
        if (!java.util.Objects.equals(inputs.get(id), inputs0.get(id))) {
          varyingDesigns.add(id);
        }
      }
      for (StudyScenario sc : plan) {
        if (sc.kind() == StudyScenario.Kind.MODEL && Scenarios.NAMES.contains(sc.name())
            && !Scenarios.model(sc.name(), p.models()).equals(Scenarios.model(sc.name(), p0.models()))) {
          varyingScenarios.add(sc.name());
        }
      }
    }
    return new SweepEngine(spec, plan, ids, varyingScenarios, varyingDesigns);
  }

  /**
   * The engine of {@code spec} with the sets {@link #of} found (say on the Spark driver), so a
   * worker does not compare every point again.
   */
  public static SweepEngine of(SweepSpec spec, Set<String> varyingScenarios, Set<String> varyingDesigns) {
    StudyConfig first = spec.configOf(spec.points().get(0));
    List<String> ids = first.select(DesignCatalog.of(first.parameters())).stream().map(DesignModel::id).toList();
    return new SweepEngine(spec, withPaths(StudyScenario.plan(first)), ids, new LinkedHashSet<>(varyingScenarios), new LinkedHashSet<>(varyingDesigns));
  }

  public SweepSpec spec() {
    return spec;
  }

  /** The designs some point changes, by id. */
  public Set<String> varyingDesigns() {
    return java.util.Collections.unmodifiableSet(varyingDesigns);
  }

  /** The scenarios whose paths some point changes, by name. */
  public Set<String> varyingScenarios() {
    return java.util.Collections.unmodifiableSet(varyingScenarios);
  }

  private boolean isShared(String scenario, String design) {
    return !varyingScenarios.contains(scenario) && !varyingDesigns.contains(design);
  }

  /** How many (scenario, design) runs every point shares, and how many each point makes afresh. */
  public int[] sharedAndFresh() {
    int s = 0;
    int f = 0;
    for (StudyScenario sc : plan) {
      for (String id : designIds) {
        if (isShared(sc.name(), id)) {
          s++;
        } else {
          f++;
        }
      }
    }
    return new int[] {s, f};
  }

  /**
   * Runs, once, every design no point changes on every scenario no point changes, on
   * {@code threads} threads, and keeps their rows (a few per metric; none of the paths).
   */
  public Map<String, List<String>> computeShared(int threads, Progress progress) {
    StudyConfig first = spec.configOf(spec.points().get(0));
    List<DesignModel> designs = first.select(DesignCatalog.of(first.parameters()));
    Map<String, List<String>> out = new HashMap<>();
    for (StudyScenario sc : plan) {
      List<DesignModel> common = designs.stream().filter(d -> isShared(sc.name(), d.id())).toList();
      if (common.isEmpty()) {
        continue;
      }
      StudyRunner.ScenarioResult r = StudyRunner.runScenario(sc, common, threads, progress);
      for (DesignModel d : common) {
        out.put(key(sc.name(), d.id()), rows(r, d));
      }
    }
    shared = out;
    return out;
  }

  /** Uses rows computed elsewhere (by {@link #computeShared} on another machine, say the Spark driver). */
  public void useShared(Map<String, List<String>> rows) {
    shared = Map.copyOf(rows);
  }

  /**
   * Point {@code p}'s lines of {@code sweep.csv}, in scenario, design, metric, statistic order:
   * the shared rows as they are, the rest run now on {@code threads} threads.
   */
  public List<String> pointLines(SweepSpec.Point p, int threads) {
    if (shared == null) {
      throw new IllegalStateException("computeShared or useShared first");
    }
    StudyConfig config = spec.configOf(p);
    StudyParameters params = config.parameters();
    List<DesignModel> designs = config.select(DesignCatalog.of(params));
    String prefix = SweepRow.prefix(p.index(), List.copyOf(p.values().values()));
    List<String> lines = new ArrayList<>();
    for (StudyScenario base : plan) {
      StudyScenario sc = varyingScenarios.contains(base.name()) ? StudyScenario.model(base.name(), config, params.models()) : base;
      List<DesignModel> fresh = designs.stream().filter(d -> !isShared(sc.name(), d.id())).toList();
      StudyRunner.ScenarioResult r = fresh.isEmpty() ? null : StudyRunner.runScenario(sc, fresh, threads, Progress.none());
      for (DesignModel d : designs) {
        List<String> rows = isShared(sc.name(), d.id()) ? shared.get(key(sc.name(), d.id())) : rows(r, d);
        for (String row : rows) {
          lines.add(prefix + row);
        }
      }
    }
    return lines;
  }

  private static String key(String scenario, String design) {
    return scenario + "\u0000" + design;
  }

  /**
   * A design's rows on a scenario: each metric's headline statistic (mean, p95 or share of paths,
   * as the report's), and its mean beside a p95.
   */
  static List<String> rows(StudyRunner.ScenarioResult r, DesignModel d) {
    List<String> out = new ArrayList<>();
    String scenario = r.scenario().name();
    for (MetricSpec m : d.metrics()) {
      Sample s = r.summary().metric(m.name());
      String role = SweepRow.role(d.id(), m.name());
      if (m.headline() != MetricSpec.Headline.MEAN) {
        Estimate e = StudyReport.headline(s, m.headline());
        String stat = m.headline() == MetricSpec.Headline.P95 ? "p95" : "share";
        out.add(new SweepRow(0, List.of(), scenario, d.id(), role, m.name(), stat, e).metricCsv());
      }
      if (m.headline() != MetricSpec.Headline.SHARE) {
        out.add(new SweepRow(0, List.of(), scenario, d.id(), role, m.name(), "mean", s.mean()).metricCsv());
      }
    }
    // The post's drift, as the answer judges it: the annual deviation's mean and standard deviation across paths and
    // year windows (a figure of the whole run, not of one metric), on scenarios whose paths hold a whole year.
    if (r.summary().names().contains(d.id() + Claims.YEAR_WINDOWS)) {
      WindowDrift.Result drift = Claims.annualDrift(r.summary(), d.id());
      if (drift.windows() > 0) {
        String metric = d.id() + ANNUAL_DEVIATION;
        String role = SweepRow.role(d.id(), metric);
        out.add(new SweepRow(0, List.of(), scenario, d.id(), role, metric, "mean", drift.mean()).metricCsv());
        out.add(new SweepRow(0, List.of(), scenario, d.id(), role, metric, "sd", drift.standardDeviation()).metricCsv());
      }
    }
    return out;
  }

  /** The rows' name for the post's annual deviation of a wrapper, 100 ln(V_end / V_start) per year window. */
  public static final String ANNUAL_DEVIATION = ".annual_deviation_pct";

  /**
   * The scenarios that have paths: a history with no crash window plans its crash-window scenario
   * with none ("none found by the rule"), which has no rows in a sweep. A sweep left with nothing
   * to run is refused, as the study refuses it.
   */
  private static List<StudyScenario> withPaths(List<StudyScenario> plan) {
    List<StudyScenario> kept = plan.stream().filter(sc -> sc.paths() > 0).toList();
    if (kept.isEmpty()) {
      throw new noliq.math.RuleViolation("scenarios", "nothing to run: no scenario of the sweep has a path");
    }
    return kept;
  }
}
