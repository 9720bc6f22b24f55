package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The options the CLI starts the Spark JVM with are Spark's own list (spark-launcher's JavaModuleOptions). */
class SparkJvmOptionsTest {
  @Test
  void theCliStartsSparkWithSparksOwnModuleOptions() {
    assertThat(SweepCommand.SPARK_JVM_OPTIONS).containsExactlyElementsOf(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
  }
}
