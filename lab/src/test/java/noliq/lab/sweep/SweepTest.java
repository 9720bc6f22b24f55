package noliq.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import noliq.lab.engine.Progress;
import noliq.lab.study.DesignCatalog;
import noliq.lab.study.DesignModel;
import noliq.lab.study.StudyConfig;
import noliq.lab.study.StudyRunner;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path tmp;

  /** Small and quick: two wrappers and the Aave book on 8 GBM paths of 40 days. */
  static final String STUDY = "\"scenarios\": [\"gbm\"], \"paths\": 8, \"horizonDays\": 40, \"seed\": 11, "
      + "\"designs\": [\"wrapper.kyrrui-tracker.amm\", \"wrapper.kyrrui-tracker.auction\", \"aave\"]";

  static final String GRID = "{" + STUDY + ", \"grid\": {\"ammPoolDepthUsd\": [1e6, 1e8], \"makerMinEdgeBps\": [5, 20, 80]}}";

  @Test
  void aGridIsTheCartesianProductTheLastNameFastest() {
    SweepSpec s = SweepSpec.parse(GRID, "g");
    assertThat(s.names()).containsExactly("ammPoolDepthUsd", "makerMinEdgeBps");
    assertThat(s.points()).hasSize(6);
    assertThat(s.points().get(0).values()).containsExactly(Map.entry("ammPoolDepthUsd", 1e6), Map.entry("makerMinEdgeBps", 5.0));
    assertThat(s.points().get(1).values()).containsEntry("makerMinEdgeBps", 20.0).containsEntry("ammPoolDepthUsd", 1e6);
    assertThat(s.points().get(5).values()).containsEntry("makerMinEdgeBps", 80.0).containsEntry("ammPoolDepthUsd", 1e8);
    assertThat(s.configOf(s.points().get(4)).parameters().options().market().makerMinEdgeBps()).isEqualTo(20.0);
  }

  /** One sample in each of the N equal strata of every range; whole-number assumptions come out whole; the seed fixes them. */
  @Test
  void aLatinHypercubeHasOneSampleInEveryStratumOfEveryRange() {
    String json = "{" + STUDY + ", \"lhs\": {\"samples\": 20, \"seed\": 5, \"ranges\": {\"ammPoolDepthUsd\": [1e6, 3e7], "
        + "\"gbmVolatility\": [0.4, 1.2], \"makerCount\": [1, 8]}}}";
    SweepSpec s = SweepSpec.parse(json, "l");
    assertThat(s.points()).hasSize(20);
    for (String name : List.of("ammPoolDepthUsd", "gbmVolatility")) {
      double lo = name.equals("ammPoolDepthUsd") ? 1e6 : 0.4;
      double hi = name.equals("ammPoolDepthUsd") ? 3e7 : 1.2;
      boolean[] seen = new boolean[20];
      for (SweepSpec.Point p : s.points()) {
        int stratum = (int) Math.floor((p.values().get(name) - lo) / (hi - lo) * 20);
        assertThat(seen[stratum]).as(name + " stratum " + stratum).isFalse();
        seen[stratum] = true;
      }
    }
    assertThat(s.points()).allMatch(p -> p.values().get("makerCount") == Math.rint(p.values().get("makerCount"))
        && p.values().get("makerCount") >= 1 && p.values().get("makerCount") <= 8);
    assertThat(SweepSpec.parse(json, "again").points()).isEqualTo(s.points());
    assertThat(SweepSpec.parse(json.replace("\"seed\": 5", "\"seed\": 6"), "other").points()).isNotEqualTo(s.points());
  }

  @Test
  void aBadGridOrRangeIsRefusedNamingTheFieldAndTheRule() {
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + "}", "f")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("grid: a sweep needs exactly one of \"grid\"");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"makerCount\": [1]}, \"lhs\": {}}", "f"))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"poolDepth\": [1]}}", "f"))
        .hasMessageStartingWith("grid.poolDepth: unknown assumption 'poolDepth' (known: ").hasMessageContaining("ammPoolDepthUsd");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"makerCount\": []}}", "f"))
        .hasMessage("grid.makerCount: must be a non-empty list of numbers");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"makerCount\": [2, 2]}}", "f"))
        .hasMessage("grid.makerCount[1]: 2 is listed twice");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"makerCount\": [2, 500]}}", "f"))
        .hasMessage("grid.makerCount[1]: must be between 1 and 100 makers (was 500)");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"makerCount\": [2, \"x\"]}}", "f"))
        .hasMessage("grid.makerCount[1]: must be a number (was \"x\")");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"assumptions\": {\"makerCount\": 3}, \"grid\": {\"makerCount\": [2]}}", "f"))
        .hasMessageStartingWith("grid.makerCount: is also set in \"assumptions\"");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"population.bookDebtUsd\": [2e9, 1e6]}}", "f"))
        .hasMessageStartingWith("point 2.population.bookDebtUsd: refused with the other values: bookDebtUsd: must be finite");
    StringBuilder big = new StringBuilder("[");
    for (int i = 1; i <= 400; i++) {
      big.append(i == 1 ? "" : ",").append(1000 + i);
    }
    String list = big.append("]").toString();
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"grid\": {\"targetUsd\": " + list + ", \"nHolderUsd\": " + list + "}}", "f"))
        .hasMessageStartingWith("grid: the product of the lists has more than 100000 points");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"lhs\": {\"samples\": 0, \"ranges\": {\"makerCount\": [1, 5]}}}", "f"))
        .hasMessageStartingWith("lhs.samples: must be a whole number between 1 and 100000");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"lhs\": {\"samples\": 4, \"ranges\": {\"makerVol\": [0.9, 0.5]}}}", "f"))
        .hasMessage("lhs.ranges.makerVol: LOW must be below HIGH (was 0.9, 0.5)");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"lhs\": {\"samples\": 4, \"ranges\": {\"makerVol\": [0.5, 9]}}}", "f"))
        .hasMessage("lhs.ranges.makerVol[1]: must be between 0.05 and 5 per year (was 9)");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"lhs\": {\"samples\": 4, \"ranges\": {\"makerCount\": [1.2, 1.8]}}}", "f"))
        .hasMessage("lhs.ranges.makerCount: holds no whole number of makers");
    assertThatThrownBy(() -> SweepSpec.parse("{" + STUDY + ", \"lhs\": {\"samples\": 4, \"rangez\": {}}}", "f"))
        .hasMessage("lhs.rangez: unknown key (known: samples, ranges, seed)");
  }

  /**
   * Sharing changes nothing: a point's lines, with the designs no swept assumption reaches run once
   * for all points, are the lines of that point's own full study. And the figures move the way
   * they must: a deeper pool makes the AMM roll cheaper, a wider maker edge makes the auction
   * dearer, and neither touches the other mechanism or the Aave book.
   */
  @Test
  void aPointWithSharedDesignsIsItsOwnFullStudyAndTheFiguresMoveTheWayTheyMust() {
    SweepSpec s = SweepSpec.parse(GRID, "g");
    SweepEngine engine = SweepEngine.of(s);
    assertThat(engine.varyingDesigns()).containsExactlyInAnyOrder("wrapper.kyrrui-tracker.amm", "wrapper.kyrrui-tracker.auction");
    assertThat(engine.varyingScenarios()).isEmpty();
    engine.computeShared(2, Progress.none());
    double[][] amm = new double[2][3];
    double[][] auction = new double[2][3];
    String aave = null;
    for (SweepSpec.Point p : s.points()) {
      List<String> lines = engine.pointLines(p, 2);
      StudyConfig c = s.configOf(p);
      StudyRunner.StudyResult full = StudyRunner.run(c, DesignCatalog.of(c.parameters()), n -> Progress.none());
      List<String> expected = new ArrayList<>();
      for (StudyRunner.ScenarioResult r : full.scenarios()) {
        for (DesignModel d : full.designs()) {
          SweepEngine.rows(r, d).forEach(row -> expected.add(SweepRow.prefix(p.index(), List.copyOf(p.values().values())) + row));
        }
      }
      assertThat(lines).isEqualTo(expected);
      int i = p.values().get("ammPoolDepthUsd") == 1e6 ? 0 : 1;
      int j = List.of(5.0, 20.0, 80.0).indexOf(p.values().get("makerMinEdgeBps"));
      amm[i][j] = value(lines, "wrapper.kyrrui-tracker.amm.roll_cost_pct_per_year,mean");
      auction[i][j] = value(lines, "wrapper.kyrrui-tracker.auction.roll_cost_pct_per_year,mean");
      String aaveRows = String.join("\n", lines.stream().filter(l -> l.contains(",aave,")).map(l -> l.substring(l.indexOf(",gbm,"))).toList());
      assertThat(aave == null || aave.equals(aaveRows)).isTrue();
      aave = aaveRows;
    }
    for (int j = 0; j < 3; j++) {
      assertThat(amm[1][j]).as("deeper pool, cheaper AMM roll").isLessThan(amm[0][j]);
      assertThat(auction[1][j]).as("the pool does not reach the auction").isEqualTo(auction[0][j]);
    }
    for (int i = 0; i < 2; i++) {
      assertThat(auction[i][0]).isLessThan(auction[i][1]);
      assertThat(auction[i][1]).as("a wider maker edge, a dearer auction").isLessThan(auction[i][2]);
      assertThat(amm[i][0]).as("the maker edge does not reach the AMM").isEqualTo(amm[i][2]);
    }
  }

  /** The value column of the line of {@code key} ("metric,statistic"), after the point and its swept values. */
  private static double value(List<String> lines, String key) {
    String line = lines.stream().filter(l -> l.contains("," + key + ",")).findFirst().orElseThrow();
    List<String> f = SweepOutput.parse(line);
    int metric = f.indexOf(key.substring(0, key.indexOf(',')));
    return Double.parseDouble(f.get(metric + 2));
  }

  @Test
  void aSweptScenarioVolatilityChangesThatScenarioAloneAndMoreVolatilityTracksWorse() {
    SweepSpec s = SweepSpec.parse("{\"scenarios\": [\"gbm\", \"default\"], \"paths\": 8, \"horizonDays\": 40, \"seed\": 3, "
        + "\"designs\": [\"wrapper.kyrrui-tracker.amm\"], \"grid\": {\"gbmVolatility\": [0.3, 1.2]}}", "v");
    SweepEngine engine = SweepEngine.of(s);
    assertThat(engine.varyingScenarios()).containsExactly("gbm");
    assertThat(engine.varyingDesigns()).isEmpty();
    assertThat(engine.sharedAndFresh()).containsExactly(1, 1);
    engine.computeShared(2, Progress.none());
    List<String> low = engine.pointLines(s.points().get(0), 2);
    List<String> high = engine.pointLines(s.points().get(1), 2);
    assertThat(value(low.stream().filter(l -> l.contains(",gbm,")).toList(), "wrapper.kyrrui-tracker.amm.tracking_error_pct,mean"))
        .as("more volatility, a larger tracking error").isLessThan(value(high.stream().filter(l -> l.contains(",gbm,")).toList(), "wrapper.kyrrui-tracker.amm.tracking_error_pct,mean"));
    assertThat(low.stream().filter(l -> l.contains(",default,")).map(l -> l.substring(l.indexOf(",default,"))).toList())
        .isEqualTo(high.stream().filter(l -> l.contains(",default,")).map(l -> l.substring(l.indexOf(",default,"))).toList());
  }

  @Test
  void theOutputDirectoryOfAnotherSweepIsRefused() throws Exception {
    SweepSpec s = SweepSpec.parse(GRID, "g");
    SweepRunner.prepare(s, tmp);
    SweepSpec other = SweepSpec.parse(GRID.replace("[5, 20, 80]", "[5, 20]"), "g2");
    assertThatThrownBy(() -> SweepRunner.prepare(other, tmp)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("out: " + tmp + " holds the points of a different sweep");
    // The thread count is not part of a sweep's identity.
    SweepSpec threads = SweepSpec.parse(GRID.replace("\"seed\": 11", "\"seed\": 11, \"threads\": 1"), "g3");
    assertThat(SweepRunner.prepare(threads, tmp)).hasSize(6);
    assertThat(Files.readString(tmp.resolve(SweepRunner.MANIFEST))).contains("\"ammPoolDepthUsd\"");
  }

  /**
   * kill -9 midway, then the same command again: the resumed sweep skips the points already written
   * and its sweep.csv is byte for byte the uninterrupted one's. The sweep runs in a real child JVM,
   * killed with SIGKILL (Process.destroyForcibly) once at least two points are on disk.
   */
  @Test
  void aSweepKilledMidwayResumesToTheSameBytes() throws Exception {
    Path config = tmp.resolve("sweep.json");
    Files.writeString(config, GRID);
    SweepSpec s = SweepSpec.read(config);
    Path whole = tmp.resolve("whole");
    SweepRunner.run(s, whole, 2, SweepRunner.Listener.NONE);

    Path killed = tmp.resolve("killed");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), Child.class.getName(), config.toString(), killed.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int done = 0;
    while (System.nanoTime() < deadline && child.isAlive()) {
      done = count(killed);
      if (done >= 2) {
        break;
      }
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    child.waitFor(30, TimeUnit.SECONDS);
    int survived = count(killed);
    assertThat(survived).as("points on disk when killed (child log: %s)", tmp.resolve("child.log")).isBetween(2, 5);
    assertThat(killed.resolve("sweep.csv")).doesNotExist();

    int[] alreadyDone = {-1};
    SweepRunner.run(s, killed, 2, new SweepRunner.Listener() {
      @Override
      public void planned(int total, int already, int sharedRuns, int freshRuns) {
        alreadyDone[0] = already;
      }

      @Override
      public void pointDone(int index, int d, int total) {}
    });
    assertThat(alreadyDone[0]).isEqualTo(survived);
    assertThat(Files.readAllBytes(killed.resolve("sweep.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("sweep.csv")));
    assertThat(Files.readString(killed.resolve("regions.txt"))).isEqualTo(Files.readString(whole.resolve("regions.txt")));
    assertThat(Files.readAllLines(whole.resolve("sweep.csv")).get(0))
        .isEqualTo("point,ammPoolDepthUsd,makerMinEdgeBps,scenario,design,role,metric,statistic,value,ci_low,ci_high,n");
    assertThat(whole.resolve("tornado-roll-cost-wrapper-kyrrui-tracker-amm.png")).exists();
    assertThat(whole.resolve("heatmap-roll-cost-wrapper-kyrrui-tracker-amm.png")).exists();
    assertThat(Files.readString(whole.resolve("regions.txt"))).contains("roll cost under 2%/yr for wrapper.kyrrui-tracker.auction on gbm");
  }

  private static int count(Path out) throws Exception {
    Path points = out.resolve(SweepRunner.POINTS);
    if (!Files.isDirectory(points)) {
      return 0;
    }
    try (var files = Files.list(points)) {
      return (int) files.filter(f -> f.getFileName().toString().startsWith("point-")).count();
    }
  }

  /** The child JVM: the sweep on one thread, pausing after each point so that the parent can kill it between points or inside one. */
  public static final class Child {
    public static void main(String[] args) {
      SweepRunner.run(SweepSpec.read(Path.of(args[0])), Path.of(args[1]), 1, new SweepRunner.Listener() {
        @Override
        public void planned(int total, int alreadyDone, int sharedRuns, int freshRuns) {}

        @Override
        public void pointDone(int index, int done, int total) {
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    }
  }
}
