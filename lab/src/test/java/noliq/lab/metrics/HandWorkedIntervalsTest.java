package noliq.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The intervals and boundaries of the lab's statistics on samples small enough to work out by hand.
 * A percentile bootstrap on two to four values has a replicate distribution that can be listed: each
 * expected bound below is the value that more than 2.5% of the resamples reach (the 2.5% point of
 * 1,999 sorted replicates is the 50th and 51st; the 97.5% point the 1,949th and 1,950th), with the
 * probability written next to it. Critical values are from printed tables (t, chi-square).
 */
class HandWorkedIntervalsTest {
  private static final double EPS = 1e-12;

  // ---- bootstrap means ----

  @Test
  void theBootstrapMeanOfZeroAndOneRunsFromZeroToOne() {
    // a resample of {0, 1} is {0, 0} a quarter of the time (mean 0) and {1, 1} a quarter (mean 1):
    // both ends hold far more than 2.5% of the replicates
    Estimate e = Bootstrap.mean(new double[] {0, 1});
    assertThat(e.value()).isEqualTo(0.5);
    assertThat(e.n()).isEqualTo(2);
    assertThat(e.low()).isZero();
    assertThat(e.high()).isEqualTo(1.0);
    // a non-negative figure takes the bootstrap whatever its skewness (0 here)
    assertThat(Figures.skewness(new double[] {0, 1})).isZero();
    assertThat(Figures.mean(new double[] {0, 1}, true)).isEqualTo(e);
    // one value: no interval
    Estimate one = Bootstrap.mean(new double[] {5});
    assertThat(one.value()).isEqualTo(5);
    assertThat(one.n()).isEqualTo(1);
    assertThat(one.low()).isNaN();
    assertThat(one.high()).isNaN();
  }

  @Test
  void skewnessIsTheTwoPointFormulaAndPicksTheInterval() {
    // a two-point sample with a share q of ones has g1 = (1 - 2q) / sqrt(q (1 - q))
    // {0,0,0,1}: q = 1/4, g1 = 0.5 / sqrt(3/16) = 2 / sqrt(3) = 1.1547 > 1: skewed
    assertThat(Figures.skewness(new double[] {0, 0, 0, 1})).isCloseTo(2 / Math.sqrt(3), within(1e-12));
    // {0,0,1}: q = 1/3, g1 = (1/3) / sqrt(2/9) = 1 / sqrt(2) = 0.7071 < 1: roughly symmetric
    assertThat(Figures.skewness(new double[] {0, 0, 1})).isCloseTo(1 / Math.sqrt(2), within(1e-12));
    // mirrored, the skewness changes sign
    assertThat(Figures.skewness(new double[] {1, 1, 1, 0})).isCloseTo(-2 / Math.sqrt(3), within(1e-12));

    // {0,0,1} not declared non-negative: Student's t, mean 1/3, s^2 = 1/3, se = 1/3, t(2) = 4.302653
    Estimate t = Figures.mean(new double[] {0, 0, 1}, false);
    assertThat(t.value()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(t.low()).isCloseTo(1.0 / 3 - 4.302653 / 3, within(1e-6));
    assertThat(t.high()).isCloseTo(1.0 / 3 + 4.302653 / 3, within(1e-6));

    // {0,0,0,1}: skewed, so the bootstrap. A resample mean is K/4 with K ~ Binomial(4, 1/4):
    // P(K = 0) = 81/256 = 32%, so the low end is 0; P(K >= 3) = 13/256 = 5.1% > 2.5% but
    // P(K = 4) = 1/256 = 0.4% < 2.5%, so the high end is 3/4
    Estimate b = Figures.mean(new double[] {0, 0, 0, 1}, false);
    assertThat(b.value()).isEqualTo(0.25);
    assertThat(b.low()).isZero();
    assertThat(b.high()).isEqualTo(0.75);
  }

  @Test
  void absentValuesAreLeftOutOfEveryFigure() {
    assertThat(Figures.present(new double[] {1, Double.NaN, 2})).containsExactly(1, 2);
    // {NaN, 2, 4}: mean 3 of the two present values, symmetric, so t(1) = 12.706205 times se = 1
    Estimate m = Figures.mean(new double[] {Double.NaN, 2, 4}, false);
    assertThat(m.value()).isEqualTo(3);
    assertThat(m.n()).isEqualTo(2);
    assertThat(m.halfWidth()).isCloseTo(12.706205, within(1e-6));
    // nothing present: no figure, and n = 0
    for (Estimate none : new Estimate[] {
        Figures.mean(new double[] {Double.NaN}, false),
        Figures.quantile(new double[] {Double.NaN}, 0.5),
        Figures.expectedShortfall(new double[] {Double.NaN, Double.NaN}, 0.95),
        Figures.shareAtLeast(new double[] {Double.NaN}, 0),
        Figures.shareBelow(new double[] {Double.NaN}, 0)}) {
      assertThat(none.value()).isNaN();
      assertThat(none.n()).isZero();
      assertThat(none.low()).isNaN();
      assertThat(none.high()).isNaN();
    }
    assertThatThrownBy(() -> Figures.mean(new double[0], false)).isInstanceOf(RuleViolation.class)
        .hasMessage("values: need at least one value for a mean");
  }

  @Test
  void aConstantSampleHasItsValueAndNoInterval() {
    assertThat(Figures.constantValue(new double[] {2, Double.NaN, 2})).isEqualTo(2);
    assertThat(Figures.constantValue(new double[] {Double.NaN})).isNaN();
    assertThat(Figures.constantValue(new double[] {-4e-15, 3e-15})).isZero();
    Estimate es = Figures.expectedShortfall(new double[] {5, 5, 5}, 0.95);
    assertThat(es.value()).isEqualTo(5);
    assertThat(es.n()).isEqualTo(3);
    assertThat(es.low()).isNaN();
    assertThat(es.high()).isNaN();
  }

  @Test
  void noiseIsBelowTheStatedLevelsNotAtThem() {
    // below 1e-10 absolute, or below 1e-12 of the scale, is noise; exactly at either level it is a figure
    assertThat(Figures.clean(1e-10, 1)).isEqualTo(1e-10);
    assertThat(Figures.clean(9e-11, 1)).isZero();
    assertThat(Figures.clean(1e-6, 1e6)).isEqualTo(1e-6);
    assertThat(Figures.clean(-9e-7, 1e6)).isZero();
    // 1e-5 next to 1e8 is 1e-13 of it: noise
    assertThat(Figures.clean(1e-5, 1e8)).isZero();
    assertThat(Figures.clean(1e-5, -1e8)).isZero();
    assertThat(Figures.clean(2, 1e8)).isEqualTo(2);
  }

  // ---- expected shortfall (CVaR95) ----

  @Test
  void expectedShortfallOfFourLossesIsTheWorstWithItsResampleMaximumInterval() {
    // n = 4, p = 0.95: the worst ceil(4 * 0.05) = 1 value, so CVaR95 is the maximum, 40.
    // A resample's maximum is 10 with probability (1/4)^4 = 0.4% (< 2.5%), at most 20 with
    // (2/4)^4 = 6.25% (> 2.5%): the low end is 20; it is 40 with 1 - (3/4)^4 = 68%: the high end is 40.
    // The losses come unsorted: the figure and its interval must not depend on their order.
    Estimate es = Figures.expectedShortfall(new double[] {40, 10, 20, 30}, 0.95);
    assertThat(es.value()).isEqualTo(40);
    assertThat(es.n()).isEqualTo(4);
    assertThat(es.low()).isEqualTo(20);
    assertThat(es.high()).isEqualTo(40);
    assertThat(Figures.tailMean(new double[] {40, 10, 20, 30}, 0.95)).isEqualTo(40);
    // at p = 0.5 the worst two: (30 + 40) / 2
    assertThat(Figures.tailMean(new double[] {40, 10, 20, 30}, 0.5)).isEqualTo(35);
  }

  @Test
  void expectedShortfallWalksDownToTheSmallestLossWhenAResampleHoldsNothingElse() {
    // {20, 10}: a resample's maximum is 10 when both draws are 10, a quarter of the time: [10, 20]
    Estimate two = Figures.expectedShortfall(new double[] {20, 10}, 0.95);
    assertThat(two.value()).isEqualTo(20);
    assertThat(two.low()).isEqualTo(10);
    assertThat(two.high()).isEqualTo(20);
    // {10, 20, 30}: three draws are all 10 with probability 1/27 = 3.7% > 2.5%, so the low end is
    // 10 (with a fourth draw it would be 1/81 = 1.2% and the low end 20)
    Estimate three = Figures.expectedShortfall(new double[] {30, 10, 20}, 0.95);
    assertThat(three.value()).isEqualTo(30);
    assertThat(three.low()).isEqualTo(10);
    assertThat(three.high()).isEqualTo(30);
  }

  // ---- shares and quantiles ----

  @Test
  void sharesCountTheRightSideOfTheThreshold() {
    // {0, 1, 2}: two at or above 1, one strictly below it
    assertThat(Figures.shareAtLeast(new double[] {0, 1, 2}, 1).value()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(Figures.shareBelow(new double[] {0, 1, 2}, 1).value()).isCloseTo(1.0 / 3, within(EPS));
    // ruin at or below -100%: only -1.0 and -1.5 of {-1.0, -0.2, 0.3, -1.5, 0.1}
    Estimate ruin = DebtRisk.probabilityOfRuin(new double[] {-1.0, -0.2, 0.3, -1.5, 0.1}, 1.0);
    assertThat(ruin.value()).isCloseTo(0.4, within(EPS));
    assertThat(ruin.n()).isEqualTo(5);
  }

  @Test
  void wilsonAtTheEdgesOfItsInputs() {
    // 10 of 10: 1, and the interval [1 / (1 + z^2/10), 1] = [0.72247, 1]
    Estimate all = Estimates.proportion(10, 10);
    assertThat(all.value()).isEqualTo(1);
    assertThat(all.high()).isCloseTo(1, within(1e-12));
    assertThat(all.low()).isCloseTo(0.72247, within(1e-5));
    assertThatThrownBy(() -> Estimates.proportion(0, 0)).isInstanceOf(RuleViolation.class)
        .hasMessage("n: must be positive (was 0)");
    assertThatThrownBy(() -> Estimates.proportion(-1, 10)).isInstanceOf(RuleViolation.class)
        .hasMessage("successes: must be between 0 and n = 10 (was -1)");
  }

  @Test
  void theMedianOfTenIsBoundedByTheFirstAndTenthValues() {
    // n = 10, p = 0.5: 1.96 sqrt(2.5) = 3.099; ranks floor(5 - 3.099) = 1 and ceil(5 + 3.099) + 1 = 10:
    // the interval just fits the sample, the smallest and the largest value
    double[] v = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    Estimate median = Estimates.quantile(v, 0.5);
    assertThat(median.value()).isEqualTo(5.5);
    assertThat(median.low()).isEqualTo(1);
    assertThat(median.high()).isEqualTo(10);
  }

  @Test
  void quantilesAcceptTheEndsOfTheUnitIntervalAndNeedAValue() {
    assertThat(Quantiles.of(new double[] {3, 1, 2}, 0)).isEqualTo(1);
    assertThat(Quantiles.of(new double[] {3, 1, 2}, 1)).isEqualTo(3);
    assertThatThrownBy(() -> Quantiles.of(new double[] {1}, -0.1)).isInstanceOf(RuleViolation.class)
        .hasMessage("p: must be between 0 and 1 (was -0.1)");
    assertThatThrownBy(() -> Quantiles.ofSorted(new double[] {1, 2}, 0, 0.5)).isInstanceOf(RuleViolation.class)
        .hasMessage("values: need at least one value for a quantile");
  }

  @Test
  void anIntervalCoversItsEnds() {
    Estimate e = new Estimate(2, 5, 1, 3);
    assertThat(e.covers(1)).isTrue();
    assertThat(e.covers(3)).isTrue();
    assertThat(e.covers(0.999)).isFalse();
    assertThat(e.covers(3.001)).isFalse();
    Estimate exact = Estimate.exact(4, 7);
    assertThat(exact).isEqualTo(new Estimate(4, 7, 4, 4));
    assertThat(exact.halfWidth()).isZero();
  }

  // ---- moments and samples ----

  @Test
  void twoValuesHaveAVarianceAndOneHasNone() {
    Moments two = new Moments();
    two.add(1);
    two.add(3);
    assertThat(two.variance()).isEqualTo(2); // (1 + 1) / 1
    assertThat(two.standardDeviation()).isCloseTo(Math.sqrt(2), within(EPS));
    assertThat(two.standardError()).isCloseTo(1, within(EPS)); // sqrt(2 / 2)
    Moments one = new Moments();
    one.add(7);
    assertThat(one.variance()).isNaN();
    assertThat(one.standardDeviation()).isNaN();
    Moments empty = new Moments();
    assertThat(empty.mean()).isNaN();
    assertThat(empty.min()).isNaN();
    assertThat(empty.max()).isNaN();
  }

  @Test
  void aSampleKeepsAbsentValuesInPlaceAndCountsOnlyThePresent() {
    Sample s = new Sample();
    s.add(-1);
    s.add(Double.NaN);
    s.add(-3);
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.presentCount()).isEqualTo(2);
    assertThat(s.values()).containsExactly(-1, Double.NaN, -3);
    assertThat(s.moments().count()).isEqualTo(2);
    assertThat(s.moments().mean()).isEqualTo(-2);
    assertThat(s.mean().value()).isEqualTo(-2);
    assertThat(s.quantile(0.5).value()).isEqualTo(-2);
    assertThat(s.quantile(0).value()).isEqualTo(-3);
    // none of -1, -3 is at or above 0 (the unused capacity of the store is not a value)
    assertThat(s.shareAtLeast(0).value()).isZero();
    assertThat(s.shareAtLeast(-2).value()).isCloseTo(0.5, within(EPS));

    Sample absent = new Sample();
    absent.add(Double.NaN);
    assertThat(absent.count()).isEqualTo(1);
    assertThat(absent.presentCount()).isZero();
    for (Estimate none : new Estimate[] {absent.mean(), absent.quantile(0.5), absent.shareAtLeast(0)}) {
      assertThat(none.value()).isNaN();
      assertThat(none.n()).isZero();
      assertThat(none.low()).isNaN();
    }
  }

  @Test
  void aSmallSampleTakesInALargeOne() {
    // one value, then forty merged in: the store must grow past twice its first capacity
    Sample small = new Sample();
    small.add(100);
    Sample large = new Sample();
    for (int i = 1; i <= 40; i++) {
      large.add(i);
    }
    small.merge(large);
    assertThat(small.count()).isEqualTo(41);
    assertThat(small.values()[0]).isEqualTo(100);
    assertThat(small.values()[40]).isEqualTo(40);
    // (100 + 820) / 41
    assertThat(small.mean().value()).isCloseTo(920.0 / 41, within(1e-12));
    assertThat(small.presentCount()).isEqualTo(41);
  }

  // ---- the options side ----

  @Test
  void trackingErrorAgainstAMovingTargetWithADriftingDeviation() {
    // ln value = 0, 1, 3 and ln target = 0, 1, 1: the log deviation is 0, 0, 2, its changes 0 and 2,
    // their sample sd sqrt(2); quarterly steps: times sqrt(4) = 2 sqrt(2)
    double e = Math.E;
    double te = OptionsRisk.trackingError(new double[] {1, e, e * e * e}, new double[] {1, e, e}, 0.25);
    assertThat(te).isCloseTo(2 * Math.sqrt(2), within(1e-12));
    // three points are enough; two are not; a step must have a length
    assertThatThrownBy(() -> OptionsRisk.trackingError(new double[] {1, 2}, new double[] {1, 1}, 0.25))
        .isInstanceOf(RuleViolation.class).hasMessage("series: needs at least three points for a tracking error (was 2)");
    assertThatThrownBy(() -> OptionsRisk.trackingError(new double[] {1, 2, 3}, new double[] {1, 1, 1}, 0))
        .isInstanceOf(RuleViolation.class).hasMessage("stepYears: must be positive (was 0.0)");
  }

  @Test
  void theDecompositionOfCorrelatedSourcesWithADrift() {
    // per-step contributions: delta drift {1, 2, 3}, roll slippage {1, 1, 1}, settlement {0, 0, 2};
    // total {2, 3, 6}, mean 11/3, deviations -5/3, -2/3, 7/3: variance (25 + 4 + 49) / 9 / 2 = 13/3.
    // var(drift) = 1, var(slippage) = 0, var(settlement) = (4 + 4 + 16) / 9 / 2 = 4/3.
    // cov(drift, total) = (5/3 + 0 + 7/3) / 2 = 2: share 2 / (13/3) = 6/13;
    // cov(settlement, total) = (10/9 + 4/9 + 28/9) / 2 = 7/3: share 7/13; slippage's share 0.
    // Quarterly steps: each sd times sqrt(4).
    OptionsRisk.TrackingDecomposition d = OptionsRisk.decompose(
        new double[] {1, 2, 3}, new double[] {1, 1, 1}, new double[] {0, 0, 2}, 0.25);
    assertThat(d.total()).isCloseTo(Math.sqrt(4 * 13.0 / 3), within(1e-12));
    assertThat(d.deltaDrift()).isCloseTo(2, within(1e-12));
    assertThat(d.rollSlippage()).isZero();
    assertThat(d.settlement()).isCloseTo(Math.sqrt(4 * 4.0 / 3), within(1e-12));
    assertThat(d.deltaDriftShare()).isCloseTo(6.0 / 13, within(1e-12));
    assertThat(d.rollSlippageShare()).isZero();
    assertThat(d.settlementShare()).isCloseTo(7.0 / 13, within(1e-12));
    // two steps are enough: {1, 3} alone, variance 2, all of it the drift's
    OptionsRisk.TrackingDecomposition two = OptionsRisk.decompose(
        new double[] {1, 3}, new double[] {0, 0}, new double[] {0, 0}, 1);
    assertThat(two.total()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(two.deltaDriftShare()).isEqualTo(1);
    // the slippage alone, {1, 3} a quarter: variance 2, sd sqrt(2 * 4), all of the share
    OptionsRisk.TrackingDecomposition slip = OptionsRisk.decompose(
        new double[] {0, 0}, new double[] {1, 3}, new double[] {0, 0}, 0.25);
    assertThat(slip.rollSlippage()).isCloseTo(2 * Math.sqrt(2), within(1e-12));
    assertThat(slip.rollSlippageShare()).isEqualTo(1);
    assertThat(slip.deltaDriftShare()).isZero();
    // no variance at all: no shares
    OptionsRisk.TrackingDecomposition flat = OptionsRisk.decompose(
        new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0}, 1);
    assertThat(flat.total()).isZero();
    assertThat(flat.deltaDriftShare()).isNaN();
    assertThatThrownBy(() -> OptionsRisk.decompose(new double[] {1}, new double[] {1}, new double[] {1}, 1))
        .isInstanceOf(RuleViolation.class).hasMessage("components: need at least two steps");
  }

  @Test
  void rollCostAndShortfallNeedPositiveDenominators() {
    assertThatThrownBy(() -> OptionsRisk.rollCostPerYear(1, 0, 1)).isInstanceOf(RuleViolation.class)
        .hasMessage("averageValue: must be positive (was 0.0)");
    assertThatThrownBy(() -> OptionsRisk.rollCostPerYear(1, 1, 0)).isInstanceOf(RuleViolation.class)
        .hasMessage("years: must be positive (was 0.0)");
    assertThatThrownBy(() -> OptionsRisk.shortfall(1, 0)).isInstanceOf(RuleViolation.class)
        .hasMessage("target: must be positive (was 0.0)");
    // exactly on target: no shortfall
    assertThat(OptionsRisk.shortfall(1000, 1000)).isZero();
  }

  // ---- the annual-deviation drift ----

  @Test
  void twoWindowsOfOneHistoryHaveTheOneDegreeOfFreedomIntervals() {
    // d = 1, 3: mean 2, s^2 = (10 - 16/2) / 1 = 2. t(1; 0.975) = 12.706205, so 2 +- 12.706205 * sqrt(2 / 2);
    // chi-square(1) quantiles 0.000982069 and 5.023886: sd in [sqrt(2 / 5.023886), sqrt(2 / 0.000982069)]
    WindowDrift.Result r = WindowDrift.of(new double[] {2}, new double[] {4}, new double[] {10});
    assertThat(r.windows()).isEqualTo(2);
    assertThat(r.paths()).isEqualTo(1);
    assertThat(r.mean().value()).isEqualTo(2);
    assertThat(r.mean().low()).isCloseTo(2 - 12.706205, within(1e-5));
    assertThat(r.mean().high()).isCloseTo(2 + 12.706205, within(1e-5));
    assertThat(r.standardDeviation().value()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(r.standardDeviation().low()).isCloseTo(Math.sqrt(2 / 5.023886), within(1e-6));
    assertThat(r.standardDeviation().high()).isCloseTo(Math.sqrt(2 / 0.000982069), within(1e-3));
  }

  @Test
  void aPathWithoutWindowsDoesNotMakeAHistoryASample() {
    // the four windows of FiguresTest's history (d = 1..4) next to a path that holds none: still
    // one history, so still the chi-square interval, [0.73134, 4.81354]
    WindowDrift.Result r = WindowDrift.of(new double[] {4, 0}, new double[] {10, 0}, new double[] {30, 0});
    assertThat(r.paths()).isEqualTo(2);
    assertThat(r.windows()).isEqualTo(4);
    assertThat(r.standardDeviation().low()).isCloseTo(Math.sqrt(5 / 9.3484036), within(1e-5));
    assertThat(r.standardDeviation().high()).isCloseTo(Math.sqrt(5 / 0.2157953), within(1e-4));
    assertThat(r.mean().halfWidth()).isCloseTo(3.1824463 * Math.sqrt(5.0 / 12), within(1e-6));
  }

  @Test
  void twoPathsOfOneWindowEachAreBootstrappedOverPaths() {
    // path A: d = 0; path B: d = 2. Pooled: mean 1, s^2 = (4 - 4/2) / 1 = 2.
    // A resample of two paths is AA (1/4: mean 0, sd 0), AB or BA (1/2: mean 1, sd sqrt 2),
    // BB (1/4: mean 2, sd 0): the mean's interval is [0, 2], the sd's [0, sqrt 2]
    WindowDrift.Result r = WindowDrift.of(new double[] {1, 1}, new double[] {0, 2}, new double[] {0, 4});
    assertThat(r.mean().value()).isEqualTo(1);
    assertThat(r.mean().low()).isZero();
    assertThat(r.mean().high()).isEqualTo(2);
    assertThat(r.standardDeviation().value()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(r.standardDeviation().low()).isZero();
    assertThat(r.standardDeviation().high()).isCloseTo(Math.sqrt(2), within(1e-12));
  }

  @Test
  void oneWindowHasNoSpreadAndEqualWindowsHaveZeroSpread() {
    WindowDrift.Result one = WindowDrift.of(new double[] {1}, new double[] {3}, new double[] {9});
    assertThat(one.windows()).isEqualTo(1);
    assertThat(one.mean().value()).isEqualTo(3);
    assertThat(one.mean().low()).isNaN();
    assertThat(one.standardDeviation().value()).isNaN();
    // three windows of d = 2: sd exactly 0, and no interval on a constant
    WindowDrift.Result flat = WindowDrift.of(new double[] {3}, new double[] {6}, new double[] {12});
    assertThat(flat.mean().value()).isEqualTo(2);
    assertThat(flat.mean().low()).isNaN();
    assertThat(flat.standardDeviation().value()).isZero();
    assertThat(flat.standardDeviation().n()).isEqualTo(3);
    assertThat(flat.standardDeviation().low()).isNaN();
    assertThatThrownBy(() -> WindowDrift.of(new double[] {1, 1}, new double[] {1}, new double[] {1, 1}))
        .isInstanceOf(RuleViolation.class).hasMessage("windows: need one count, sum and sum of squares per path (2, 1, 2)");
  }
}
