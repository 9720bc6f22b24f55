package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Sample;
import org.junit.jupiter.api.Test;

class ClaimsTest {
  @Test
  void driftIsWithinOneToFourOnlyWhenTheWholeIntervalIs() {
    assertThat(Claims.driftVerdict(new Estimate(2.5, 1000, 2.1, 2.9))).isEqualTo("yes");
    assertThat(Claims.driftVerdict(new Estimate(1.0, 1000, 1.0, 4.0))).isEqualTo("yes");
    assertThat(Claims.driftVerdict(new Estimate(5.0, 1000, 4.5, 5.5))).isEqualTo("no (above 4%/yr)");
    assertThat(Claims.driftVerdict(new Estimate(0.3, 1000, 0.2, 0.4))).startsWith("no (below 1%/yr");
    assertThat(Claims.driftVerdict(new Estimate(3.9, 1000, 3.5, 4.3))).isEqualTo("inconclusive");
    assertThat(Claims.driftVerdict(new Estimate(1.1, 1000, 0.9, 1.3))).isEqualTo("inconclusive");
    assertThat(Claims.driftVerdict(new Estimate(2, 2, Double.NaN, Double.NaN))).isEqualTo("inconclusive");
    assertThat(Claims.driftVerdict(new Estimate(3, 1, Double.NaN, Double.NaN))).isEqualTo("yes, one path");
  }

  @Test
  void rollCostIsUnderTwoOnlyWhenTheWholeIntervalIs() {
    assertThat(Claims.rollCostVerdict(new Estimate(1.5, 500, 1.4, 1.6))).isEqualTo("yes");
    assertThat(Claims.rollCostVerdict(new Estimate(2.5, 500, 2.0, 3.0))).isEqualTo("no");
    assertThat(Claims.rollCostVerdict(new Estimate(1.9, 500, 1.7, 2.1))).isEqualTo("inconclusive");
    assertThat(Claims.rollCostVerdict(new Estimate(2.0, 1, Double.NaN, Double.NaN))).isEqualTo("no, one path");
  }

  @Test
  void wrappersAreFoundByTheirMetricNamesAndJudgedOnTheirMeans() {
    Map<String, Sample> metrics = new LinkedHashMap<>();
    metrics.put("aave.liquidated_usd", sample(5, 7));
    metrics.put("wrapper.a.auction.tracking_error_pct", sample(2, 2, 2, 2)); // mean 2, zero-width interval
    metrics.put("wrapper.a.auction.roll_cost_pct_per_year", sample(1, 3)); // mean 2, t interval wide: inconclusive
    metrics.put("wrapper.b.pool.tracking_error_pct", sample(6, 6));
    var claims = Claims.assess("default", new RunSummary(4, 1, metrics));
    assertThat(claims).hasSize(2);
    Claims.Claim a = claims.get(0);
    assertThat(a.wrapper()).isEqualTo("wrapper.a.auction");
    assertThat(a.trackingError().value()).isEqualTo(2.0);
    assertThat(a.driftVerdict()).isEqualTo("yes");
    assertThat(a.rollCost().value()).isEqualTo(2.0);
    assertThat(a.rollCostVerdict()).isEqualTo("inconclusive");
    Claims.Claim b = claims.get(1);
    assertThat(b.driftVerdict()).isEqualTo("no (above 4%/yr)");
    assertThat(b.rollCost()).isNull();
    assertThat(b.rollCostVerdict()).isEqualTo("not reported");
  }

  private static Sample sample(double... values) {
    Sample s = new Sample();
    for (double v : values) {
      s.add(v);
    }
    return s;
  }
}
