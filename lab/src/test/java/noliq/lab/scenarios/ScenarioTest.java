package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import noliq.lab.engine.PathRandom;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void everyKindGivesPathsOnTheVirtualClock() {
    Scenario garch = Scenarios.scenario("default", 2500, 48, START);
    PricePath p = garch.path(PathRandom.forPath(1, 0));
    assertThat(p.size()).isEqualTo(49);
    assertThat(p.price(0)).isEqualTo(2500);
    assertThat(p.time(48)).isEqualTo(START.plus(Duration.ofHours(48)));
    assertThat(((Scenario.Stochastic) garch).step()).isEqualTo(Duration.ofHours(1));
    assertThat(garch.random()).isTrue();

    Scenario crash = Scenarios.scenario("mar-2020", 2500, 0, START);
    PricePath c = crash.path(PathRandom.forPath(1, 0));
    assertThat(c.price(0)).isEqualTo(2500);
    assertThat(c.minimum()).isCloseTo(2500 * 86.0 / 194.61, within(1e-6));
    assertThat(c.time(0)).isEqualTo(CrashEvents.MAR_2020.open().time());
    assertThat(Scenario.Crash.asItHappened(CrashEvents.MAR_2020).path(PathRandom.forPath(1, 0)).price(0)).isEqualTo(194.61);

    Scenario replay = new Scenario.Replay(OhlcReader.read(new StringReader("""
        timestamp_utc,open,high,low,close,volume
        2020-03-12T00:00:00Z,200,201,150,190,1
        2020-03-12T01:00:00Z,190,195,185,188,1
        """), "t.csv"));
    assertThat(replay.random()).isFalse();
    assertThat(replay.name()).isEqualTo("t.csv");
    assertThat(replay.path(PathRandom.forPath(1, 0)).lows()).containsExactly(200, 150, 185);
  }

  /** 72,583 shipped bars (data/NOTICE.md) give 72,582 steps, less the 28 that span a gap (all before 2023). */
  static final int SHIPPED_OBSERVATIONS = 72_554;

  @Test
  void theBootstrapResamplesTheRealHourlyReturns() {
    // the shipped 2017-2025 bars, or shared/data's whole file when a data directory is given
    java.nio.file.Path used = DataFiles.hourly().orElseThrow();
    int observations = used.getFileName().toString().equals(DataFiles.ETH_HOURLY) ? FittedModels.OBSERVATIONS : SHIPPED_OBSERVATIONS;
    Scenario s = Scenarios.scenario("bootstrap", 2500, 24 * 30, START);
    PricePath p = s.path(PathRandom.forPath(3, 0));
    assertThat(p.size()).isEqualTo(24 * 30 + 1);
    BlockBootstrap model = (BlockBootstrap) ((Scenario.Stochastic) s).model();
    assertThat(model.logReturns()).hasSize(observations);
    assertThat(model.blockLength()).isEqualTo(168);
    // every step of the path is one of the real hourly returns
    java.util.TreeSet<Double> real = new java.util.TreeSet<>();
    for (double r : model.logReturns()) {
      real.add(r);
    }
    for (int t = 1; t < p.size(); t++) {
      double r = Math.log(p.price(t) / p.price(t - 1));
      Double below = real.floor(r + 1e-12);
      assertThat(below).as("step " + t).isNotNull();
      assertThat(below).as("step " + t).isCloseTo(r, within(2e-12));
    }
  }

  @Test
  void anUnknownScenarioIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> Scenarios.scenario("luna", 2500, 10, START)).isInstanceOf(RuleViolation.class)
        .hasMessage("scenario: unknown scenario 'luna' (known: default, garch-t, gbm, merton, bootstrap, "
            + "mar-2020, may-2021, jun-2022, aug-2024, oct-2025, jun-2026)");
    assertThatThrownBy(() -> Scenarios.scenario("gbm", 2500, 0, START)).hasMessage("steps: must be at least 1 (was 0)");
    assertThatThrownBy(() -> Scenarios.scenario("gbm", -1, 10, START)).hasMessage("x0: must be positive (was -1.0)");
  }
}
