package noliq.lab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import noliq.lab.engine.PathRandom;
import org.junit.jupiter.api.Test;

class BridgeLowsTest {
  /**
   * A path that steps 100 → 101 → 100 ...: every step's variance estimate is (ln 1.01)², and the
   * share of steps whose low goes under 99 must match the bridge's law
   * {@code exp(−2 (a − y)(b − y) / v)}, within four binomial standard deviations.
   */
  @Test
  void theLowsFollowTheBrownianBridgeMinimumLaw() {
    int n = 40_001;
    double[] p = new double[n];
    for (int t = 0; t < n; t++) {
      p[t] = t % 2 == 0 ? 100 : 101;
    }
    double[] lows = BridgeLows.of(p, PathRandom.forPath(7, 0));
    double v = Math.pow(Math.log(1.01), 2);
    double y = Math.log(99);
    double expected = Math.exp(-2 * (Math.log(100) - y) * (Math.log(101) - y) / v);
    int under = 0;
    for (int t = 1; t < n; t++) {
      assertThat(lows[t]).isPositive().isLessThanOrEqualTo(Math.min(p[t - 1], p[t]));
      if (lows[t] < 99) {
        under++;
      }
    }
    double share = under / (double) (n - 1);
    double sd = Math.sqrt(expected * (1 - expected) / (n - 1));
    assertThat(share).isCloseTo(expected, org.assertj.core.api.Assertions.within(4 * sd));
  }

  /** More volatility between the same closes gives deeper lows: a path that swings 3% dips further than one at 1%. */
  @Test
  void moreVolatileStepsHaveDeeperLows() {
    double[] calm = new double[2001];
    double[] wild = new double[2001];
    for (int t = 0; t < calm.length; t++) {
      calm[t] = t % 2 == 0 ? 100 : 101;
      wild[t] = t % 2 == 0 ? 100 : 103;
    }
    double[] lc = BridgeLows.of(calm, PathRandom.forPath(3, 0));
    double[] lw = BridgeLows.of(wild, PathRandom.forPath(3, 0));
    double depthCalm = 0;
    double depthWild = 0;
    for (int t = 1; t < calm.length; t++) {
      depthCalm += Math.log(100 / lc[t]);
      depthWild += Math.log(100 / lw[t]);
    }
    assertThat(depthWild).isGreaterThan(2 * depthCalm);
  }
}
