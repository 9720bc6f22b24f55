package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import noliq.lab.data.RequiresData;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.CrashEvent.Pin;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class CrashEventsTest {
  private static final Map<String, String> FINEST = Map.of(
      "mar-2020", "intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv",
      "may-2021", "intraday/eth_usdt_1m_binance_2021-04-20_2021-05-20.csv",
      "jun-2022", "intraday/eth_usdt_5m_binance_2022-01-01_2022-08-04.csv",
      "aug-2024", "intraday/eth_usdt_30m_binance-usdm-perp_2024-08-01_2024-08-10.csv",
      "oct-2025", "intraday/eth_usdt_15m_binance-usdm-perp_2025-10-07_2025-10-14.csv",
      "jun-2026", "intraday/eth_usdt_5m_binance_2026-04-03_2026-07-02.csv");

  /**
   * The pins of every crash the shipped hourly bars cover (all but June 2026, after their end) against
   * those bars: the open, the closes and the hour of the low.
   */
  @Test
  void everyPinMatchesTheShippedHourlyBars() {
    OhlcSeries hourly = OhlcReader.read(TestData.shippedHourly());
    List<String> covered = CrashEvents.ALL.stream().filter(e -> !hourly.end().isBefore(e.close().time())).map(CrashEvent::id).toList();
    assertThat(covered).containsExactly("mar-2020", "may-2021", "jun-2022", "aug-2024", "oct-2025");
    for (CrashEvent e : CrashEvents.ALL) {
      if (covered.contains(e.id())) {
        checkHourlyPins(hourly, e);
      }
    }
  }

  /** Every pin against the whole hourly file and the finest bars of each window; the committed realised volatilities refitted. */
  @Test
  @RequiresData({DataFiles.ETH_HOURLY, "intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv",
      "intraday/eth_usdt_1m_binance_2021-04-20_2021-05-20.csv", "intraday/eth_usdt_5m_binance_2022-01-01_2022-08-04.csv",
      "intraday/eth_usdt_30m_binance-usdm-perp_2024-08-01_2024-08-10.csv",
      "intraday/eth_usdt_15m_binance-usdm-perp_2025-10-07_2025-10-14.csv", "intraday/eth_usdt_5m_binance_2026-04-03_2026-07-02.csv"})
  void everyPinMatchesTheExchangeDataAndTheRealisedVolatilitiesRefit() {
    assertThat(FINEST.keySet()).containsExactlyInAnyOrderElementsOf(CrashEvents.ALL.stream().map(CrashEvent::id).toList());
    OhlcSeries hourly = OhlcReader.read(TestData.require(DataFiles.ETH_HOURLY));
    for (CrashEvent e : CrashEvents.ALL) {
      checkHourlyPins(hourly, e);
      // the pinned time is the bar of the lowest low in the finest file available
      Path fine = TestData.require(FINEST.get(e.id()));
      Bar lowestFine = OhlcReader.read(fine).window(e.open().time(), e.close().time()).lowestBar();
      assertThat(lowestFine.time()).as(e.id() + " low time").isEqualTo(e.low().time());
      assertThat(e.low().source()).contains(fine.getFileName().toString());
      // the committed realised volatility, re-measured on the finest bars of the window
      double measured = OhlcReader.read(fine).window(e.open().time(), e.close().time()).realisedVolatility();
      assertThat(e.realisedVolatility()).as(e.id() + " realised volatility").isCloseTo(measured, within(1e-4));
    }
  }

  private static void checkHourlyPins(OhlcSeries hourly, CrashEvent e) {
    OhlcSeries window = hourly.window(e.open().time(), e.close().time());
    // open and closes: the spot hourly bars
    assertThat(window.bars().get(0).open()).as(e.id() + " open").isEqualTo(e.open().price());
    for (Pin p : e.pins()) {
      if (p.kind() == Pin.Kind.CLOSE) {
        Instant lastBar = p.time().minus(Duration.ofHours(1));
        assertThat(hourly.window(lastBar, p.time()).bars().get(0).close()).as(e.id() + " close at " + p.time()).isEqualTo(p.price());
      }
    }
    // the low: the lowest spot hourly low of the window, in the hour that holds the pinned time
    Bar lowestHour = window.lowestBar();
    assertThat(lowestHour.low()).as(e.id() + " low").isEqualTo(e.low().price());
    assertThat(Duration.between(lowestHour.time(), e.low().time())).as(e.id() + " low hour")
        .isBetween(Duration.ZERO, Duration.ofMinutes(59));
  }

  @Test
  void bridgesPassThroughEveryPinAndNeverBelowTheLow() {
    for (CrashEvent e : CrashEvents.ALL) {
      EventAnchoredCrash crash = EventAnchoredCrash.of(e);
      int[] at = crash.pinSteps();
      for (int seed = 0; seed < 20; seed++) {
        double[] path = crash.path(PathRandom.forPath(seed, 0));
        assertThat(path).hasSize(crash.steps() + 1);
        for (int k = 0; k < at.length; k++) {
          assertThat(path[at[k]]).as(e.id() + " pin " + k).isCloseTo(e.pins().get(k).price(), within(1e-9 * e.pins().get(k).price()));
          assertThat(crash.time(at[k])).isEqualTo(e.pins().get(k).time());
        }
        for (double x : path) {
          assertThat(x).isGreaterThanOrEqualTo(e.low().price() * (1 - 1e-12));
        }
      }
      assertThat(crash.path(PathRandom.forPath(1, 1))).containsExactly(crash.path(PathRandom.forPath(1, 1)));
    }
  }

  @Test
  void aScaledPathKeepsTheEventsShape() {
    EventAnchoredCrash crash = EventAnchoredCrash.of(CrashEvents.MAY_2021);
    double[] own = crash.path(PathRandom.forPath(4, 2));
    double[] scaled = crash.path(1000.0, PathRandom.forPath(4, 2));
    for (int t = 0; t < own.length; t++) {
      assertThat(scaled[t]).isCloseTo(own[t] * 1000.0 / 3375.08, within(1e-9 * scaled[t]));
    }
    assertThat(CrashEvents.MAY_2021.drawdown()).isCloseTo(1 - 1888.0 / 3375.08, within(1e-12));
  }

  @Test
  void badEventsAndStepsAreRefused() {
    assertThatThrownBy(() -> CrashEvents.byId("feb-2018")).isInstanceOf(RuleViolation.class)
        .hasMessage("event: unknown crash event 'feb-2018' (known: mar-2020, may-2021, jun-2022, aug-2024, oct-2025, jun-2026)");
    assertThat(CrashEvents.byId("Oct-2025")).isSameAs(CrashEvents.OCT_2025);
    assertThatThrownBy(() -> new EventAnchoredCrash(CrashEvents.OCT_2025, Duration.ofDays(1), 1.0))
        .hasMessageStartingWith("step: is too coarse for oct-2025");
    Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
    assertThatThrownBy(() -> new CrashEvent("x", "x", List.of(
        new Pin(Pin.Kind.OPEN, t0, 100, "s"), new Pin(Pin.Kind.LOW, t0.plusSeconds(60), 90, "s"),
        new Pin(Pin.Kind.CLOSE, t0.plusSeconds(120), 80, "s")), 1.0))
        .hasMessageStartingWith("pins: the low 90.0 must be the lowest pin");
  }
}
