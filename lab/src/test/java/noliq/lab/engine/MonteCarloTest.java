package noliq.lab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import noliq.lab.metrics.Estimate;
import noliq.lab.scenarios.Gbm;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class MonteCarloTest {
  private static final List<String> METRICS = List.of("final", "min", "below_2000");

  /** One GBM path per call, reusing its scratch array, as a real study would. */
  private static PathSimulator gbmStudy() {
    Gbm gbm = Gbm.hourly(0, 0.8);
    double[] path = new double[24 * 30 + 1];
    return (p, rng, out) -> {
      gbm.fill(2500, path, rng);
      double min = Double.POSITIVE_INFINITY;
      for (double x : path) {
        min = Math.min(min, x);
      }
      out[0] = path[path.length - 1];
      out[1] = min;
      out[2] = min < 2000 ? 1 : 0;
    };
  }

  @Test
  void resultsAreIdenticalOnOneThreadOrMany() {
    MonteCarloConfig config = new MonteCarloConfig(1_000, 42, 1);
    RunSummary one = MonteCarlo.run(config, METRICS, MonteCarloTest::gbmStudy, Progress.none());
    for (int threads : new int[] {2, 3, 8}) {
      RunSummary many = MonteCarlo.run(config.withThreads(threads), METRICS, MonteCarloTest::gbmStudy, Progress.none());
      for (String m : METRICS) {
        assertThat(many.metric(m).values()).containsExactly(one.metric(m).values());
        assertThat(many.metric(m).mean()).isEqualTo(one.metric(m).mean());
        assertThat(many.metric(m).quantile(0.95)).isEqualTo(one.metric(m).quantile(0.95));
      }
    }
  }

  @Test
  void eachPathDrawsFromItsOwnSeededStreamAndResultsStayInPathOrder() {
    RunSummary s = MonteCarlo.run(new MonteCarloConfig(700, 9, 3), List.of("index", "first_draw"),
        () -> (p, rng, out) -> {
          out[0] = p;
          out[1] = rng.nextLong();
        }, Progress.none());
    double[] index = s.metric("index").values();
    double[] draws = s.metric("first_draw").values();
    for (int p = 0; p < 700; p++) {
      assertThat(index[p]).isEqualTo(p);
      assertThat(draws[p]).isEqualTo((double) PathRandom.forPath(9, p).nextLong());
    }
  }

  @Test
  void onlyAMetricDeclaredAbsentMayBeLeftNaNAndItsStatisticsSkipTheAbsentPaths() {
    PathSimulator everyThird = (p, rng, out) -> {
      out[0] = p;
      out[1] = p % 3 == 0 ? p : Double.NaN; // e.g. a settlement figure on a path where nothing settled
    };
    RunSummary s = MonteCarlo.run(new MonteCarloConfig(9, 1, 1), List.of("index", "settled"), java.util.Set.of("settled"),
        () -> everyThird, Progress.none());
    assertThat(s.metric("settled").count()).isEqualTo(9);
    assertThat(s.metric("settled").presentCount()).isEqualTo(3);
    assertThat(s.metric("settled").values()[1]).isNaN(); // kept in path order
    assertThat(s.metric("settled").mean().value()).isEqualTo((0 + 3 + 6) / 3.0);
    assertThat(s.metric("settled").mean().n()).isEqualTo(3);
    assertThat(s.metric("settled").moments().max()).isEqualTo(6);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MonteCarlo.run(new MonteCarloConfig(9, 1, 1),
        List.of("index", "settled"), () -> everyThird, Progress.none())).hasMessageContaining("left metric 'settled' unset");
    // a metric absent on every path has no figure at all: NaN, never 0
    noliq.lab.metrics.Sample none = new noliq.lab.metrics.Sample();
    none.add(Double.NaN);
    assertThat(none.mean().value()).isNaN();
    assertThat(none.quantile(0.95).value()).isNaN();
    assertThat(none.moments().min()).isNaN();
  }

  @Test
  void aMartingaleEndsWhereItStartedWithinItsInterval() {
    RunSummary s = MonteCarlo.run(MonteCarloConfig.of(4_000, 5), METRICS, MonteCarloTest::gbmStudy, Progress.none());
    Estimate mean = s.metric("final").mean();
    assertThat(mean.value()).as(mean.toString()).isCloseTo(2500, within(2 * mean.halfWidth()));
    assertThat(s.metric("final").mean().n()).isEqualTo(4_000);
    // The share of paths whose hourly low falls below 2,000, against the reflection-principle law of
    // a drifted Brownian motion's minimum, its barrier shifted by Broadie, Glasserman and Kou's (1997)
    // 0.5826 sigma sqrt(dt) for hourly monitoring: about 0.357. Binomial standard error at n = 4,000.
    double expected = hourlyMinimumBelow(2000.0 / 2500.0, 0.8, 720);
    assertThat(expected).isCloseTo(0.357, within(0.002));
    double se = Math.sqrt(expected * (1 - expected) / 4_000);
    assertThat(s.metric("below_2000").mean().value()).isCloseTo(expected, within(4 * se));
  }

  @Test
  void progressIsReportedForEveryPath() {
    AtomicLong total = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Progress counting = new Progress() {
      @Override
      public void start(long t) {
        total.set(t);
      }

      @Override
      public void advance(long paths) {
        done.addAndGet(paths);
      }

      @Override
      public void finish() {}
    };
    MonteCarlo.run(new MonteCarloConfig(1_000, 1, 2), List.of("x"), () -> (p, rng, out) -> out[0] = 1, counting);
    assertThat(total.get()).isEqualTo(1_000);
    assertThat(done.get()).isEqualTo(1_000);
  }

  @Test
  void badStudiesAndConfigurationsAreRefused() {
    assertThatThrownBy(() -> new MonteCarloConfig(0, 1, 1)).isInstanceOf(RuleViolation.class).hasMessage("paths: must be at least 1 (was 0)");
    assertThatThrownBy(() -> MonteCarlo.run(MonteCarloConfig.of(10, 1), List.of("a", "a"), () -> (p, r, o) -> {}, Progress.none()))
        .hasMessage("metrics: names must be distinct (were [a, a])");
    assertThatThrownBy(() -> MonteCarlo.run(MonteCarloConfig.of(10, 1), List.of("a", "b"), () -> (p, r, o) -> o[0] = 1, Progress.none()))
        .isInstanceOf(IllegalStateException.class).hasMessage("path 0 left metric 'b' unset (NaN)");
    assertThatThrownBy(() -> MonteCarlo.run(new MonteCarloConfig(600, 1, 2), List.of("a"), () -> (p, r, o) -> {
      if (p == 300) {
        throw new RuleViolation("price", "must be positive");
      }
      o[0] = 1;
    }, Progress.none())).isInstanceOf(RuleViolation.class).hasMessage("price: must be positive");
    RunSummary s = MonteCarlo.run(MonteCarloConfig.of(5, 1), List.of("a"), () -> (p, r, o) -> o[0] = 1, Progress.none());
    assertThatThrownBy(() -> s.metric("b")).hasMessage("metric: unknown metric 'b' (known: a)");
  }

  /**
   * P(min over {@code steps} hourly GBM steps of x/x0 < {@code level}) for a martingale at
   * {@code vol}: P(min W <= b) = Phi((b - nu T)/(s sqrt T)) + exp(2 nu b / s^2) Phi((b + nu T)/(s sqrt T)),
   * nu = -s^2/2, with b = ln(level) - 0.5826 s sqrt(dt) for discrete monitoring.
   */
  private static double hourlyMinimumBelow(double level, double vol, int steps) {
    double dt = 1.0 / 8760;
    double t = steps * dt;
    double nu = -0.5 * vol * vol;
    double b = Math.log(level) - 0.5826 * vol * Math.sqrt(dt);
    double sd = vol * Math.sqrt(t);
    var normal = new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
    return normal.cumulativeProbability((b - nu * t) / sd)
        + Math.exp(2 * nu * b / (vol * vol)) * normal.cumulativeProbability((b + nu * t) / sd);
  }
}
