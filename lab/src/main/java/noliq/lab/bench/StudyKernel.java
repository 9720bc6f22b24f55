package noliq.lab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.PricePath;
import noliq.lab.scenarios.Scenarios;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.DesignModel;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyRunner;
import noliq.lab.study.StudyScenario;
import noliq.lab.study.Trace;
import noliq.math.RuleViolation;

/**
 * The study kernel: every design of the default study on the same {@code paths} paths of one
 * scenario (the default, fitted GARCH-t, unless named), one design at a time on one thread, so each design's time is
 * its own. Reports design-path-steps a second per design and per family (the id up to its first
 * dot: {@code aave}, {@code wrapper}, {@code agent}...), so a regression shows where it happened.
 * The paths are drawn once, before any clock starts; each design first runs a warm-up path untimed.
 */
public final class StudyKernel {
  /** Most paths a run may take (the paths are held in memory: 8 bytes a step, two series). */
  public static final int MAX_PATHS = 4096;

  private StudyKernel() {}

  /**
   * One design's rate, by the wall clock and by its thread's CPU time (on a shared machine the wall
   * clock also counts the time other processes held the core; the CPU time does not).
   */
  public record DesignRate(String design, String family, long pathSteps, double seconds, double cpuSeconds) {
    public double pathStepsPerSec() {
      return pathSteps / seconds;
    }

    public double pathStepsPerCpuSec() {
      return pathSteps / cpuSeconds;
    }
  }

  /** A family's rate: its designs' path-steps over their summed time (wall and CPU). */
  public record FamilyRate(String family, int designs, long pathSteps, double seconds, double cpuSeconds) {
    public double pathStepsPerSec() {
      return pathSteps / seconds;
    }

    public double pathStepsPerCpuSec() {
      return pathSteps / cpuSeconds;
    }
  }

  /** What ran and how fast. */
  public record Result(int paths, int steps, long seed, List<DesignRate> designs, List<FamilyRate> families) {
    public double seconds() {
      return designs.stream().mapToDouble(DesignRate::seconds).sum();
    }

    public double cpuSeconds() {
      return designs.stream().mapToDouble(DesignRate::cpuSeconds).sum();
    }
  }

  /** The family of design {@code id}: its id up to the first dot. */
  public static String family(String id) {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /** The scenarios the kernel runs: the stochastic models and the anchored crashes' bridges. */
  public static List<String> scenarios() {
    List<String> out = new ArrayList<>(Scenarios.NAMES);
    CrashEvents.ALL.forEach(e -> out.add(e.id()));
    return List.copyOf(out);
  }

  /**
   * Runs every default design on {@code paths} paths of {@code scenario}: a stochastic model's paths of
   * {@code horizonDays} days, or a crash's bridges (5-minute steps over the crash's own window, where
   * half of the default study's time goes; {@code horizonDays} is then not used).
   */
  public static Result run(String scenario, int paths, int horizonDays, long seed) {
    if (scenario == null || !scenarios().contains(scenario)) {
      throw new RuleViolation("scenario", "must be one of " + String.join(", ", scenarios()) + " (was " + scenario + ")");
    }
    if (paths < 1 || paths > MAX_PATHS) {
      throw new RuleViolation("paths", "must be in [1, " + MAX_PATHS + "] (was " + paths + ")");
    }
    if (horizonDays < 1 || horizonDays > 3650) {
      throw new RuleViolation("days", "must be in [1, 3650] (was " + horizonDays + ")");
    }
    StudyConfig config = new StudyConfig(null, List.of(scenario), paths, paths, horizonDays, null, seed, 1, null, null, 0, null);
    StudyScenario planned = StudyScenario.plan(config).get(0);
    PricePath[] drawn = new PricePath[paths];
    for (int p = 0; p < paths; p++) {
      drawn[p] = planned.source().path(p, PathRandom.forPath(planned.seed(), p));
    }
    int steps = drawn[0].size() - 1;
    long pathSteps = 0;
    for (PricePath path : drawn) {
      pathSteps += path.size() - 1;
    }
    List<DesignRate> rates = new ArrayList<>();
    for (DesignModel design : DesignCatalog.of(config.parameters())) {
      int stream = StudyRunner.streamOf(design.id());
      double[] out = new double[design.metrics().size()];
      DesignModel.Run warmUp = design.newRun();
      warmUp.simulate(drawn[0], PathRandom.forPath(planned.seed(), 0, stream), Trace.NONE, out, 0);
      DesignModel.Run run = design.newRun();
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      for (int p = 0; p < paths; p++) {
        run.simulate(drawn[p], PathRandom.forPath(planned.seed(), p, stream), Trace.NONE, out, 0);
      }
      double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      long cpu = cpuNanos();
      double cpuSeconds = cpu < 0 || cpuStart < 0 ? seconds : Math.max(1e-9, (cpu - cpuStart) / 1e9);
      rates.add(new DesignRate(design.id(), family(design.id()), pathSteps, seconds, cpuSeconds));
    }
    Map<String, long[]> steps0 = new LinkedHashMap<>();
    Map<String, double[]> seconds0 = new LinkedHashMap<>();
    for (DesignRate r : rates) {
      steps0.computeIfAbsent(r.family(), f -> new long[2]);
      steps0.get(r.family())[0] += r.pathSteps();
      steps0.get(r.family())[1]++;
      double[] sec = seconds0.computeIfAbsent(r.family(), f -> new double[2]);
      sec[0] += r.seconds();
      sec[1] += r.cpuSeconds();
    }
    List<FamilyRate> families = new ArrayList<>();
    steps0.forEach((f, s) -> families.add(new FamilyRate(f, (int) s[1], s[0], seconds0.get(f)[0], seconds0.get(f)[1])));
    return new Result(paths, steps, seed, List.copyOf(rates), List.copyOf(families));
  }

  /** This thread's CPU time in nanoseconds, or -1 where the JVM does not measure it. */
  private static long cpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
  }
}
