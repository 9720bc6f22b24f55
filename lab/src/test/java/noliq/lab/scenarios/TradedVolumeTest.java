package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import noliq.math.RuleViolation;
import noliq.lab.engine.PathRandom;
import org.junit.jupiter.api.Test;

/** The paths' traded-volume state: the fit on the shipped bars, the replay's own column, the model's reaction to a crash. */
class TradedVolumeTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theCommittedConstantsAreTheFitOfTheShippedHourlyBars() {
    OhlcSeries h = OhlcReader.read(TestData.shippedHourly());
    TradedVolume.Fit f = TradedVolume.fit(h.bars(), TradedVolume.FIT_FROM);
    assertThat(f.days()).isEqualTo(TradedVolume.FIT_DAYS);
    assertThat(f.intercept()).isCloseTo(TradedVolume.INTERCEPT, within(5e-4));
    assertThat(f.rvElasticity()).isCloseTo(TradedVolume.RV_ELASTICITY, within(5e-5));
    assertThat(f.priceElasticity()).isCloseTo(TradedVolume.PRICE_ELASTICITY, within(5e-5));
    assertThat(f.residualSd()).isCloseTo(TradedVolume.RESIDUAL_SD, within(5e-5));
    assertThat(f.residualAr()).isCloseTo(TradedVolume.RESIDUAL_AR, within(5e-5));
  }

  @Test
  void aReplayCarriesTheBarsVolumeAndADayIsTheSumOfItsBars() {
    OhlcSeries h = OhlcReader.read(TestData.shippedHourly());
    OhlcSeries march = h.window(Instant.parse("2020-03-11T00:00:00Z"), Instant.parse("2020-03-13T23:00:00Z"));
    PricePath p = PricePath.replay(march);
    double thursday = 0;
    double wednesday = 0;
    for (Bar b : march.bars()) {
      String day = b.time().toString().substring(0, 10);
      thursday += day.equals("2020-03-12") ? b.volume() : 0;
      wednesday += day.equals("2020-03-11") ? b.volume() : 0;
    }
    // point 24 + 1 is the close of 2020-03-12's first bar: its step starts on the 12th
    assertThat(p.stepDay(25)).isEqualTo(LocalDate.parse("2020-03-12").toEpochDay());
    assertThat(p.dayVolume(25)).isCloseTo(thursday, within(1e-6 * thursday));
    assertThat(p.volume(1)).isEqualTo(march.bars().get(0).volume());
    // Black Thursday traded more than the day before: volume rises in the crash, in the data
    assertThat(thursday).isGreaterThan(2 * wednesday);
  }

  @Test
  void aDayThePathCoversOnlyInPartIsScaledToAWholeDay() {
    // 6 hourly steps from 18:00: the whole path is a quarter of one UTC day
    double[] prices = {100, 100, 100, 100, 100, 100, 100};
    PricePath p = PricePath.generated("t", Instant.parse("2026-01-01T18:00:00Z"), Duration.ofHours(1), prices)
        .withVolume(new double[] {0, 10, 10, 10, 10, 10, 10});
    assertThat(p.dayVolume(3)).isCloseTo(60.0 * 24 / 6, within(1e-9));
  }

  @Test
  void volumeIsRefusedWhenNegativeOrMisSized() {
    PricePath p = PricePath.generated("t", START, Duration.ofHours(1), new double[] {100, 101});
    assertThatThrownBy(() -> p.withVolume(new double[] {0})).isInstanceOf(RuleViolation.class).hasMessageContaining("volume");
    assertThatThrownBy(() -> p.withVolume(new double[] {0, -1})).isInstanceOf(RuleViolation.class).hasMessageContaining("volume");
    assertThatThrownBy(() -> p.volume(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theModelTradesMoreOnACrashDayThanOnTheSameDayCalm() {
    // two days of hourly steps; on the crash path the second day swings 3% an hour instead of 0.5%
    int steps = 48;
    double[] calm = new double[steps + 1];
    double[] crash = new double[steps + 1];
    calm[0] = crash[0] = 2500;
    for (int t = 1; t <= steps; t++) {
      double sign = t % 2 == 0 ? 1 : -1;
      calm[t] = calm[t - 1] * Math.exp(0.005 * sign);
      crash[t] = crash[t - 1] * Math.exp((t > 24 ? 0.03 : 0.005) * sign);
    }
    long[] ms = PricePath.generated("t", START, Duration.ofHours(1), calm).epochMillis();
    double[] vCalm = TradedVolume.model(ms, calm, PathRandom.forPath(7, 0));
    double[] vCrash = TradedVolume.model(ms, crash, PathRandom.forPath(7, 0));
    // same residual draws: the first day is identical, the crash day trades (0.03/0.005)^1.0152 times more (times the price term)
    assertThat(vCrash[10]).isCloseTo(vCalm[10], within(1e-9 * vCalm[10]));
    double ratio = vCrash[30] / vCalm[30];
    double expected = Math.pow(6, TradedVolume.RV_ELASTICITY) * Math.pow(crash[48] / calm[48], TradedVolume.PRICE_ELASTICITY);
    assertThat(ratio).isCloseTo(expected, within(1e-9 * expected));
    assertThat(ratio).isGreaterThan(5);
    // a day's steps share its volume evenly and sum to it
    double day2 = 0;
    for (int t = 25; t <= 48; t++) {
      day2 += vCrash[t];
    }
    assertThat(day2).isCloseTo(24 * vCrash[30], within(1e-9 * day2));
  }

  @Test
  void theMedianDayAtTheFitsTypicalStateIsOfTheOrderBinanceTraded() {
    // 60% realised vol at 2,500 USD: the fit's median day, checked against the formula by hand
    double v = TradedVolume.medianDayVolume(0.6, 2500);
    assertThat(v).isCloseTo(Math.exp(TradedVolume.INTERCEPT + TradedVolume.RV_ELASTICITY * Math.log(0.6)
        + TradedVolume.PRICE_ELASTICITY * Math.log(2500)), within(1e-6 * v));
    // Binance ETH/USDT traded some 150k to 1.5M ETH a day in 2021-2025
    assertThat(v).isBetween(1.5e5, 1.5e6);
  }

  @Test
  void stochasticAndCrashScenariosCarryVolume() {
    Scenario s = Scenarios.scenario("default", 2500, 72, START, ModelParameters.DEFAULTS);
    PricePath p = s.path(PathRandom.forPath(1, 0));
    assertThat(p.hasVolume()).isTrue();
    assertThat(p.dayVolume(5)).isPositive();
    PricePath c = Scenario.Crash.asItHappened(CrashEvents.ALL.get(0)).path(PathRandom.forPath(1, 0));
    assertThat(c.hasVolume()).isTrue();
    List<int[]> days = TradedVolume.days(c.epochMillis());
    assertThat(days).isNotEmpty();
  }
}
