package noliq.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.PricePath;
import noliq.lab.scenarios.Scenarios;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import noliq.lab.study.options.OptionsDesigns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The options side of the study: one year of hourly GBM (80% vol) through every default options
 * design ({@link OptionsDesigns#defaults()}: 15 vaults, the agent, the N holder, the corruption cost).
 * Run: {@code java -jar bench/target/noliq-bench.jar OptionsStudyBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptionsStudyBenchmark {
  private PricePath path;
  private List<DesignModel> designs;
  private double[] out;

  @Setup
  public void setUp() {
    path = Scenarios.scenario("gbm", 3000, 365 * 24, Instant.parse("2026-01-01T00:00:00Z")).path(PathRandom.forPath(1, 0));
    designs = OptionsDesigns.defaults();
    out = new double[designs.stream().mapToInt(d -> d.metrics().size()).sum()];
  }

  @Benchmark
  public double[] oneYearHourlyPathThroughEveryOptionsDesign() {
    int offset = 0;
    for (DesignModel d : designs) {
      d.newRun().simulate(path, PathRandom.forPath(1, 0), Trace.NONE, out, offset);
      offset += d.metrics().size();
    }
    return out;
  }
}
