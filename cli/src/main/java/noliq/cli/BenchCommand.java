package noliq.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.bench.BenchKernel;
import noliq.lab.bench.KernelConfig;
import noliq.lab.bench.KernelResult;
import noliq.lab.engine.Parallel;
import noliq.lab.engine.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Run the benchmark kernel of shared/bench/kernel-spec.md:",
        "a rolled P wrapper and a CDP book on GBM paths (x0 2500, vol 80%%, hourly steps).",
        "Prints its statistics and path-steps per second.",
        "The statistics depend on the paths, steps and seed only, never on the thread count."
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin Output output;

  @Option(names = "--paths", defaultValue = "" + KernelConfig.DEFAULT_PATHS, paramLabel = "P", description = "Monte Carlo paths (default: ${DEFAULT-VALUE}).")
  int paths;

  @Option(names = "--steps", defaultValue = "" + KernelConfig.DEFAULT_STEPS, paramLabel = "T", description = "Hourly steps per path (default: ${DEFAULT-VALUE}, one year).")
  int steps;

  @Option(names = "--seed", defaultValue = "" + KernelConfig.DEFAULT_SEED, paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Threads (default: one per core).")
  Integer threads;

  @Override
  public void run() {
    KernelConfig config = new KernelConfig(paths, steps, seed, threads == null ? Parallel.defaultThreads() : threads);
    // The bar (on stderr, only if the run takes over a second) never touches the JSON on stdout.
    KernelResult r = BenchKernel.run(config, Progress.bar("bench", System.err));
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
