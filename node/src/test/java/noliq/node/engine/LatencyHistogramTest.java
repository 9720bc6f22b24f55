package noliq.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark's histogram: buckets of an eighth of a decade, quantiles read as upper edges. */
class LatencyHistogramTest {
  @Test
  void aQuantileIsItsBucketsUpperEdgeNeverUnderTheTrueValue() {
    LatencyHistogram h = new LatencyHistogram();
    // 98 events of 1 ms, one of 5 ms, one of 40 ms: p50 is 1 ms, p99 5 ms, the max 40 ms
    h.record(1_000_000, 98);
    h.record(5_000_000);
    h.record(40_000_000);
    long[] c = h.counts();
    assertThat(LatencyHistogram.total(c)).isEqualTo(100);
    double edge = Math.pow(10, 1 / 8.0) * (1 + 1e-12);
    assertThat(LatencyHistogram.quantileMillis(c, 0.5)).isGreaterThan(1).isLessThanOrEqualTo(edge);
    assertThat(LatencyHistogram.quantileMillis(c, 0.98)).isGreaterThan(1).isLessThanOrEqualTo(edge);
    assertThat(LatencyHistogram.quantileMillis(c, 0.99)).isGreaterThan(5).isLessThanOrEqualTo(5 * edge);
    assertThat(LatencyHistogram.quantileMillis(c, 1.0)).isGreaterThan(40).isLessThanOrEqualTo(40 * edge);
  }

  @Test
  void edgesAndEmpty() {
    assertThat(LatencyHistogram.quantileMillis(new long[LatencyHistogram.BUCKETS], 0.99)).isZero();
    assertThat(LatencyHistogram.bucket(0)).isZero();
    assertThat(LatencyHistogram.bucket(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    // 1 µs starts bucket 0; 10 µs starts bucket 8 (a decade is 8 buckets)
    assertThat(LatencyHistogram.bucket(10_000)).isEqualTo(8);
    assertThat(LatencyHistogram.upperMillis(7)).isCloseTo(0.010, within(1e-12));
  }
}
