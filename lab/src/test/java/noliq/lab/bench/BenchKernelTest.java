package noliq.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import noliq.lab.engine.PathRandom;
import noliq.math.RuleViolation;
import noliq.pricing.InverseOptions;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

class BenchKernelTest {

  /**
   * The specification, read literally: linear price updates with exp every step, every live
   * position checked on every step, P priced in days / 365, statistics over stored arrays. It draws
   * the same Gaussians as the kernel (the per-path streams are public), so the two must agree to
   * rounding, not just within Monte Carlo error.
   */
  private static double[] straightforward(int paths, int steps, long seed) {
    int n = 10_000;
    double lt = 0.83;
    double dt = 1.0 / 8760;
    double sigma = 0.80;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double h = 1.05 + (3.0 - 1.05) * i / (n - 1);
      d[i] = 2500.0 * lt / h;
    }
    double[] logDev = new double[paths];
    double[] rolls = new double[paths];
    double[] liq = new double[paths];
    for (int p = 0; p < paths; p++) {
      ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(PathRandom.forPath(seed, p));
      boolean[] gone = new boolean[n];
      double x = 2500.0;
      double s = 0.5 * x;
      double maturityHour = 30 * 24;
      double q = 1000.0 / pUsd(x, s, 30.0);
      double liquidated = 0;
      int count = 0;
      for (int t = 1; t <= steps; t++) {
        x = x * Math.exp(-sigma * sigma / 2 * dt + sigma * Math.sqrt(dt) * z.sample());
        double tauDays = (maturityHour - t) / 24.0;
        if (x < 1.5 * s || tauDays < 7.0) {
          double v = q * pUsd(x, s, tauDays);
          s = 0.5 * x;
          maturityHour = t + 30 * 24;
          q = v / pUsd(x, s, 30.0);
          count++;
        }
        for (int i = 0; i < n; i++) {
          if (!gone[i] && x * lt < d[i]) {
            gone[i] = true;
            liquidated += d[i];
          }
        }
      }
      double vT = q * pUsd(x, s, (maturityHour - steps) / 24.0);
      logDev[p] = Math.log(vT / 1000.0);
      rolls[p] = count;
      liq[p] = liquidated;
    }
    double years = steps / 8760.0;
    double meanDev = Arrays.stream(logDev).average().orElseThrow();
    double ss = Arrays.stream(logDev).map(v -> (v - meanDev) * (v - meanDev)).sum();
    double[] sorted = liq.clone();
    Arrays.sort(sorted);
    double h = 0.95 * (paths - 1);
    int j = (int) h;
    double lar = j + 1 < paths ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
    return new double[] {
        Math.sqrt(ss / (paths - 1)),
        Arrays.stream(rolls).average().orElseThrow() / years,
        Arrays.stream(liq).average().orElseThrow(),
        lar
    };
  }

  private static double pUsd(double x, double strike, double days) {
    return days <= 0 ? Math.min(x, strike) : x - InverseOptions.callIndex(x, strike, days / 365.0, 0.80, 0, 0);
  }

  @Test
  void agreesWithTheStraightforwardReadingOfTheSpec() {
    int paths = 40;
    int steps = 1_500;
    KernelResult fast = BenchKernel.run(new KernelConfig(paths, steps, 7L, 2));
    double[] ref = straightforward(paths, steps, 7L);

    assertThat(fast.paths()).isEqualTo(paths);
    assertThat(fast.steps()).isEqualTo(steps);
    assertThat(fast.wrapperLogdevStd()).isCloseTo(ref[0], within(1e-9));
    assertThat(fast.rollsPerYearMean()).isEqualTo(ref[1]);
    assertThat(fast.liqMeanUsd()).isCloseTo(ref[2], within(1e-6));
    assertThat(fast.lar95Usd()).isCloseTo(ref[3], within(1e-6));
    // Long enough to exercise both roll triggers and the CDP book: the deadline alone forces a
    // roll every 553 steps, so at least 2 per path in 1,500 steps; price drops add more.
    double rollsPerPath = fast.rollsPerYearMean() * steps / 8760.0;
    assertThat(rollsPerPath).isGreaterThan(2.0);
    assertThat(fast.liqMeanUsd()).isPositive();
    assertThat(fast.pathStepsPerSec()).isEqualTo(paths * (double) steps / fast.seconds());
  }

  /**
   * A second, independent reading with another random stream (SplittableRandom's Gaussians) and
   * the book checked position by position from the first live one each step. Over a full year the
   * two must agree within Monte Carlo error, as the spec says two correct implementations do.
   */
  @Test
  void agreesWithAnImplementationOnAnotherRandomStreamWithinMonteCarloError() {
    int paths = 1_000;
    int steps = 8_760;
    KernelResult fast = BenchKernel.run(new KernelConfig(paths, steps, 12345L, 2));
    double[] debt = new double[10_000];
    for (int i = 0; i < debt.length; i++) {
      debt[i] = 2500 * 0.83 / (1.05 + 1.95 * i / 9_999);
    }
    double sd = 0.8 * Math.sqrt(1.0 / 8760);
    noliq.lab.metrics.Moments liq = new noliq.lab.metrics.Moments();
    noliq.lab.metrics.Moments rolls = new noliq.lab.metrics.Moments();
    noliq.lab.metrics.Moments logDev = new noliq.lab.metrics.Moments();
    java.util.SplittableRandom random = new java.util.SplittableRandom(777);
    for (int p = 0; p < paths; p++) {
      double x = 2500;
      double s = 1250;
      int left = 720;
      double q = 1000 / pUsd(x, s, 30);
      int firstAlive = 0;
      double liquidated = 0;
      int count = 0;
      for (int t = 1; t <= steps; t++) {
        x *= Math.exp(-0.32 / 8760 + sd * random.nextGaussian());
        left--;
        if (x < 1.5 * s || left < 168) {
          double v = q * pUsd(x, s, left / 24.0);
          s = 0.5 * x;
          left = 720;
          q = v / pUsd(x, s, 30);
          count++;
        }
        while (firstAlive < debt.length && x * 0.83 < debt[firstAlive]) {
          liquidated += debt[firstAlive++];
        }
      }
      liq.add(liquidated);
      rolls.add(count);
      logDev.add(Math.log(q * pUsd(x, s, left / 24.0) / 1000));
    }
    // means within 4 combined standard errors (the kernel's own SE taken equal to the reference's)
    assertThat(fast.liqMeanUsd()).isCloseTo(liq.mean(), within(4 * Math.sqrt(2) * liq.standardError()));
    assertThat(fast.rollsPerYearMean()).isCloseTo(rolls.mean(), within(4 * Math.sqrt(2) * rolls.standardError()));
    // a standard deviation's relative SE is about 1/sqrt(2n) for near-normal data; allow fat tails
    assertThat(fast.wrapperLogdevStd() / logDev.standardDeviation()).isCloseTo(1.0, within(0.25));
  }

  @Test
  void theStatisticsDoNotDependOnTheThreadCount() {
    KernelConfig one = new KernelConfig(300, 2_000, 99L, 1);
    KernelResult a = BenchKernel.run(one);
    KernelResult b = BenchKernel.run(one.withThreads(2));
    KernelResult c = BenchKernel.run(one.withThreads(5));
    for (KernelResult r : new KernelResult[] {b, c}) {
      assertThat(r.wrapperLogdevStd()).isEqualTo(a.wrapperLogdevStd());
      assertThat(r.rollsPerYearMean()).isEqualTo(a.rollsPerYearMean());
      assertThat(r.liqMeanUsd()).isEqualTo(a.liqMeanUsd());
      assertThat(r.lar95Usd()).isEqualTo(a.lar95Usd());
    }
    KernelResult otherSeed = BenchKernel.run(new KernelConfig(300, 2_000, 100L, 2));
    assertThat(otherSeed.liqMeanUsd()).isNotEqualTo(a.liqMeanUsd());
  }

  @Test
  void theBookHasTheSpecifiedDebts() {
    assertThat(KernelConfig.debt(0)).isCloseTo(2500 * 0.83 / 1.05, within(1e-9));
    assertThat(KernelConfig.debt(9_999)).isCloseTo(2500 * 0.83 / 3.0, within(1e-9));
  }

  @Test
  void impossibleConfigurationsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new KernelConfig(0, 10, 1, 1)).isInstanceOf(RuleViolation.class)
        .hasMessage("paths: must be at least 1 (was 0)");
    assertThatThrownBy(() -> new KernelConfig(10, -1, 1, 1)).hasMessage("steps: must be at least 1 (was -1)");
    assertThatThrownBy(() -> new KernelConfig(10, 10, 1, 0)).hasMessage("threads: must be at least 1 (was 0)");
  }
}
