package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.StudyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

class StudyCommandTest {
  @TempDir Path tmp;

  @Test
  void simulateRunsRealDesignsEndToEnd() throws Exception {
    Path config = tmp.resolve("study.json");
    Files.writeString(config, "{\"scenarios\": [\"gbm\"], \"paths\": 4, \"horizonDays\": 14, "
        + "\"designs\": [\"aave\", \"wrapper.kyrrui-tracker.auction\"], \"seed\": 3}");
    CliTest.Run r = CliTest.run("simulate", "--config", config.toString(), "--out", tmp.resolve("r").toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    var summary = Output.JSON.readTree(Files.readString(tmp.resolve("r").resolve("summary.json")));
    assertThat(summary.at("/headline/aave.liquidated_usd/n").asInt()).isEqualTo(4);
    assertThat(summary.at("/headline/wrapper.kyrrui-tracker.auction.forced_sales_usd/value").asDouble()).isZero();
    assertThat(summary.at("/inputs/designs").toString()).isEqualTo("[\"aave\",\"wrapper.kyrrui-tracker.auction\"]");
    assertThat(Output.JSON.readTree(r.out())).isEqualTo(summary);
  }

  @Test
  void compareRefusesBadOptionsNamingThem() {
    CliTest.Run paths = CliTest.run("compare", "--paths", "0");
    assertThat(paths.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(paths.err()).startsWith("noliq: --paths: must be between 1 and");
    CliTest.Run both = CliTest.run("compare", "--data", tmp.toString(), "--prices", tmp.resolve("x.csv").toString());
    assertThat(both.err()).startsWith("noliq: --data: give either --data or --prices, not both");
    CliTest.Run noData = CliTest.run("compare", "--data", tmp.toString());
    assertThat(noData.err()).startsWith("noliq: --data: " + tmp + " holds no eth_usdt_1h.csv (as shared/data) nor eth_usdt_1h_2017-2025.csv");
    assertThat(CliTest.run("compare", "--help").out()).contains("--quick").contains("--prices=FILE").contains("--threads=T");
  }

  @Test
  void simulateRefusesBadConfigsNamingTheField() throws Exception {
    CliTest.Run missing = CliTest.run("simulate", "--config", tmp.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).startsWith("noliq: --config: no such file");
    Path unknownKey = tmp.resolve("a.json");
    Files.writeString(unknownKey, "{\"scenarios\": [\"gbm\"], \"horizon\": 30}");
    assertThat(CliTest.run("simulate", "--config", unknownKey.toString()).err()).startsWith("noliq: horizon: unknown key in ");
    Path unknownScenario = tmp.resolve("b.json");
    Files.writeString(unknownScenario, "{\"scenarios\": [\"gbm\", \"ftx-2022\"]}");
    assertThat(CliTest.run("simulate", "--config", unknownScenario.toString()).err())
        .startsWith("noliq: scenarios[1]: unknown scenario 'ftx-2022' (known: ");
    Path ok = tmp.resolve("c.json");
    Files.writeString(ok, "{\"scenarios\": [\"gbm\"], \"paths\": 10}");
    Files.writeString(ok, "{\"scenarios\": [\"gbm\"], \"paths\": 10, \"designs\": [\"frobnicate\"]}");
    CliTest.Run unknownDesign = CliTest.run("simulate", "--config", ok.toString(), "--out", tmp.resolve("r").toString());
    assertThat(unknownDesign.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknownDesign.err()).startsWith("noliq: designs[0]: unknown design 'frobnicate' (known: aave, maker, liquity, ");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  /** The study execution behind compare and simulate, with a toy catalog. */
  @Command(name = "toy")
  static final class ToyStudy implements Runnable {
    @Spec CommandSpec spec;
    @Mixin Output output;
    @Mixin Quiet quiet;

    @Option(names = "--out")
    Path out;

    @Override
    public void run() {
      StudyConfig config = new StudyConfig("toy", List.of("gbm", "jun-2026"), 300, 20, 5, 2500.0, 4L, 2, List.of(), null, 1);
      StudyExecution.run(spec, output, quiet, "toy", config, out, List.of(new Toy()));
    }
  }

  /** The price's lowest low over its open, and a fixed 1.25 %/yr roll cost. */
  static final class Toy implements DesignModel {
    @Override
    public String id() {
      return "wrapper.toy.auction";
    }

    @Override
    public String description() {
      return "toy";
    }

    @Override
    public List<MetricSpec> metrics() {
      return List.of(
          new MetricSpec("wrapper.toy.auction.tracking_error_pct", "%/yr", "lowest low over the open", MetricSpec.Headline.MEAN),
          new MetricSpec("wrapper.toy.auction.roll_cost_pct_per_year", "%/yr", "roll cost", MetricSpec.Headline.MEAN));
    }

    @Override
    public Run newRun() {
      return (path, rng, trace, out, offset) -> {
        out[offset] = 100 * path.minimum() / path.price(0);
        out[offset + 1] = 1.25;
      };
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ToyStudy());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute(args)).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void aStudyWritesItsReportAndPrintsTheTableOrTheSummaryJson() throws Exception {
    String[] human = run("--out", tmp.resolve("h").toString());
    // five days hold no year: the terminal gives the answer table and no per-year verdict
    assertThat(human[0]).contains("Who bears what on gbm (300 paths").doesNotContain("under 2%/yr")
        .contains("report: " + tmp.resolve("h").resolve("index.html"));
    assertThat(human[1]).contains("noliq toy: 2 scenarios in ");
    String[] json = run("--out", tmp.resolve("j").toString(), "--json");
    assertThat(json[0].strip()).isEqualTo(Files.readString(tmp.resolve("j").resolve("summary.json")).strip());
    assertThat(Files.readString(tmp.resolve("h").resolve("summary.json"))).isEqualTo(Files.readString(tmp.resolve("j").resolve("summary.json")));
  }

  @Test
  void compareIsNarrowedByDesignsAndScenariosAndRefusesUnknownOnes() {
    CliTest.Run scenario = CliTest.run("compare", "--scenarios", "gbm,ftx-2022", "--out", tmp.resolve("r").toString());
    assertThat(scenario.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(scenario.err()).startsWith("noliq: --scenarios: unknown scenario 'ftx-2022' (known: default, garch-t, gbm, merton, ")
        .hasLineCount(1);
    CliTest.Run design = CliTest.run("compare", "--designs", "aave,compound", "--out", tmp.resolve("r").toString());
    assertThat(design.err()).startsWith("noliq: --designs: unknown design 'compound' (known: aave, maker, liquity, ").hasLineCount(1);
    CliTest.Run empty = CliTest.run("compare", "--designs", "aave,,maker", "--out", tmp.resolve("r").toString());
    assertThat(empty.err().strip()).isEqualTo("noliq: --designs: has an empty entry; separate names with single commas");
    assertThat(tmp.resolve("r")).doesNotExist();
    // Narrowed to the real history alone, compare runs the shipped hourly bars (no --prices or --data needed).
    CliTest.Run history = CliTest.run("compare", "--scenarios", "history", "--designs", "aave", "--quiet", "--out",
        tmp.resolve("h").toString());
    assertThat(history.exit()).as(history.err()).isEqualTo(Main.OK);
    assertThat(tmp.resolve("h").resolve("index.html")).isRegularFile();
  }

  @Test
  void compareOnACalmMonthWritesAReportSayingNoCrashWindowWasFound() throws Exception {
    Path calm = tmp.resolve("calm.csv");
    Files.writeString(calm, TestPrices.calm(24 * 30));
    Path out = tmp.resolve("calm-report");
    CliTest.Run r = CliTest.run("compare", "--prices", calm.toString(), "--out", out.toString(), "--quick", "--paths", "2",
        "--designs", "aave,wrapper.kyrrui-tracker.auction", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("history-crashes: no crash window: none found by the rule in calm.csv")
        .contains("report: " + out.resolve("index.html"));
    var summary = Output.JSON.readTree(Files.readString(out.resolve("summary.json")));
    assertThat(summary.get("findings").toString()).contains("history-crashes: no crash window: none found by the rule");
    assertThat(summary.at("/inputs/designs").toString()).isEqualTo("[\"aave\",\"wrapper.kyrrui-tracker.auction\"]");
    assertThat(summary.at("/inputs/scenarios").toString()).contains("history: history, n=1").contains("default: model, n=2")
        .doesNotContain("history-crashes: ");
    assertThat(Files.readString(out.resolve("index.html"))).contains("none found by the rule");
  }

  @Test
  void aStudyThatCannotFitInTheHeapIsRefusedBeforeItRuns() {
    StudyConfig config = new StudyConfig("big", List.of("gbm"), 10_000_000, 10, 1, 2500.0, 1L, 1, List.of(), null, 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudyExecution.checkMemory(config, List.of(new Toy()), 256L << 20))
        .isInstanceOf(noliq.math.RuleViolation.class)
        .hasMessage("paths: 10,000,000 paths x 2 metrics keep 152 MB, more than half this JVM's heap (256 MB); give fewer "
            + "paths or designs, or more heap (JAVA_OPTS=-Xmx8g)");
    StudyExecution.checkMemory(config, List.of(new Toy()), 1L << 30);
  }
}
