package noliq.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.bench.BenchKernel;
import noliq.lab.bench.KernelConfig;
import noliq.lab.bench.KernelResult;
import noliq.lab.engine.Parallel;
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

  @Option(names = "--paths", defaultValue = "" + KernelConfig.DEFAULT_PATHS, paramLabel = "P",
      description = "Monte Carlo paths, 1 to " + MAX_PATHS + " (default: ${DEFAULT-VALUE}).")
  int paths;

  @Option(names = "--steps", defaultValue = "" + KernelConfig.DEFAULT_STEPS, paramLabel = "T",
      description = "Hourly steps per path, 1 to " + MAX_STEPS + " (default: ${DEFAULT-VALUE}, one year).")
  int steps;

  @Option(names = "--seed", defaultValue = "" + KernelConfig.DEFAULT_SEED, paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads, 1 to 1024 (default: one per core).")
  Integer threads;

  @Override
  public void run() {
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
}
