package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void printsTheSpecsJsonObject() throws Exception {
    assertThat(run("bench", "--paths", "64", "--steps", "500", "--seed", "3", "--threads", "2", "--json")).isZero();
    JsonNode json = Output.JSON.readTree(out.toString());
    assertThat(json.fieldNames()).toIterable().containsExactly(
        "paths", "steps", "seconds", "path_steps_per_sec", "wrapper_logdev_std",
        "rolls_per_year_mean", "liq_mean_usd", "lar95_usd");
    assertThat(json.get("paths").asInt()).isEqualTo(64);
    assertThat(json.get("steps").asInt()).isEqualTo(500);
    assertThat(json.get("path_steps_per_sec").asDouble()).isPositive();
  }

  @Test
  void humanOutputIsATable() {
    assertThat(run("bench", "--paths", "8", "--steps", "100")).isZero();
    assertThat(out.toString()).contains("path-steps per second", "LaR95 USD");
  }

  @Test
  void badInputExitsTwoNamingTheOption() {
    assertThat(run("bench", "--paths", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --paths: must be between 1 and 1000000 (was 0)");
  }
}
