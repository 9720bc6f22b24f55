package noliq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import noliq.lab.sweep.SweepOutput;
import noliq.lab.sweep.SweepRunner;
import noliq.lab.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep on the local engine and as Spark tasks on local[2]: the same sweep.csv, byte for byte. */
class SparkSweepTest {
  @TempDir Path tmp;

  static final String SWEEP = "{\"scenarios\": [\"gbm\"], \"paths\": 8, \"horizonDays\": 30, \"seed\": 5, "
      + "\"designs\": [\"wrapper.kyrrui-tracker.amm\", \"wrapper.kyrrui-tracker.auction\", \"aave\"], "
      + "\"grid\": {\"ammPoolDepthUsd\": [1e6, 1e8], \"makerMinEdgeBps\": [5, 80]}}";

  @Test
  void sparkOnTwoLocalWorkersWritesTheLocalEnginesSweepByteForByte() throws Exception {
    SweepSpec spec = SweepSpec.parse(SWEEP, "sweep");
    Path local = tmp.resolve("local");
    SweepRunner.run(spec, local, 2, SweepRunner.Listener.NONE);
    Path spark = tmp.resolve("spark");
    SweepOutput.Summary s = SparkSweep.run(SWEEP, "sweep", spark, "local[2]", true);
    assertThat(s.points()).isEqualTo(4);
    assertThat(Files.readAllBytes(spark.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
    assertThat(Files.readString(spark.resolve("regions.txt"))).isEqualTo(Files.readString(local.resolve("regions.txt")));
    for (int i = 1; i <= 4; i++) {
      assertThat(SweepRunner.pointFile(spark, i)).exists();
    }
    // A rerun resumes: every point is there, so no Spark job runs, and the files stay the same.
    SparkSweep.run(SWEEP, "sweep", spark, "local[2]", true);
    assertThat(Files.readAllBytes(spark.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(local.resolve("sweep.csv")));
  }
}
