package noliq.lab.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import noliq.lab.engine.MonteCarlo;
import noliq.lab.engine.MonteCarloConfig;
import noliq.lab.engine.Parallel;
import noliq.lab.engine.PathRandom;
import noliq.lab.engine.PathSimulator;
import noliq.lab.engine.Progress;
import noliq.lab.engine.RunSummary;
import noliq.lab.scenarios.PricePath;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs a study: for each scenario one Monte Carlo run in which every path is drawn from the
 * scenario with the path's own stream (stream 0) and handed to every design in catalog order, each
 * writing its metrics at a fixed offset. Each design draws its own randomness from its own stream
 * of the path ({@link #streamOf}, fixed by its {@link DesignModel#randomStream()}, its id unless it shares
 * one on purpose), so a design's figures do not depend on which
 * other designs run beside it, nor on the thread count. The first {@code charted} paths of each
 * scenario are traced for the charts.
 */
public final class StudyRunner {
  private StudyRunner() {}

  /** The price path and each design's trace of one charted path. */
  public record ChartedPath(long path, PricePath prices, List<RecordingTrace> traces) {}

  /** One scenario's results. */
  public record ScenarioResult(StudyScenario scenario, RunSummary summary, List<ChartedPath> charted, Fan fan) {
    public ScenarioResult(StudyScenario scenario, RunSummary summary, List<ChartedPath> charted) {
      this(scenario, summary, charted, null);
    }
  }

  /** Points of every path kept for the fan chart (evenly spaced steps, the last included). */
  public static final int FAN_POINTS = 200;

  /**
   * Every path's price at {@link #FAN_POINTS} evenly spaced steps, for the fan chart: {@code days[j]}
   * is step j's time from the start, {@code prices[p][j]} path p's price then (4 bytes each).
   */
  public record Fan(double[] days, float[][] prices) {}

  /**
   * A study's results: what ran and what came out; {@code withoutPaths} are the scenarios that had
   * nothing to run (a history with no crash window found by the rule), reported as such.
   */
  public record StudyResult(StudyConfig config, List<DesignModel> designs, List<ScenarioResult> scenarios,
      List<StudyScenario> withoutPaths) {
    public StudyResult {
      designs = List.copyOf(designs);
      scenarios = List.copyOf(scenarios);
      withoutPaths = List.copyOf(withoutPaths);
    }

    public StudyResult(StudyConfig config, List<DesignModel> designs, List<ScenarioResult> scenarios) {
      this(config, designs, scenarios, List.of());
    }
  }

  /** The path stream design {@code id} draws from: 1 + a fixed function of its id (0 is the price path's). */
  public static int streamOf(String id) {
    return 1 + (id.hashCode() & 0x3fffffff);
  }

  /**
   * Runs {@code config} with the designs it selects from {@code catalog}; {@code progress} gives
   * each scenario's progress reporter by scenario name.
   */
  public static StudyResult run(StudyConfig config, List<DesignModel> catalog, Function<String, Progress> progress) {
    List<DesignModel> designs = config.select(catalog);
    int threads = config.threads() == null ? Parallel.defaultThreads() : config.threads();
    List<ScenarioResult> results = new ArrayList<>();
    List<StudyScenario> withoutPaths = new ArrayList<>();
    for (StudyScenario sc : StudyScenario.plan(config)) {
      if (sc.paths() == 0) {
        withoutPaths.add(sc);
        continue;
      }
      results.add(runScenario(sc, designs, threads, progress.apply(sc.name())));
    }
    if (results.isEmpty()) {
      throw new RuleViolation("scenarios", "nothing to run: " + withoutPaths.stream()
          .map(sc -> sc.name() + ": " + sc.description()).collect(java.util.stream.Collectors.joining("; ")));
    }
    return new StudyResult(config, designs, results, withoutPaths);
  }

  /**
   * One scenario with {@code designs}, on {@code threads} threads. A design's figures depend only on
   * the scenario and the design (its own stream of each path), so running a subset of designs gives
   * each the figures it has in the whole study: a sweep runs a design once when it is the same at every point.
   */
  public static ScenarioResult runScenario(StudyScenario sc, List<DesignModel> designs, int threads, Progress progress) {
    List<String> names = new ArrayList<>();
    java.util.Set<String> mayBeAbsent = new java.util.HashSet<>();
    int[] offsets = new int[designs.size()];
    int[] streams = new int[designs.size()];
    for (int d = 0; d < designs.size(); d++) {
      DesignModel design = designs.get(d);
      offsets[d] = names.size();
      streams[d] = streamOf(design.randomStream());
      List<MetricSpec> metrics = design.metrics();
      if (metrics.isEmpty()) {
        throw new RuleViolation("designs", "design '" + design.id() + "' reports no metrics");
      }
      metrics.forEach(m -> names.add(m.name()));
      metrics.stream().filter(MetricSpec::mayBeAbsent).forEach(m -> mayBeAbsent.add(m.name()));
    }
    Map<Long, ChartedPath> charted = new ConcurrentHashMap<>();
    float[][] fanPrices = new float[sc.paths()][];
    double[][] fanDays = new double[1][];
    Supplier<PathSimulator> simulators = () -> {
      DesignModel.Run[] runs = designs.stream().map(DesignModel::newRun).toArray(DesignModel.Run[]::new);
      return (p, rng, out) -> {
        PricePath path = sc.source().path(p, rng);
        int points = Math.min(FAN_POINTS, path.size());
        float[] fp = new float[points];
        double[] days = new double[points];
        for (int j = 0; j < points; j++) {
          int step = points == 1 ? 0 : (int) ((long) j * (path.size() - 1) / (points - 1));
          fp[j] = (float) path.price(step);
          days[j] = (path.time(step).toEpochMilli() - path.time(0).toEpochMilli()) / 86_400_000.0;
        }
        fanPrices[(int) p] = fp;
        if (p == 0) {
          fanDays[0] = days;
        }
        boolean traced = p < sc.charted();
        List<RecordingTrace> traces = new ArrayList<>();
        for (int d = 0; d < runs.length; d++) {
          UniformRandomProvider designRng = PathRandom.forPath(sc.seed(), p, streams[d]);
          Trace trace = Trace.NONE;
          if (traced) {
            RecordingTrace recording = new RecordingTrace();
            traces.add(recording);
            trace = recording;
          }
          runs[d].simulate(path, designRng, trace, out, offsets[d]);
        }
        if (traced) {
          charted.put(p, new ChartedPath(p, path, traces));
        }
      };
    };
    RunSummary summary = MonteCarlo.run(new MonteCarloConfig(sc.paths(), sc.seed(), threads), names, mayBeAbsent, simulators, progress);
    return new ScenarioResult(sc, summary, List.copyOf(new TreeMap<>(charted).values()), new Fan(fanDays[0], fanPrices));
  }
}
