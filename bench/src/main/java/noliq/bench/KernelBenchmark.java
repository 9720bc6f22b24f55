package noliq.bench;

import java.util.concurrent.TimeUnit;
import noliq.lab.bench.BenchKernel;
import noliq.lab.bench.KernelConfig;
import noliq.lab.bench.KernelResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark kernel of {@code shared/bench/kernel-spec.md} (one year of hourly steps) on 1000
 * paths. Path-steps per second = 1000 * 8760 / (seconds per operation).
 * Run: {@code java -jar bench/target/noliq-bench.jar KernelBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelBenchmark {
  @Param({"1", "2"})
  public int threads;

  @Benchmark
  public KernelResult oneYearThousandPaths() {
    return BenchKernel.run(new KernelConfig(1_000, KernelConfig.DEFAULT_STEPS, 1L, threads));
  }
}
