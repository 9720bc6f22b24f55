package noliq.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.bench.BenchKernel;
import noliq.lab.bench.KernelConfig;
import noliq.lab.bench.KernelResult;
import noliq.lab.bench.StudyKernel;
import noliq.lab.engine.Parallel;
import noliq.math.RuleViolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Run the benchmark kernel; prints path-steps per second.",
    description = "Runs the benchmark kernel of shared/bench/kernel-spec.md: a rolled P wrapper and a CDP book on GBM paths "
        + "(x0 2500, vol 80%%, hourly steps). Prints its statistics and path-steps per second. The statistics depend on "
        + "the paths, steps and seed only, never on the thread count.",
    footerHeading = "%nExamples:%n",
    footer = {"  noliq bench", "  noliq bench --paths 1000 --steps 720 --threads 1 --json"})
final class BenchCommand implements Runnable {
  /** At most a million paths: the kernel keeps three numbers per path. */
  static final int MAX_PATHS = 1_000_000;
  /** At most ten years of hourly steps. */
  static final int MAX_STEPS = 87_600;

  @Spec CommandSpec spec;
  @Mixin Output output;
  @Mixin Quiet quiet;

  /** Which benchmark: the kernel of kernel-spec.md, or the default study's designs on real protocol objects. */
  enum Kernel { kernel, study }

  @Option(names = "--kernel", paramLabel = "kernel|study", defaultValue = "kernel",
      description = "kernel: the kernel of kernel-spec.md; study: every design of the default study on the same --paths "
          + "default-scenario paths of --days days, one design at a time on one thread, design-path-steps per second "
          + "for each design and family (default: ${DEFAULT-VALUE}).")
  Kernel kernel;

  @Option(names = "--scenario", defaultValue = "default", paramLabel = "NAME", completionCandidates = StudyScenarios.class,
      description = "The study kernel's scenario, one of ${COMPLETION-CANDIDATES}: a model, or a crash's bridges "
          + "(5-minute steps over the crash; --days is then not used) (default: ${DEFAULT-VALUE}).")
  String scenario;

  /** The study kernel's scenarios, for the help text. */
  static final class StudyScenarios implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return StudyKernel.scenarios().iterator();
    }
  }

  @Option(names = "--days", defaultValue = "30", paramLabel = "D",
      description = "Days of hourly steps per path of the study kernel, 1 to 3650 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--paths", paramLabel = "P",
      description = "Monte Carlo paths, 1 to " + MAX_PATHS + " (default: " + KernelConfig.DEFAULT_PATHS + "; the study kernel: 1 to "
          + StudyKernel.MAX_PATHS + ", default " + STUDY_PATHS + ").")
  Integer pathsOption;

  /** Paths of the study kernel unless given: enough for a stable rate in about a minute on one core. */
  static final int STUDY_PATHS = 16;

  @Option(names = "--steps", defaultValue = "" + KernelConfig.DEFAULT_STEPS, paramLabel = "T",
      description = "Hourly steps per path, 1 to " + MAX_STEPS + " (default: ${DEFAULT-VALUE}, one year; --kernel kernel only).")
  int steps;

  @Option(names = "--seed", defaultValue = "" + KernelConfig.DEFAULT_SEED, paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 1024 (default: one per core; --kernel kernel only).")
  Integer threads;

  @Override
  public void run() {
    if (kernel == Kernel.study) {
      runStudy(pathsOption == null ? STUDY_PATHS : pathsOption);
      return;
    }
    int paths = pathsOption == null ? KernelConfig.DEFAULT_PATHS : pathsOption;
    Limits.between("--paths", paths, 1, MAX_PATHS);
    Limits.between("--steps", steps, 1, MAX_STEPS);
    if (threads != null) {
      Limits.between("--threads", threads, 1, 1024);
    }
    KernelConfig config = new KernelConfig(paths, steps, seed, threads == null ? Parallel.defaultThreads() : threads);
    KernelResult r = BenchKernel.run(config, quiet.progress("bench", System.err));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("paths", r.paths());
    result.put("steps", r.steps());
    result.put("seconds", r.seconds());
    result.put("path_steps_per_sec", r.pathStepsPerSec());
    result.put("wrapper_logdev_std", r.wrapperLogdevStd());
    result.put("rolls_per_year_mean", r.rollsPerYearMean());
    result.put("liq_mean_usd", r.liqMeanUsd());
    result.put("lar95_usd", r.lar95Usd());
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, m -> {
      out.printf("benchmark kernel: %,d paths x %,d steps, seed %d, %d thread(s)%n", r.paths(), r.steps(), seed, config.threads());
      out.printf("%-22s %16.3f%n", "seconds", r.seconds());
      out.printf("%-22s %16.4g%n", "path-steps per second", r.pathStepsPerSec());
      out.printf("%-22s %16.6f%n", "wrapper log-dev std", r.wrapperLogdevStd());
      out.printf("%-22s %16.4f%n", "rolls per year (mean)", r.rollsPerYearMean());
      out.printf("%-22s %16.2f%n", "liquidated USD (mean)", r.liqMeanUsd());
      out.printf("%-22s %16.2f%n", "LaR95 USD", r.lar95Usd());
    });
  }

  private void runStudy(int paths) {
    // The study kernel times each design alone on one thread, over --days: the kernel's own --threads and --steps
    // would be ignored, so they are refused rather than silently dropped.
    for (String kernelOnly : new String[] {"--threads", "--steps"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(kernelOnly)) {
        throw new RuleViolation(kernelOnly, "applies to --kernel kernel only (the study kernel runs each design on one thread, over --days)");
      }
    }
    Limits.between("--paths", paths, 1, StudyKernel.MAX_PATHS);
    Limits.between("--days", days, 1, 3650);
    StudyKernel.Result r = StudyKernel.run(scenario, paths, days, seed);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("kernel", "study");
    result.put("scenario", scenario);
    result.put("paths", r.paths());
    result.put("steps", r.steps());
    result.put("seed", r.seed());
    result.put("seconds", r.seconds());
    result.put("cpu_seconds", r.cpuSeconds());
    result.put("families", r.families().stream().map(f -> ordered("family", f.family(), "designs", f.designs(),
        "seconds", f.seconds(), "design_path_steps_per_sec", f.pathStepsPerSec(),
        "cpu_seconds", f.cpuSeconds(), "design_path_steps_per_cpu_sec", f.pathStepsPerCpuSec())).toList());
    result.put("designs", r.designs().stream().map(d -> ordered("design", d.design(), "family", d.family(),
        "seconds", d.seconds(), "design_path_steps_per_sec", d.pathStepsPerSec(),
        "cpu_seconds", d.cpuSeconds(), "design_path_steps_per_cpu_sec", d.pathStepsPerCpuSec())).toList());
    PrintWriter out = spec.commandLine().getOut();
    output.print(out, result, m -> {
      out.printf("study kernel: every default design on %,d %s paths x %,d steps, seed %d, 1 thread%n",
          r.paths(), scenario, r.steps(), r.seed());
      out.printf("%-44s %10s %18s %10s %18s%n", "family / design", "seconds", "path-steps/s", "cpu s", "path-steps/cpu-s");
      for (StudyKernel.FamilyRate f : r.families()) {
        out.printf("%-44s %10.3f %18.4g %10.3f %18.4g%n", f.family() + " (" + f.designs() + ")", f.seconds(),
            f.pathStepsPerSec(), f.cpuSeconds(), f.pathStepsPerCpuSec());
        r.designs().stream().filter(d -> d.family().equals(f.family())).forEach(d ->
            out.printf("  %-42s %10.3f %18.4g %10.3f %18.4g%n", d.design(), d.seconds(), d.pathStepsPerSec(),
                d.cpuSeconds(), d.pathStepsPerCpuSec()));
      }
      out.printf("%-44s %10.3f %18s %10.3f%n", "all designs", r.seconds(), "", r.cpuSeconds());
    });
  }

  /** A map in the order given (Map.of iterates in a per-JVM random order). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
