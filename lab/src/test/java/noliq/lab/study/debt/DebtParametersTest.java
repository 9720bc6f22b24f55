package noliq.lab.study.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The debt books' parameter records at the ends of their ranges (one component changed at a time,
 * through the canonical constructor), the congestion model's gas price worked by hand, and the
 * growing index's triggers after interest.
 */
class DebtParametersTest {
  private static void refused(Runnable r, String field) {
    assertThatThrownBy(r::run).isInstanceOf(RuleViolation.class).hasMessageStartingWith(field + ":");
  }

  private static void accepted(Runnable r) {
    assertThatCode(r::run).doesNotThrowAnyException();
  }

  @Test
  void congestionAsksTheStatedGasPrice() {
    // Black Thursday's model: 20 gwei calm, ln(10)/0.3 per unit of fall, so a 30% fall asks 200 gwei and 15% asks
    // 20 * sqrt(10) = 63.25 gwei; a price above the high is no fall at all
    Congestion c = Congestion.blackThursday(288);
    assertThat(c.lookbackSteps()).isEqualTo(288);
    assertThat(c.active()).isTrue();
    assertThat(c.networkGwei(0.3)).isCloseTo(200, within(1e-9));
    assertThat(c.networkGwei(0.15)).isCloseTo(20 * Math.sqrt(10), within(1e-9));
    assertThat(c.networkGwei(0)).isEqualTo(20);
    assertThat(c.networkGwei(-0.1)).isEqualTo(20);
    assertThat(Congestion.NONE.active()).isFalse();
    assertThat(Congestion.NONE.networkGwei(0.5)).isZero();
    // ranges: non-negative and finite, a lookback of at least one step
    accepted(() -> new Congestion(0, 0, 1));
    refused(() -> new Congestion(-1e-9, 20, 1), "sensitivity");
    refused(() -> new Congestion(Double.POSITIVE_INFINITY, 20, 1), "sensitivity");
    refused(() -> new Congestion(1, -1e-9, 1), "baseGwei");
    refused(() -> new Congestion(1, Double.POSITIVE_INFINITY, 1), "baseGwei");
    refused(() -> new Congestion(1, 20, 0), "lookbackSteps");
  }

  @Test
  void aGrowingIndexMovesEveryTriggerOfAClassAtOnce() {
    // two classes: positions 0 and 1 in class 0, position 2 in class 1; triggers 1,000, 900 and 950
    GrowingIndex index = new GrowingIndex(2, new int[] {0, 0, 1});
    index.put(0, 1000);
    index.put(1, 900);
    index.put(2, 950);
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.highestLiquidationPrice()).isEqualTo(1000);
    // class 1's debt grows 10%: its trigger rises to 1,045, above class 0's highest
    index.grow(1, 1.1);
    assertThat(index.highestLiquidationPrice()).isCloseTo(1045, within(1e-9));
    // below 1,000: only position 2 (1,045) triggers; below 899: positions 0 then 1 (class 0, highest first)
    assertThat(index.triggeredBelow(1000)).containsExactly(2);
    assertThat(index.triggeredBelow(899)).containsExactly(0, 1);
    assertThat(index.size()).isZero();
    assertThat(index.highestLiquidationPrice()).isNaN();
    // a position put after growth is stored as its debt stands now: a trigger of 1,100 is 1,100, not 1,210
    index.put(2, 1100);
    assertThat(index.highestLiquidationPrice()).isCloseTo(1100, within(1e-9));
    assertThat(index.triggeredBelow(1100)).isEmpty();
    assertThat(index.remove(2)).isTrue();
    assertThat(index.remove(2)).isFalse();
    // one class: the same arithmetic without the class table
    GrowingIndex one = new GrowingIndex();
    one.put(7, 500);
    one.grow(0, 2);
    assertThat(one.triggeredBelow(999)).containsExactly(7);
  }

  @Test
  void behaviourRanges() {
    Behaviour p = Behaviour.PASSIVE;
    accepted(() -> new Behaviour(1, 1, 1.01, 1.01, Duration.ofDays(365), 1));
    refused(() -> new Behaviour(-1e-9, 0, 1.01, 1.01, Duration.ZERO, 0), "reactShare");
    refused(() -> new Behaviour(1.0001, 0, 1.01, 1.01, Duration.ZERO, 0), "reactShare");
    refused(() -> new Behaviour(0, -1e-9, 1.01, 1.01, Duration.ZERO, 0), "repayShare");
    refused(() -> new Behaviour(0, 1.0001, 1.01, 1.01, Duration.ZERO, 0), "repayShare");
    refused(() -> new Behaviour(0, 0, 1, 1.01, Duration.ZERO, 0), "threshold");
    refused(() -> new Behaviour(0, 0, 1.2, 1.19, Duration.ZERO, 0), "threshold");
    refused(() -> new Behaviour(0, 0, 1.2, Double.POSITIVE_INFINITY, Duration.ZERO, 0), "threshold");
    refused(() -> new Behaviour(0, 0, 1.01, 1.01, Duration.ofSeconds(-1), 0), "delay");
    refused(() -> new Behaviour(0, 0, 1.01, 1.01, Duration.ofDays(365).plusSeconds(1), 0), "delay");
    refused(() -> new Behaviour(0, 0, 1.01, 1.01, null, 0), "delay");
    refused(() -> new Behaviour(0, 0, 1.01, 1.01, Duration.ZERO, -1e-9), "reopenProbability");
    refused(() -> new Behaviour(0, 0, 1.01, 1.01, Duration.ZERO, 1.0001), "reopenProbability");
    assertThat(p.reactShare()).isZero();
  }

  @Test
  void liquidatorRanges() {
    accepted(() -> new Liquidators(1, 0, 0, 0, 0, 0, 1e-9, 1e-9));
    refused(() -> new Liquidators(0, 12, 60, 5e5, 20, 200, 1e5, 1e7), "count");
    refused(() -> new Liquidators(5, -1e-9, 60, 5e5, 20, 200, 1e5, 1e7), "latency");
    refused(() -> new Liquidators(5, 12, 11.9, 5e5, 20, 200, 1e5, 1e7), "latency");
    refused(() -> new Liquidators(5, 12, 60, -1, 20, 200, 1e5, 1e7), "gas");
    refused(() -> new Liquidators(5, 12, 60, 5e5, -1e-9, 200, 1e5, 1e7), "gas");
    refused(() -> new Liquidators(5, 12, 60, 5e5, 20, 19.9, 1e5, 1e7), "gas");
    refused(() -> new Liquidators(5, 12, 60, 5e5, 20, 200, 0, 1e7), "capital");
    refused(() -> new Liquidators(5, 12, 60, 5e5, 20, 200, 1e5, 99_999), "capital");
    refused(() -> new Liquidators(5, 12, 60, 5e5, 20, 200, 1e5, Double.POSITIVE_INFINITY), "capital");
  }

  /** Interest with one component changed; the Aave curve is left flat (no contract checks) unless a test sets it. */
  private static Interest interest(Duration every, double usage, double base, double s1, double s2, double reserve,
      double maker, double liquity, double logSd) {
    return new Interest(every, usage, base, s1, s2, reserve, maker, liquity, logSd);
  }

  @Test
  void interestRanges() {
    Duration d = Duration.ofDays(1);
    accepted(() -> interest(Duration.ofMinutes(1), 0.01, 0, 0, 0, 0, 0, 0, 0));
    accepted(() -> interest(Duration.ofDays(365), 0.99, 0, 0, 0, 1, 10, 2.5, 5));
    refused(() -> interest(Duration.ofSeconds(59), 0.92, 0, 0, 0, 0.1, 0, 0, 0), "accrualInterval");
    refused(() -> interest(Duration.ofDays(365).plusSeconds(1), 0.92, 0, 0, 0, 0.1, 0, 0, 0), "accrualInterval");
    refused(() -> interest(null, 0.92, 0, 0, 0, 0.1, 0, 0, 0), "accrualInterval");
    refused(() -> interest(d, 0.0099, 0, 0, 0, 0.1, 0, 0, 0), "aaveOptimalUsage");
    refused(() -> interest(d, 0.9901, 0, 0, 0, 0.1, 0, 0, 0), "aaveOptimalUsage");
    refused(() -> interest(d, 0.92, -1e-9, 0, 0, 0.1, 0, 0, 0), "aaveRate");
    refused(() -> interest(d, 0.92, 0, 0, 10.0001, 0.1, 0, 0, 0), "aaveRate");
    refused(() -> interest(d, 0.92, 0, 0, 0, -1e-9, 0, 0, 0), "aaveReserveFactor");
    refused(() -> interest(d, 0.92, 0, 0, 0, 1.0001, 0, 0, 0), "aaveReserveFactor");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, -1e-9, 0, 0), "makerFeePerYear");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, 10.0001, 0, 0), "makerFeePerYear");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, 0, -1e-9, 0), "liquityMedianRate");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, 0, 2.5001, 0), "liquityMedianRate");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, 0, 0, -1e-9), "liquityRateLogSd");
    refused(() -> interest(d, 0.92, 0, 0, 0, 0.1, 0, 0, 5.0001), "liquityRateLogSd");
    assertThat(Interest.NONE.aaveAccrues()).isFalse();
    assertThat(Interest.defaults().aaveAccrues()).isTrue();
  }

  @Test
  void oracleExposureRanges() {
    Duration block = DebtOracleExposure.BLOCK;
    accepted(() -> new DebtOracleExposure(0.5, Duration.ZERO, block, 1, 0.003, true));
    for (double bad : List.of(0.0, 1.0, Double.NaN)) {
      refused(() -> new DebtOracleExposure(bad, block, block, 1e6, 0.003, true), "deviation");
    }
    refused(() -> new DebtOracleExposure(0.5, Duration.ofSeconds(-1), block, 1e6, 0.003, true), "hold");
    refused(() -> new DebtOracleExposure(0.5, null, block, 1e6, 0.003, true), "hold");
    refused(() -> new DebtOracleExposure(0.5, block, Duration.ZERO, 1e6, 0.003, true), "hold");
    refused(() -> new DebtOracleExposure(0.5, block, null, 1e6, 0.003, true), "hold");
    refused(() -> new DebtOracleExposure(0.5, block, block, 0, 0.003, true), "poolDepthUsd");
    refused(() -> new DebtOracleExposure(0.5, block, block, Double.POSITIVE_INFINITY, 0.003, true), "poolDepthUsd");
  }
}
