package noliq.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/** Every figure on a case small enough to compute by hand (the arithmetic is in the comments). */
class MetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void quantilesInterpolateLinearlyBetweenOrderStatistics() {
    // h = 0.95 * 4 = 3.8: 4 + 0.8 * (5 - 4)
    assertThat(Quantiles.of(new double[] {5, 1, 4, 2, 3}, 0.95)).isCloseTo(4.8, within(EPS));
    assertThat(Quantiles.of(new double[] {5, 1, 4, 2, 3}, 0.5)).isEqualTo(3);
    // h = 0.25: 10 + 0.25 * 10
    assertThat(Quantiles.of(new double[] {20, 10}, 0.25)).isCloseTo(12.5, within(EPS));
    assertThat(Quantiles.of(new double[] {7}, 0.95)).isEqualTo(7);
    assertThatThrownBy(() -> Quantiles.of(new double[] {1}, 1.5)).isInstanceOf(RuleViolation.class)
        .hasMessage("p: must be between 0 and 1 (was 1.5)");
  }

  @Test
  void momentsMergeToTheSameFiguresAsOneStream() {
    // {2,4,4,4,5,5,7,9}: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7
    Moments all = new Moments();
    Sample left = new Sample();
    Sample right = new Sample();
    double[] xs = {2, 4, 4, 4, 5, 5, 7, 9};
    for (int i = 0; i < xs.length; i++) {
      all.add(xs[i]);
      (i < 3 ? left : right).add(xs[i]);
    }
    left.merge(right);
    for (Moments m : new Moments[] {all, left.moments()}) {
      assertThat(m.count()).isEqualTo(8);
      assertThat(m.mean()).isCloseTo(5, within(EPS));
      assertThat(m.variance()).isCloseTo(32.0 / 7, within(EPS));
      assertThat(m.min()).isEqualTo(2);
      assertThat(m.max()).isEqualTo(9);
    }
  }

  @Test
  void aMeanCarriesStudentsInterval() {
    // {1,2,3,4}: mean 2.5, s^2 = 5/3, se = sqrt(5/12) = 0.6454972, t(3; 0.975) = 3.1824463
    Estimate e = Estimates.mean(new double[] {1, 2, 3, 4});
    assertThat(e.value()).isEqualTo(2.5);
    assertThat(e.n()).isEqualTo(4);
    assertThat(e.halfWidth()).isCloseTo(3.1824463 * 0.6454972, within(1e-6));
    assertThat(Estimates.mean(new double[] {3}).low()).isNaN();
  }

  @Test
  void aProportionCarriesWilsonsInterval() {
    // 5/10: centre 0.5, half = 1.96 sqrt(0.025 + 1.96^2/400) / (1 + 1.96^2/10) = 0.26340
    Estimate half = Estimates.proportion(5, 10);
    assertThat(half.low()).isCloseTo(0.23659, within(1e-5));
    assertThat(half.high()).isCloseTo(0.76341, within(1e-5));
    // 0/10 is not "0 +- 0": the upper bound is z^2/n / (1 + z^2/n) = 0.27753
    Estimate none = Estimates.proportion(0, 10);
    assertThat(none.value()).isZero();
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.27753, within(1e-5));
    assertThatThrownBy(() -> Estimates.proportion(11, 10)).hasMessage("successes: must be between 0 and n = 10 (was 11)");
  }

  @Test
  void aQuantileCarriesAnOrderStatisticInterval() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = 100 - i; // 100..1, unsorted
    }
    // median: h = 49.5 -> 50.5; ranks floor(50 - 9.8) = 40 and ceil(59.8) + 1 = 61
    Estimate median = Estimates.quantile(v, 0.5);
    assertThat(median.value()).isCloseTo(50.5, within(EPS));
    assertThat(median.low()).isEqualTo(40);
    assertThat(median.high()).isEqualTo(61);
    // 20 values cannot bound a 95th percentile from above
    double[] twenty = new double[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = i + 1;
    }
    Estimate p95 = Estimates.quantile(twenty, 0.95);
    assertThat(p95.value()).isCloseTo(19.05, within(EPS)); // h = 18.05: 19 + 0.05
    assertThat(p95.high()).isNaN();
  }

  @Test
  void debtSideFigures() {
    // insolvent only where debt > collateral: 0 + (50 - 40) + (80 - 60) = 30; the surplus of the first does not offset
    assertThat(DebtRisk.insolventDebt(new double[] {100, 50, 80}, new double[] {120, 40, 60})).isEqualTo(30);
    double[] perPath = new double[20];
    for (int i = 0; i < 20; i++) {
      perPath[i] = 10 * (i + 1);
    }
    assertThat(DebtRisk.valueAtRisk95(perPath).value()).isCloseTo(190.5, within(EPS));
    assertThat(DebtRisk.liquidationsAtRisk95(perPath).value()).isCloseTo(190.5, within(EPS));
    assertThat(DebtRisk.liquidationsAtRisk95(perPath).n()).isEqualTo(20);
    // 0.42 ETH at 2500 for 1000 of debt: 1050 - 1000
    assertThat(DebtRisk.penalty(1000, 0.42, 2500)).isCloseTo(50, within(1e-9));
    // peaks 100, 120, 130: worst fall 130 -> 65
    assertThat(DebtRisk.maxDrawdown(new double[] {100, 120, 90, 130, 65})).isEqualTo(0.5);
    // 30% with feedback against 20% without
    assertThat(DebtRisk.cascadeAmplification(new double[] {100, 80}, new double[] {100, 70})).isCloseTo(1.5, within(EPS));
    Estimate ruin = DebtRisk.probabilityOfRuin(new double[] {-1, -0.5, 0.2, -1.2}, 1.0);
    assertThat(ruin.value()).isEqualTo(0.5);
    assertThat(ruin.n()).isEqualTo(4);
    assertThatThrownBy(() -> DebtRisk.insolventDebt(new double[2], new double[3]))
        .hasMessage("collateralValue: must have one entry per account (2; was 3)");
  }

  @Test
  void optionsSideFigures() {
    // daily values 100, 101, 99.99, 100 against 100: log-deviation changes
    // ln 1.01, ln(0.9999/1.01), -ln 0.9999; sample sd * sqrt(365) = 0.191063265...
    double[] target = {100, 100, 100, 100};
    assertThat(OptionsRisk.trackingError(new double[] {100, 101, 99.99, 100}, target, 1.0 / 365))
        .isCloseTo(0.19106326516020739, within(1e-12));
    // on target all along: no tracking error
    assertThat(OptionsRisk.trackingError(target, target, 1.0 / 365)).isZero();
    // 20 of roll cost on an average 1000 over 2 years: 1% a year
    assertThat(OptionsRisk.rollCostPerYear(20, 1000, 2)).isCloseTo(0.01, within(EPS));
    assertThat(OptionsRisk.shortfall(950, 1000)).isCloseTo(0.05, within(EPS));
    assertThat(OptionsRisk.shortfall(1010, 1000)).isZero();
    double[] shortfalls = {0, 0, 0.01, 0.02, 0.05};
    assertThat(OptionsRisk.shortfall95(shortfalls).value()).isCloseTo(0.044, within(EPS)); // h = 3.8: 0.02 + 0.8 * 0.03
    assertThat(OptionsRisk.rollVolume95(new double[] {1, 2, 3, 4, 5}).value()).isCloseTo(4.8, within(EPS));
  }

  @Test
  void trackingErrorDecomposesIntoSharesThatAddUpToOne() {
    double[] drift = {0.01, -0.01, 0.01, -0.01};
    double[] flatSlippage = {-0.002, -0.002, -0.002, -0.002};
    double[] none = {0, 0, 0, 0};
    // all the variance is the drift's: sd = sqrt(4e-4 / 3), annualised * sqrt(365)
    OptionsRisk.TrackingDecomposition d = OptionsRisk.decompose(drift, flatSlippage, none, 1.0 / 365);
    assertThat(d.total()).isCloseTo(0.2206052281036573, within(1e-12));
    assertThat(d.deltaDrift()).isCloseTo(d.total(), within(1e-12));
    assertThat(d.rollSlippage()).isZero();
    assertThat(d.deltaDriftShare()).isCloseTo(1, within(EPS));
    assertThat(d.rollSlippageShare()).isZero();
    // two identical sources share equally, and the total is twice either
    OptionsRisk.TrackingDecomposition twin = OptionsRisk.decompose(drift, drift, none, 1.0 / 365);
    assertThat(twin.deltaDriftShare()).isCloseTo(0.5, within(EPS));
    assertThat(twin.rollSlippageShare()).isCloseTo(0.5, within(EPS));
    assertThat(twin.total()).isCloseTo(2 * twin.deltaDrift(), within(1e-12));
    assertThat(twin.deltaDriftShare() + twin.rollSlippageShare() + twin.settlementShare()).isCloseTo(1, within(EPS));
  }

  @Test
  void aSampleMergedFromChunksIsBitIdenticalToOneStreamWhereverTheChunksAreCut() {
    // The engine's chunk size must not move a single bit of a figure: chunks cut at 1, 7, 16 or 64
    // paths must give the very doubles of one stream (Chan's pairwise merge of the moments would not).
    var rng = new java.util.SplittableRandom(20261202);
    double[] xs = new double[257];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i % 37 == 5 ? Double.NaN : Math.exp(3 * rng.nextGaussian()) * (rng.nextBoolean() ? 1 : -1e-3);
    }
    Sample one = new Sample();
    for (double x : xs) {
      one.add(x);
    }
    for (int chunk : new int[] {1, 7, 16, 64}) {
      Sample total = new Sample();
      for (int from = 0; from < xs.length; from += chunk) {
        Sample part = new Sample();
        for (int i = from; i < Math.min(xs.length, from + chunk); i++) {
          part.add(xs[i]);
        }
        total.merge(part);
      }
      assertThat(total.count()).isEqualTo(one.count());
      assertThat(total.presentCount()).isEqualTo(one.presentCount());
      assertThat(Double.doubleToRawLongBits(total.moments().mean())).as("mean, chunks of %d", chunk)
          .isEqualTo(Double.doubleToRawLongBits(one.moments().mean()));
      assertThat(Double.doubleToRawLongBits(total.moments().variance())).as("variance, chunks of %d", chunk)
          .isEqualTo(Double.doubleToRawLongBits(one.moments().variance()));
      assertThat(total.moments().min()).isEqualTo(one.moments().min());
      assertThat(total.moments().max()).isEqualTo(one.moments().max());
      assertThat(total.values()).containsExactly(one.values());
    }
  }

  @Test
  void samplesKeepPathOrderAndMergeExactly() {
    Sample a = new Sample();
    Sample b = new Sample();
    for (int i = 0; i < 40; i++) {
      (i < 17 ? a : b).add(i * 1.5);
    }
    a.merge(b);
    assertThat(a.count()).isEqualTo(40);
    assertThat(a.values()[39]).isEqualTo(58.5);
    assertThat(a.mean().value()).isCloseTo(29.25, within(EPS));
    assertThat(a.quantile(0.5).value()).isCloseTo(29.25, within(EPS));
    assertThat(a.shareAtLeast(30).value()).isCloseTo(20 / 40.0, within(EPS)); // i = 20..39: 30, 31.5, ..., 58.5
  }
}
