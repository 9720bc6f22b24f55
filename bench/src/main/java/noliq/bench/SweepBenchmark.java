package noliq.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import noliq.lab.engine.Progress;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyRunner;
import noliq.lab.sweep.SweepEngine;
import noliq.lab.sweep.SweepSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one sweep point costs against a fresh study of the same point: every design of the catalog
 * on 8 paths of a year of the fitted model, on one thread. With sharing, a point re-runs only the
 * designs the swept assumption reaches (a roll market's own term such as {@code ammPoolDepthUsd},
 * {@code auctionEdgePips}, {@code makerMinEdgeBps} or {@code patience}: the options designs that roll
 * by that mechanism; a makers' term such as {@code makerCount} or {@code makerHalfSpreadBps}: the
 * auction and book designs; {@code population.positions}: the debt books; {@code gbmVolatility} on
 * {@code gbm}: everything).
 * Run: {@code java -jar bench/target/noliq-bench.jar SweepBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SweepBenchmark {
  /** {@code name:v1;v2} (JMH's -p splits its values on commas). */
  @Param({"ammPoolDepthUsd:5e6;2e7", "auctionEdgePips:10000;30000", "patience:24;72", "makerMinEdgeBps:5;20",
      "makerCount:3;5", "makerHalfSpreadBps:5;20", "population.positions:1000;1500", "gbmVolatility:0.6;1.0"})
  public String swept;

  private SweepEngine engine;
  private SweepSpec.Point point;
  private StudyConfig config;

  @Setup
  public void setUp() {
    String name = swept.substring(0, swept.indexOf(':'));
    String scenario = name.startsWith("gbm") ? "gbm" : "default";
    SweepSpec spec = SweepSpec.parse("{\"scenarios\": [\"" + scenario + "\"], \"paths\": 8, \"horizonDays\": 365, \"seed\": 1, \"threads\": 1, "
        + "\"grid\": {\"" + name + "\": [" + swept.substring(swept.indexOf(':') + 1).replace(';', ',') + "]}}", "bench");
    engine = SweepEngine.of(spec);
    engine.computeShared(1, Progress.none());
    point = spec.points().get(1);
    config = spec.configOf(point);
  }

  @Benchmark
  public StudyRunner.StudyResult freshStudyOfThePoint() {
    return StudyRunner.run(config, DesignCatalog.of(config.parameters()), n -> Progress.none());
  }

  @Benchmark
  public List<String> sweepPointWithSharedDesigns() {
    return engine.pointLines(point, 1);
  }
}
