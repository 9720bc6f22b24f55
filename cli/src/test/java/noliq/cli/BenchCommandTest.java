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

  @Test
  void studyKernelRatesEveryDefaultDesignByFamily() throws Exception {
    assertThat(run("bench", "--kernel", "study", "--paths", "1", "--days", "1", "--json")).isZero();
    JsonNode json = Output.JSON.readTree(out.toString());
    assertThat(json.get("kernel").asText()).isEqualTo("study");
    assertThat(json.get("steps").asInt()).isEqualTo(24);
    java.util.List<String> families = new java.util.ArrayList<>();
    json.get("families").forEach(f -> families.add(f.get("family").asText()));
    assertThat(families).contains("aave", "maker", "liquity", "wrapper", "agent", "n-holder");
    int designs = 0;
    for (JsonNode f : json.get("families")) {
      designs += f.get("designs").asInt();
      assertThat(f.get("design_path_steps_per_sec").asDouble()).isPositive();
    }
    assertThat(json.get("designs").size()).isEqualTo(designs).isEqualTo(noliq.lab.study.DesignCatalog.defaults().size());
  }

  @Test
  void studyKernelRefusesTooManyPathsNamingTheOption() {
    assertThat(run("bench", "--kernel", "study", "--paths", "5000")).isEqualTo(2);
    assertThat(err.toString()).contains("noliq: --paths: must be between 1 and 4096 (was 5000)");
  }

  /** The study kernel runs each design on one thread over --days: the kernel's --threads and --steps are refused, not ignored. */
  @Test
  void studyKernelRefusesTheKernelsThreadsAndSteps() {
    for (String[] given : new String[][] {{"--threads", "0"}, {"--threads", "2"}, {"--steps", "720"}}) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertThat(run("bench", "--kernel", "study", "--paths", "1", given[0], given[1])).as(given[0]).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo("noliq: " + given[0]
          + ": applies to --kernel kernel only (the study kernel runs each design on one thread, over --days)");
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void studyKernelRunsACrashsBridgesAtFiveMinuteSteps() throws Exception {
    assertThat(run("bench", "--kernel", "study", "--scenario", "mar-2020", "--paths", "1", "--json")).isZero();
    JsonNode json = Output.JSON.readTree(out.toString());
    assertThat(json.get("scenario").asText()).isEqualTo("mar-2020");
    // The bridge spans the crash's window at 5-minute steps, not --days of hours (30 days: 720).
    int steps = json.get("steps").asInt();
    assertThat(steps).isNotEqualTo(720);
    noliq.lab.scenarios.CrashEvent march = noliq.lab.scenarios.CrashEvents.byId("mar-2020");
    long minutes = java.time.Duration.between(march.open().time(), march.close().time()).toMinutes();
    assertThat((long) steps).isBetween(minutes / 5 - 1, minutes / 5 + 1);
    for (JsonNode d : json.get("designs")) {
      assertThat(d.get("design_path_steps_per_sec").asDouble()).isPositive();
    }
  }

  @Test
  void studyKernelRefusesAnUnknownScenarioNamingTheOptionAndTheChoices() {
    assertThat(run("bench", "--kernel", "study", "--scenario", "history", "--paths", "1")).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("noliq: --scenario: must be one of default, garch-t, gbm, merton, mar-2020")
        .endsWith("(was history)").doesNotContain("\n");
    assertThat(out.toString()).isEmpty();
  }
}
