package noliq.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import noliq.lab.report.Human;
import org.junit.jupiter.api.Test;

/** The report's statistics, each on a case computed by hand (the arithmetic is in the comments). */
class FiguresTest {
  @Test
  void aNonNegativeSkewedMeanNeverGetsANegativeBound() {
    // 99 zeros and one 100: mean 1, s = sqrt((99 * 1 + 99^2) / 99) = 10, se = 1, t(99) = 1.984:
    // the t interval runs to 1 - 1.98 < 0, which a bad-debt figure cannot be.
    double[] v = new double[100];
    v[99] = 100;
    assertThat(Estimates.mean(v).low()).isCloseTo(1 - 1.9842, within(1e-3));
    Estimate e = Figures.mean(v, true);
    assertThat(e.value()).isEqualTo(1.0);
    assertThat(e.low()).isGreaterThanOrEqualTo(0);
    assertThat(e.high()).isGreaterThan(1).isLessThanOrEqualTo(100);
    // skewed even when not declared non-negative: the bootstrap is chosen by the data's skewness (here 9.85)
    assertThat(Figures.skewness(v)).isGreaterThan(Figures.SKEWED);
    assertThat(Figures.mean(v, false).low()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aSymmetricMeanKeepsStudentsInterval() {
    // {1,2,3,4}: skewness 0, so t: 2.5 ± 3.1824463 * sqrt(5/12)
    Estimate e = Figures.mean(new double[] {1, 2, 3, 4}, false);
    assertThat(e.value()).isEqualTo(2.5);
    assertThat(e.halfWidth()).isCloseTo(3.1824463 * Math.sqrt(5.0 / 12), within(1e-6));
  }

  @Test
  void aConstantHasNoIntervalAndFloatingPointNoiseIsZero() {
    Estimate c = Figures.mean(new double[] {3, 3, 3}, false);
    assertThat(c.value()).isEqualTo(3);
    assertThat(c.low()).isNaN();
    assertThat(c.high()).isNaN();
    // 5e-15 and -3e-15 are a sum of exact parts that cancelled: zero, and a constant
    assertThat(Figures.denoised(new double[] {5e-15, -3e-15})).containsExactly(0, 0);
    assertThat(Figures.constant(new double[] {5e-15, -3e-15, 0})).isTrue();
    assertThat(Figures.constant(new double[] {1e-3, 0})).isFalse();
  }

  @Test
  void expectedShortfallIsTheMeanOfTheWorstFivePercent() {
    // 1..100: the worst ceil(100 * 0.05) = 5 are 96..100, mean 98; p95 (type 7) = 95.05; p99 = 99.01
    double[] v = new double[100];
    Arrays.setAll(v, i -> i + 1);
    assertThat(Figures.tailMean(v, 0.95)).isEqualTo(98.0);
    Estimate es = Figures.expectedShortfall(v, 0.95);
    assertThat(es.value()).isEqualTo(98.0);
    assertThat(es.low()).isLessThanOrEqualTo(98.0).isGreaterThanOrEqualTo(1);
    assertThat(es.high()).isGreaterThanOrEqualTo(98.0).isLessThanOrEqualTo(100);
    assertThat(Figures.quantile(v, 0.95).value()).isCloseTo(95.05, within(1e-9));
    assertThat(Figures.quantile(v, 0.99).value()).isCloseTo(99.01, within(1e-9));
    // order statistics: ranks floor(95 - 1.96 sqrt(4.75)) = 90 and ceil(95 + 4.27) + 1 = 101 > n: no upper bound from 100 paths
    assertThat(Figures.quantile(v, 0.95).low()).isEqualTo(90);
    assertThat(Figures.quantile(v, 0.95).high()).isNaN();
  }

  @Test
  void aShareCarriesWilsonsInterval() {
    // 2 of 4 at least 1: 0.5, Wilson [0.1500, 0.8500]
    Estimate s = Figures.shareAtLeast(new double[] {0, 1, 2, 0.5}, 1);
    assertThat(s.value()).isEqualTo(0.5);
    assertThat(s.low()).isCloseTo(0.1500, within(1e-4));
    assertThat(s.high()).isCloseTo(0.8500, within(1e-4));
    assertThat(Figures.shareBelow(new double[] {-1, 0, 1}, 0).value()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void theStandevOfOneHistorysYearsHasTheChiSquareInterval() {
    // one path, four year windows d = 1, 2, 3, 4: mean 2.5, s^2 = 5/3; t(3) = 3.1824463;
    // chi-square(3) quantiles 0.2157953 and 9.3484036: sd in [sqrt(5 / 9.3484036), sqrt(5 / 0.2157953)] = [0.73134, 4.81354]
    WindowDrift.Result r = WindowDrift.of(new double[] {4}, new double[] {10}, new double[] {30});
    assertThat(r.windows()).isEqualTo(4);
    assertThat(r.mean().value()).isEqualTo(2.5);
    assertThat(r.mean().halfWidth()).isCloseTo(3.1824463 * Math.sqrt(5.0 / 3 / 4), within(1e-6));
    assertThat(r.standardDeviation().value()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    assertThat(r.standardDeviation().low()).isCloseTo(Math.sqrt(5 / 9.3484036), within(1e-5));
    assertThat(r.standardDeviation().high()).isCloseTo(Math.sqrt(5 / 0.2157953), within(1e-4));
  }

  @Test
  void theStandevOverManyPathsIsPooledAndBootstrappedOverPaths() {
    // paths with one window each d = -1, 1, -1, 1, ...: mean 0, sd sqrt(n/(n-1)); the interval holds it and stays >= 0
    int n = 200;
    double[] count = new double[n];
    double[] sum = new double[n];
    double[] squares = new double[n];
    for (int i = 0; i < n; i++) {
      count[i] = 1;
      sum[i] = i % 2 == 0 ? -1 : 1;
      squares[i] = 1;
    }
    WindowDrift.Result r = WindowDrift.of(count, sum, squares);
    assertThat(r.mean().value()).isCloseTo(0, within(1e-12));
    assertThat(r.standardDeviation().value()).isCloseTo(Math.sqrt(n / (n - 1.0)), within(1e-12));
    assertThat(r.standardDeviation().covers(r.standardDeviation().value())).isTrue();
    assertThat(r.standardDeviation().low()).isGreaterThan(0.9);
    // no windows at all: no figure
    assertThat(WindowDrift.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}).windows()).isZero();
  }

  @Test
  void numbersReadAsPeopleWriteThem() {
    assertThat(Human.of(18_912_345, "USD")).isEqualTo("$18.9M");
    assertThat(Human.of(804, "USD")).isEqualTo("$804");
    assertThat(Human.of(0.6512, "%/yr")).isEqualTo("0.651%/yr");
    assertThat(Human.of(5e-15, "%/yr")).isEqualTo("0%/yr");
    assertThat(Human.of(12_345, "count")).isEqualTo("12,300");
    assertThat(Human.of(0.156, "share")).isEqualTo("15.6%");
    assertThat(Human.of(new Estimate(804, 256, 120, 1700), "USD")).isEqualTo("$804 [$120, $1,700]");
  }
}
