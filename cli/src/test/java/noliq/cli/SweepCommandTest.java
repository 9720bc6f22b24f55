package noliq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
  @TempDir Path tmp;

  private Path config(String json) throws Exception {
    Path f = tmp.resolve("sweep-" + Integer.toHexString(json.hashCode()) + ".json");
    Files.writeString(f, json);
    return f;
  }

  static final String STUDY = "\"scenarios\": [\"gbm\"], \"paths\": 4, \"horizonDays\": 14, \"seed\": 3, "
      + "\"designs\": [\"wrapper.kyrrui-tracker.auction\", \"aave\"]";

  @Test
  void aDryRunPrintsThePointsAndWhatTheyShareAndRunsNothing() throws Exception {
    Path c = config("{" + STUDY + ", \"grid\": {\"makerMinEdgeBps\": [5, 50], \"population.positions\": [100, 300]}}");
    CliTest.Run r = CliTest.run("sweep", "--config", c.toString(), "--out", tmp.resolve("o").toString(), "--dry-run");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("point\tmakerMinEdgeBps\tpopulation.positions\n1\t5\t100\n2\t5\t300\n3\t50\t100\n4\t50\t300\n")
        .contains("4 points; each runs 2 (scenario, design) pairs afresh and shares 0 run once for all");
    assertThat(tmp.resolve("o")).doesNotExist();
    CliTest.Run json = CliTest.run("sweep", "--config", c.toString(), "--dry-run", "--json");
    assertThat(Output.JSON.readTree(json.out()).at("/points").asInt()).isEqualTo(4);
  }

  @Test
  void aSweepRunsWritesItsFilesAndAnOverrideReachesTheReport() throws Exception {
    Path c = config("{" + STUDY + ", \"grid\": {\"makerMinEdgeBps\": [5, 50]}}");
    Path out = tmp.resolve("s");
    CliTest.Run r = CliTest.run("sweep", "--config", c.toString(), "--out", out.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("sweep: point 2 done: 2 of 2 done, 0 left, ETA ");
    assertThat(Output.JSON.readTree(r.out()).at("/rows").asLong()).isEqualTo(Files.readAllLines(out.resolve("sweep.csv")).size() - 1);
    assertThat(out.resolve("tornado-roll-cost-wrapper-kyrrui-tracker-auction.png")).exists();
    // simulate with the same assumption: the report's table marks it beside its default.
    Path s = config("{" + STUDY + ", \"assumptions\": {\"makerMinEdgeBps\": 50}}");
    CliTest.Run sim = CliTest.run("simulate", "--config", s.toString(), "--out", tmp.resolve("r").toString());
    assertThat(sim.exit()).as(sim.err()).isZero();
    assertThat(Files.readString(tmp.resolve("r").resolve("assumptions.csv"))).contains("makerMinEdgeBps,\"50 (overridden; default 10)\",10,yes,bps");
  }

  @Test
  void aBadGridOrOptionIsExitTwoWithOneLineNamingIt() throws Exception {
    CliTest.Run r = CliTest.run("sweep", "--config", config("{" + STUDY + ", \"grid\": {\"poolDepth\": [1e6]}}").toString(), "--dry-run");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("noliq: grid.poolDepth: unknown assumption 'poolDepth' (known: ").doesNotContain("\n");
    CliTest.Run m = CliTest.run("sweep", "--config", config("{" + STUDY + ", \"grid\": {\"makerCount\": [2]}}").toString(),
        "--master", "spark://x:7077");
    assertThat(m.exit()).isEqualTo(2);
    assertThat(m.err()).contains("--master: only applies with --engine spark");
    // A device or a directory as the config is refused before it is read (an unbounded read would run out of memory).
    for (String notAFile : new String[] {"/dev/zero", tmp.toString()}) {
      CliTest.Run dev = CliTest.run("sweep", "--config", notAFile, "--dry-run");
      assertThat(dev.exit()).as(notAFile).isEqualTo(2);
      assertThat(dev.err().strip()).startsWith("noliq: --config: " + notAFile + " is not a regular file").doesNotContain("\n");
    }
    CliTest.Run simulate = CliTest.run("simulate", "--config", config("{" + STUDY + ", \"assumptions\": {\"makerVol\": 50}}").toString());
    assertThat(simulate.exit()).isEqualTo(2);
    assertThat(simulate.err()).contains("assumptions.makerVol: must be between 0.05 and 5 per year (was 50)");
    CliTest.Run list = CliTest.run("sweep", "--list-assumptions");
    assertThat(list.out()).contains("ammPoolDepthUsd").contains("gbmVolatility").contains("population.positions");
  }
}
