package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import noliq.lab.engine.PathRandom;
import noliq.lab.engine.Progress;
import noliq.lab.engine.RunSummary;
import noliq.lab.scenarios.CrashEvents;
import noliq.lab.scenarios.PricePath;
import noliq.lab.scenarios.Scenarios;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRunnerTest {
  @TempDir Path tmp;

  private static StudyConfig gbm(int paths, int threads) {
    return new StudyConfig("toy", List.of("gbm"), paths, 4, 3, 2500.0, 11L, threads, List.of(), null, 2);
  }

  private static final List<DesignModel> TOYS = List.of(ToyDesigns.debt(), ToyDesigns.wrapper("toy", 1.5));

  @Test
  void everyDesignsMetricsArePathByPathWhatTheDesignComputesOnThatPath() {
    StudyConfig config = gbm(300, 2);
    StudyRunner.StudyResult result = StudyRunner.run(config, TOYS, n -> Progress.none());
    assertThat(result.scenarios()).hasSize(1);
    StudyRunner.ScenarioResult sr = result.scenarios().get(0);
    RunSummary run = sr.summary();
    assertThat(run.names()).containsExactly("toydebt.min_ratio", "toydebt.liquidated_usd", "toydebt.liquidated", "toydebt.draw",
        "wrapper.toy.auction.tracking_error_pct", "wrapper.toy.auction.roll_cost_pct_per_year");
    long seed = StudyScenario.seedFor(11L, "gbm");
    assertThat(sr.scenario().seed()).isEqualTo(seed);
    var scenario = Scenarios.scenario("gbm", 2500, 72, java.time.Instant.parse("2026-01-01T00:00:00Z"));
    double[] minRatio = run.metric("toydebt.min_ratio").values();
    double[] draw = run.metric("toydebt.draw").values();
    double[] te = run.metric("wrapper.toy.auction.tracking_error_pct").values();
    assertThat(minRatio).hasSize(300);
    for (int p = 0; p < 300; p++) {
      PricePath path = scenario.path(PathRandom.forPath(seed, p));
      assertThat(path.size()).isEqualTo(73);
      assertThat(minRatio[p]).isEqualTo(path.minimum() / 2500);
      assertThat(te[p]).isEqualTo(ToyDesigns.trackingError(path));
      assertThat(draw[p]).isEqualTo(PathRandom.forPath(seed, p, StudyRunner.streamOf("toydebt")).nextDouble());
    }
    assertThat(run.metric("wrapper.toy.auction.roll_cost_pct_per_year").moments().mean()).isEqualTo(1.5);
  }

  @Test
  void aDesignsFiguresDoNotDependOnTheOtherDesignsBesideIt() {
    StudyRunner.StudyResult both = StudyRunner.run(gbm(50, 1), TOYS, n -> Progress.none());
    StudyRunner.StudyResult alone = StudyRunner.run(gbm(50, 1), List.of(ToyDesigns.debt()), n -> Progress.none());
    assertThat(alone.scenarios().get(0).summary().metric("toydebt.draw").values())
        .containsExactly(both.scenarios().get(0).summary().metric("toydebt.draw").values());
  }

  @Test
  void theFirstPathsAreTracedForTheChartsAndNoOthers() {
    StudyRunner.ScenarioResult sr = StudyRunner.run(gbm(300, 2), TOYS, n -> Progress.none()).scenarios().get(0);
    assertThat(sr.charted()).extracting(StudyRunner.ChartedPath::path).containsExactly(0L, 1L);
    StudyRunner.ChartedPath first = sr.charted().get(0);
    assertThat(first.traces()).hasSize(2);
    assertThat(first.traces().get(0).series()).containsKey("price_after_sales");
    assertThat(first.traces().get(0).series().get("price_after_sales").size()).isEqualTo(73);
    assertThat(first.traces().get(1).series().keySet()).containsExactly("value", "target");
  }

  @Test
  void crashBridgesPassThroughThePublishedLowSoTheToyBooksFiguresAreExact() {
    StudyConfig config = new StudyConfig("toy", List.of("mar-2020"), 10, 5, 1, 2500.0, 3L, 1, List.of("toydebt"), null, 1);
    StudyRunner.StudyResult result = StudyRunner.run(config, TOYS, n -> Progress.none());
    assertThat(result.designs()).extracting(DesignModel::id).containsExactly("toydebt");
    RunSummary run = result.scenarios().get(0).summary();
    assertThat(run.paths()).isEqualTo(5);
    for (double r : run.metric("toydebt.min_ratio").values()) {
      assertThat(r).isCloseTo(86.00 / 194.61, within(1e-12));
    }
    // 86.00 < 0.6 x 194.61 = 116.77: every path is liquidated, at a low between 86.00 and 116.77.
    assertThat(run.metric("toydebt.liquidated").shareAtLeast(1).value()).isEqualTo(1.0);
    for (double usd : run.metric("toydebt.liquidated_usd").values()) {
      assertThat(usd).isBetween(86.00, 0.6 * 194.61);
    }
  }

  @Test
  void crashesExpandToAllSixAndHistoryAddsTheWholeFileItsWindowsAndTheCrashesAsTheyHappened() throws IOException {
    Path csv = tmp.resolve("eth.csv");
    List<String> lines = new ArrayList<>();
    lines.add("timestamp_utc,open,high,low,close,volume");
    java.time.Instant t0 = java.time.Instant.parse("2020-03-10T00:00:00Z");
    double price = 200;
    for (int h = 0; h < 24 * 6; h++) {
      if (h == 30) {
        continue; // one missing bar: a gap
      }
      double open = price;
      price = h >= 48 && h < 72 ? price * 0.985 : price; // about 30% down over one day
      double low = Math.min(open, price) * 0.999;
      lines.add(t0.plusSeconds(3600L * h) + "," + open + "," + Math.max(open, price) + "," + low + "," + price + ",1");
    }
    Files.write(csv, lines);
    StudyConfig config = new StudyConfig("toy", List.of("crashes", "history", "history-crashes"), 10, 3, 1, 2500.0, 5L, 2,
        List.of(), csv.toString(), 1);
    StudyRunner.StudyResult result = StudyRunner.run(config, TOYS, n -> Progress.none());
    List<String> names = result.scenarios().stream().map(s -> s.scenario().name()).toList();
    // The file covers 12-14 March 2020, so Black Thursday is also replayed as it happened.
    assertThat(names).containsExactly("mar-2020", "mar-2020-history", "may-2021", "jun-2022", "aug-2024", "oct-2025", "jun-2026",
        "history", "history-crashes");
    StudyRunner.ScenarioResult history = result.scenarios().get(7);
    assertThat(history.summary().paths()).isEqualTo(1);
    assertThat(history.scenario().gaps()).hasSize(1);
    assertThat(history.scenario().gaps().get(0).missingBars()).isEqualTo(1);
    assertThat(result.scenarios().get(0).summary().paths()).isEqualTo(3);
    StudyRunner.ScenarioResult windows = result.scenarios().get(8);
    assertThat(windows.scenario().windows()).hasSize(1);
    assertThat(windows.scenario().windows().get(0).name()).isEqualTo("history-crash-2020-03-10");
    assertThat(windows.summary().paths()).isEqualTo(1);
    // The toy book's lowest low on the window is the window's own low.
    assertThat(windows.summary().metric("toydebt.min_ratio").values()[0])
        .isEqualTo(windows.scenario().windows().get(0).low() / windows.scenario().windows().get(0).open());
  }

  @Test
  void theCrashAsItHappenedIsAddedWhenTheHistoryCoversItsWindow() throws IOException {
    Path csv = tmp.resolve("aug.csv");
    List<String> lines = new ArrayList<>();
    lines.add("timestamp_utc,open,high,low,close,volume");
    java.time.Instant t0 = java.time.Instant.parse("2024-08-04T00:00:00Z");
    for (int h = 0; h < 72; h++) {
      lines.add(t0.plusSeconds(3600L * h) + ",2600,2700,2100,2600,1");
    }
    Files.write(csv, lines);
    StudyConfig config = new StudyConfig("toy", List.of("aug-2024"), 10, 3, 1, 2500.0, 5L, 1, List.of(), csv.toString(), 1);
    StudyRunner.StudyResult result = StudyRunner.run(config, TOYS, n -> Progress.none());
    assertThat(result.scenarios()).extracting(s -> s.scenario().name()).containsExactly("aug-2024", "aug-2024-history");
    StudyRunner.ScenarioResult asItHappened = result.scenarios().get(1);
    assertThat(asItHappened.scenario().kind()).isEqualTo(StudyScenario.Kind.CRASH_AS_IT_HAPPENED);
    // One history, drawn over REPLAY_POPULATIONS populations: the toy's figure is the path's own on each.
    assertThat(asItHappened.scenario().paths()).isEqualTo(StudyScenario.REPLAY_POPULATIONS);
    assertThat(asItHappened.summary().metric("toydebt.min_ratio").values()).hasSize(StudyScenario.REPLAY_POPULATIONS)
        .containsOnly(2100.0 / 2600);
    assertThat(CrashEvents.AUG_2024.open().price()).isEqualTo(2688.91);
  }

  @Test
  void aStudyWithNoDesignsIsRefused() {
    assertThatThrownBy(() -> StudyRunner.run(gbm(10, 1), List.of(), n -> Progress.none()))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("designs: no designs: ");
  }

  @Test
  void theCatalogListsEveryDesignOnceWithMetricsNamedByItsId() {
    List<DesignModel> designs = DesignCatalog.defaults();
    List<String> ids = designs.stream().map(DesignModel::id).toList();
    assertThat(ids).doesNotHaveDuplicates().startsWith("aave", "maker", "liquity", "maker.congested", "oracle.feed-manipulation.aave")
        .contains("n-holder", "oracle.settlement-corruption", "agent.kyrrui-tracker.book");
    // Every roll policy through every roll mechanism.
    for (String policy : noliq.wrapper.policy.Policies.NAMES) {
      for (String mechanism : List.of("amm", "auction", "book")) {
        assertThat(ids).contains("wrapper." + policy + "." + mechanism);
      }
    }
    List<String> metrics = new java.util.ArrayList<>();
    for (DesignModel d : designs) {
      d.metrics().forEach(m -> {
        assertThat(m.name()).startsWith(d.id() + ".");
        metrics.add(m.name());
      });
    }
    assertThat(metrics).doesNotHaveDuplicates();
    assertThat(DesignCatalog.assumptions()).extracting(DesignCatalog.Assumption::name)
        .contains("population", "liquidators", "cascade", "feed manipulation", "makerVol", "ammPoolDepthUsd",
            "debt.population.fit", "debt.congestion.black_thursday");
  }

  /** A month that never falls 25% within 7 days: about 2% up and down around 2500. */
  private Path calmMonth() throws IOException {
    Path csv = tmp.resolve("calm.csv");
    List<String> lines = new ArrayList<>();
    lines.add("timestamp_utc,open,high,low,close,volume");
    java.time.Instant t0 = java.time.Instant.parse("2026-03-01T00:00:00Z");
    double price = 2500;
    for (int h = 0; h < 24 * 30; h++) {
      double open = price;
      price = 2500 * (1 + 0.02 * Math.sin(h / 17.0));
      lines.add(t0.plusSeconds(3600L * h) + "," + open + "," + Math.max(open, price) * 1.001 + "," + Math.min(open, price) * 0.999
          + "," + price + ",1");
    }
    Files.write(csv, lines);
    return csv;
  }

  @Test
  void aCalmHistoryHasNoCrashWindowAndTheRestOfTheStudyRuns() throws IOException {
    StudyConfig config = new StudyConfig("calm", List.of("gbm", "history", "history-crashes"), 10, 3, 1, 2500.0, 5L, 1,
        List.of(), calmMonth().toString(), 1);
    StudyRunner.StudyResult result = StudyRunner.run(config, TOYS, n -> Progress.none());
    assertThat(result.scenarios()).extracting(s -> s.scenario().name()).containsExactly("gbm", "history");
    assertThat(result.withoutPaths()).singleElement().satisfies(none -> {
      assertThat(none.name()).isEqualTo("history-crashes");
      assertThat(none.paths()).isZero();
      assertThat(none.description()).startsWith("no crash window: none found by the rule in calm.csv (every fall of at least 25%");
    });
    noliq.lab.report.Report report = StudyReport.build(result);
    assertThat(report.findings()).anyMatch(f -> f.startsWith("history-crashes: no crash window: none found by the rule"));
    assertThat(report.tables()).filteredOn(t -> t.id().equals("scenarios")).singleElement()
        .satisfies(t -> assertThat(t.rows()).anyMatch(r -> r.get(0).equals("history-crashes") && r.get(2).equals(0)));
    StudyConfig only = new StudyConfig("calm", List.of("history-crashes"), 10, 3, 1, 2500.0, 5L, 1, List.of(),
        calmMonth().toString(), 1);
    assertThatThrownBy(() -> StudyRunner.run(only, TOYS, n -> Progress.none())).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("scenarios: nothing to run: history-crashes: no crash window: none found by the rule");
  }
}
