package noliq.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import noliq.lab.engine.RunSummary;
import noliq.lab.metrics.Estimate;
import noliq.lab.metrics.Sample;
import org.junit.jupiter.api.Test;

/** The post's claims judged on its own quantities: the standev of the annual deviation and the mean roll cost. */
class ClaimsTest {
  @Test
  void theDriftVerdictReadsTheStandevsIntervalAndNeverFailsBelowOnePercent() {
    assertThat(Claims.driftVerdict(new Estimate(2.5, 1000, 2.1, 2.9))).isEqualTo(new Claims.Verdict(Claims.Outcome.PASS, "yes, within 1-4%/yr"));
    assertThat(Claims.driftVerdict(new Estimate(1.0, 1000, 1.0, 4.0)).outcome()).isEqualTo(Claims.Outcome.PASS);
    assertThat(Claims.driftVerdict(new Estimate(5.0, 1000, 4.5, 5.5))).isEqualTo(new Claims.Verdict(Claims.Outcome.FAIL, "no, above 4%/yr"));
    // the sub-1% case: less drift than the post allows is better, a pass, never a failure
    assertThat(Claims.driftVerdict(new Estimate(0.3, 1000, 0.2, 0.4)))
        .isEqualTo(new Claims.Verdict(Claims.Outcome.PASS, "better than the post allows (below 1%/yr)"));
    // straddling 1 but under 4: at most 4, still a pass
    assertThat(Claims.driftVerdict(new Estimate(1.1, 1000, 0.9, 1.3))).isEqualTo(new Claims.Verdict(Claims.Outcome.PASS, "yes, at most 4%/yr"));
    assertThat(Claims.driftVerdict(new Estimate(3.9, 1000, 3.5, 4.3)).outcome()).isEqualTo(Claims.Outcome.INCONCLUSIVE);
    assertThat(Claims.driftVerdict(new Estimate(2, 0, Double.NaN, Double.NaN)).outcome()).isEqualTo(Claims.Outcome.INCONCLUSIVE);
    assertThat(Claims.driftVerdict(new Estimate(3, 1, Double.NaN, Double.NaN)).text()).isEqualTo("yes, within 1-4%/yr, one window");
  }

  @Test
  void theRollCostVerdictReadsTheMeansInterval() {
    assertThat(Claims.rollCostVerdict(new Estimate(1.5, 500, 1.4, 1.6)).outcome()).isEqualTo(Claims.Outcome.PASS);
    assertThat(Claims.rollCostVerdict(new Estimate(2.5, 500, 2.0, 3.0)).outcome()).isEqualTo(Claims.Outcome.FAIL);
    assertThat(Claims.rollCostVerdict(new Estimate(1.9, 500, 1.7, 2.1)).outcome()).isEqualTo(Claims.Outcome.INCONCLUSIVE);
    assertThat(Claims.rollCostVerdict(new Estimate(2.0, 1, Double.NaN, Double.NaN)).text()).isEqualTo("no, 2%/yr or more, one path");
    // a constant over many paths has no interval and is judged on its value
    assertThat(Claims.rollCostVerdict(new Estimate(0.5, 300, Double.NaN, Double.NaN)).outcome()).isEqualTo(Claims.Outcome.PASS);
  }

  @Test
  void aWrapperIsJudgedOnTheStandevOfItsAnnualDeviationNotOnItsDailyVolatility() {
    // The case: a wrapper that loses steadily has a small daily tracking volatility, but its annual
    // deviations spread: d = -3.66, -1.0, -5.0, +0.5 (one year window per path) -> mean -2.29, sd by hand:
    // deviations from the mean -1.37, 1.29, -2.71, 2.79; squares 1.8769 + 1.6641 + 7.3441 + 7.7841 = 18.6692; /3 = 6.2231; sd 2.4946
    Map<String, Sample> m = new LinkedHashMap<>();
    m.put("wrapper.a.auction.tracking_error_pct", sample(0.89, 0.89, 0.89, 0.89));
    m.put("wrapper.a.auction.roll_cost_pct_per_year", sample(1, 3, 1, 3));
    m.put("wrapper.a.auction.year_windows", sample(1, 1, 1, 1));
    m.put("wrapper.a.auction.annual_deviation_sum_pct", sample(-3.66, -1.0, -5.0, 0.5));
    m.put("wrapper.a.auction.annual_deviation_sumsq", sample(3.66 * 3.66, 1.0, 25.0, 0.25));
    var claims = Claims.assess("default", new RunSummary(4, 1, m));
    assertThat(claims).hasSize(1);
    Claims.Claim a = claims.get(0);
    assertThat(a.wrapper()).isEqualTo("wrapper.a.auction");
    assertThat(a.windows()).isEqualTo(4);
    assertThat(a.steadyLoss().value()).isCloseTo(-2.29, within(1e-12));
    assertThat(a.standev().value()).isCloseTo(Math.sqrt(18.6692 / 3), within(1e-9));
    assertThat(a.trackingVolatility().value()).isCloseTo(0.89, within(1e-12));
    assertThat(a.rollCost().value()).isEqualTo(2.0);
    assertThat(a.rollCostVerdict().outcome()).isEqualTo(Claims.Outcome.INCONCLUSIVE);
  }

  @Test
  void aOneWeekWindowGetsNoPerYearVerdictOnlyItsOwnFigures() {
    // Paths of a week: no complete year window, so no claim at all; the per-window figures are the deviation over
    // the week, not annualised: d = 100 ln(V_end/target) = -1, 1 -> mean 0, sd sqrt(2).
    Map<String, Sample> m = new LinkedHashMap<>();
    m.put("wrapper.a.auction.roll_cost_pct_per_year", sample(40, 40)); // annualised from a week: must not be judged
    m.put("wrapper.a.auction.roll_cost_pct", sample(-0.1, -0.3));
    m.put("wrapper.a.auction.log_deviation_pct", sample(-1, 1));
    m.put("wrapper.a.auction.year_windows", sample(0, 0));
    m.put("wrapper.a.auction.annual_deviation_sum_pct", sample(0, 0));
    m.put("wrapper.a.auction.annual_deviation_sumsq", sample(0, 0));
    RunSummary run = new RunSummary(2, 1, m);
    assertThat(Claims.assess("crash-week", run)).isEmpty();
  }

  private static Sample sample(double... values) {
    Sample s = new Sample();
    for (double v : values) {
      s.add(v);
    }
    return s;
  }
}
