package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.venue.AmmVenue;
import noliq.wrapper.venue.MakerInventory;
import org.junit.jupiter.api.Test;

/**
 * The P wrapper's figures written by {@link WrapperTracker}, fed by hand (no market, no venue): a
 * year on a $100,000 target with one mark up, one roll, one settlement and a final mark, and the
 * venues' execution reports, makers' totals and pools' report stated as numbers. Every expected
 * figure is worked out below from the metric's definition in {@link WrapperTracker#specs}.
 */
class WrapperTrackerTest {
  private static final Instant T0 = Paths.T0;
  private static final double TARGET = 100_000;

  /** A path of {@code days} daily points from {@link Paths#T0}; the tracker reads only its span. */
  private static PricePath days(int days) {
    double[] p = new double[days + 1];
    java.util.Arrays.fill(p, 3000);
    return PricePath.generated("tracker", T0, Duration.ofDays(1), p);
  }

  private static Instant at(long days, long hours) {
    return T0.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
  }

  private static Map<String, Double> written(WrapperTracker tracker, Instant end) {
    List<MetricSpec> specs = WrapperTracker.specs("w");
    double[] out = new double[specs.size() + 2];
    out[0] = -7;
    out[out.length - 1] = -7;
    tracker.write(end, out, 1);
    assertThat(out[0]).isEqualTo(-7); // only its own slots
    assertThat(out[out.length - 1]).isEqualTo(-7);
    Map<String, Double> byName = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      byName.put(specs.get(i).name().substring(2), out[i + 1]);
    }
    return byName;
  }

  private static ExecutionCost cost(double givenFair, double receivedFair, double execution, double fee, double impact,
      double unfilledShare) {
    return new ExecutionCost(givenFair, receivedFair, execution, fee, impact, unfilledShare, T0, T0);
  }

  /**
   * The year: marks at 100,000 (start), 101,000 (day 1), 98,000 (day 3) and 96,000 (day 365); a roll on
   * day 2 that gave P worth 99,000 for P worth 98,000; a series that matured on day 30 worth 98,000 at the
   * truth and paid 96,000, redeemed 5 hours later.
   */
  private static WrapperTracker aYear() {
    WrapperTracker w = new WrapperTracker("w", Trace.NONE, days(365), TARGET);
    w.spotFrom(() -> 2500);
    w.mark(at(1, 0), 101_000);
    w.rolled(at(2, 0), 99_000, 98_000, 50_000);
    // three fills of one roll and two wei-level re-entries, with the venue's breakdown in ETH
    w.execution(cost(20, 19.6, 0.3, 0.1, 0.05, 0.25)); // spread 0.15, move 0.4 - 0.3 = 0.1
    w.execution(cost(10, 9.9, 0.08, 0, 0, 0)); // spread 0.08, move 0.1 - 0.08 = 0.02
    w.execution(cost(1e-6, 1e-6, 0, 0, 0, 0.5)); // exactly the dust limit: its share counts
    w.execution(cost(0.5e-6, 0.5e-6, 0, 0, 0, 1)); // below it: its share does not
    w.unfilled();
    w.unfilled();
    w.mark(at(3, 0), 98_000);
    w.settled(at(30, 5), 98_000, 96_000, at(30, 0));
    w.disputed(3);
    w.disputed(2);
    w.captured();
    w.lapsed();
    w.forcedSale(0);
    w.mark(at(365, 0), 96_000);
    return w;
  }

  private static final MakerInventory.Totals MAKERS = new MakerInventory.Totals(3, 0, 400, -1000, 0, 20_000, -700);

  @Test
  void aYearOfMarksARollAndASettlementGivesEachFigureByHand() {
    WrapperTracker w = aYear();
    w.liquidity(Mechanism.RESTING_ORDERS, MAKERS, null);
    Map<String, Double> m = written(w, at(365, 0));

    // the parts, as fractions of the target: drift +1,000 (day 1) - 2,000 (marked at 99,000 before the roll);
    // roll cost 98,000 - 99,000; settlement 96,000 - 98,000; they add up to 96,000 - 100,000
    assertThat(m.get("deviation_pct")).isCloseTo(-4.0, within(1e-9));
    assertThat(m.get("drift_pct")).isCloseTo(-1.0, within(1e-9));
    assertThat(m.get("roll_cost_pct")).isCloseTo(-1.0, within(1e-9));
    assertThat(m.get("settlement_pct")).isCloseTo(-2.0, within(1e-9));
    // per mark, the parts' steps (drift, roll, settlement): (0.01, 0, 0), (-0.02, -0.01, 0), (0, 0, -0.02).
    // Totals 0.01, -0.03, -0.02 (mean -0.04/3). In units of 1/30,000: covariance of the total with itself 26,
    // with drift 17, with roll 5, with settlement 4 (each summed over the three centred steps); the Euler shares
    assertThat(m.get("te_drift_share")).isCloseTo(17.0 / 26, within(1e-9));
    assertThat(m.get("te_roll_share")).isCloseTo(5.0 / 26, within(1e-9));
    assertThat(m.get("te_settlement_share")).isCloseTo(4.0 / 26, within(1e-9));
    // the tracking error: the sample std of the steps of ln(value / target) between the four marks, times
    // sqrt(365 marks a year) (a year's path is marked daily)
    double[] d = {Math.log(1.01), Math.log(0.98 / 1.01), Math.log(0.96 / 0.98)};
    double mean = (d[0] + d[1] + d[2]) / 3;
    double var = (Math.pow(d[0] - mean, 2) + Math.pow(d[1] - mean, 2) + Math.pow(d[2] - mean, 2)) / 2;
    assertThat(m.get("tracking_error_pct")).isCloseTo(100 * Math.sqrt(var * 365), within(1e-9));
    // roll cost 1,000 over the average mark (100,000 + 101,000 + 98,000 + 96,000) / 4 = 98,750, over one year
    assertThat(m.get("roll_cost_pct_per_year")).isCloseTo(100 * 1000 / 98_750.0, within(1e-9));
    assertThat(m.get("shortfall_pct")).isCloseTo(4.0, within(1e-9));
    assertThat(m.get("roll_volume_usd")).isEqualTo(50_000);
    assertThat(m.get("rolls")).isEqualTo(1);
    assertThat(m.get("unfilled_rolls")).isEqualTo(2);
    assertThat(m.get("forced_sales_usd")).isZero();
    assertThat(m.get("settlements")).isEqualTo(1);
    assertThat(m.get("settlement_latency_h")).isEqualTo(5);
    assertThat(m.get("settlements_captured")).isEqualTo(1);
    assertThat(m.get("settlements_lapsed")).isEqualTo(1);
    assertThat(m.get("settlement_disputes")).isEqualTo(2);
    assertThat(m.get("settlement_disputed")).isEqualTo(1);
    assertThat(m.get("settlement_vote_rounds")).isEqualTo(5);
    assertThat(m.get("log_deviation_pct")).isCloseTo(100 * Math.log(0.96), within(1e-9));
    // one year window, from 100,000 to the mark on day 365
    assertThat(m.get("year_windows")).isEqualTo(1);
    assertThat(m.get("annual_deviation_sum_pct")).isCloseTo(100 * Math.log(0.96), within(1e-9));
    assertThat(m.get("annual_deviation_sumsq")).isCloseTo(Math.pow(100 * Math.log(0.96), 2), within(1e-9));
    // per roll, against the fair value given (20 + 10 + 1e-6 + 0.5e-6 ETH): spread 0.15 + 0.08, fees 0.1,
    // impact 0.05, move 0.1 + 0.02; the cost is their sum, 0.5 ETH
    double given = 30 + 1.5e-6;
    assertThat(m.get("roll_cost_bps")).isCloseTo(0.5 * 10_000 / given, within(1e-9));
    assertThat(m.get("roll_spread_bps")).isCloseTo(0.23 * 10_000 / given, within(1e-9));
    assertThat(m.get("roll_fee_bps")).isCloseTo(0.1 * 10_000 / given, within(1e-9));
    assertThat(m.get("roll_impact_bps")).isCloseTo(0.05 * 10_000 / given, within(1e-9));
    assertThat(m.get("roll_move_bps")).isCloseTo(0.12 * 10_000 / given, within(1e-9));
    // unfilled shares 0.25, 0 and 0.5 (the fill at the dust limit counts, the one below does not), and the two
    // unfilled rolls count 1 each: (0.75 + 2) / (3 + 2)
    assertThat(m.get("roll_unfilled_share")).isCloseTo(2.75 / 5, within(1e-12));
    // the makers' take: execution 0.3 + 0.08 ETH at the spot of 2,500
    assertThat(m.get("maker_edge_usd")).isCloseTo(950, within(1e-9));
    // by book the rolls' liquidity providers are the makers: edge 400 + inventory -1,000 on a peak of 20,000
    assertThat(m.get("lp_pnl_pct_capital")).isCloseTo(-3.0, within(1e-12));
    assertThat(m.get("maker_inventory_usd")).isEqualTo(-1000);
    assertThat(m.get("maker_pnl_usd")).isEqualTo(-600);
    assertThat(m.get("maker_pnl_pct_capital")).isCloseTo(-3.0, within(1e-12));
    assertThat(m.get("maker_capital_usd")).isEqualTo(20_000);
    assertThat(m.get("maker_worst_lot_usd")).isEqualTo(-700);
    // no pools
    for (String none : List.of("lp_fees_usd", "lp_lvr_usd", "lp_loss_vs_hold_usd", "amm_lp_pnl_pct_capital",
        "lp_capital_usd", "arb_pnl_pct_capital")) {
      assertThat(m.get(none)).as(none).isZero();
    }
  }

  @Test
  void throughPoolsTheLiquidityProvidersAreTheLpsAndTheArbitrageursLvrIsOverTheirFloat() {
    WrapperTracker w = aYear();
    // fees 300, LVR 500, pools 200 below holding their seeds of 40,000; arbitrageurs' float 10,000
    w.liquidity(Mechanism.AMM_SWAP, MAKERS, new AmmVenue.LpReport(300, 500, 200, 40_000, 10_000));
    Map<String, Double> m = written(w, at(365, 0));
    assertThat(m.get("lp_fees_usd")).isEqualTo(300);
    assertThat(m.get("lp_lvr_usd")).isEqualTo(500);
    assertThat(m.get("lp_loss_vs_hold_usd")).isEqualTo(200);
    // the pools' LPs: -200 on 40,000
    assertThat(m.get("lp_pnl_pct_capital")).isCloseTo(-0.5, within(1e-12));
    assertThat(m.get("amm_lp_pnl_pct_capital")).isCloseTo(-0.5, within(1e-12));
    assertThat(m.get("lp_capital_usd")).isEqualTo(40_000);
    assertThat(m.get("arb_pnl_pct_capital")).isCloseTo(5.0, within(1e-12));
    // the makers' own figures are still written beside them
    assertThat(m.get("maker_pnl_pct_capital")).isCloseTo(-3.0, within(1e-12));
    assertThat(m.get("maker_worst_lot_usd")).isEqualTo(-700);
  }

  @Test
  void twoMarksAreEnoughForTheSharesAndThreeForATrackingErrorAndNoTimeHasNoYearlyCost() {
    // a 32-day path is marked every 32 / 64 days = 12 hours: a step is 0.5 / 365 of a year
    assertThat(WrapperTracker.markInterval(days(32))).isEqualTo(Duration.ofHours(12));
    assertThat(WrapperTracker.markInterval(days(64))).isEqualTo(Duration.ofDays(1));
    WrapperTracker w = new WrapperTracker("w", Trace.NONE, days(32), TARGET);
    w.mark(T0, 101_000);
    w.rolled(T0, 101_000, 99_000, 1);
    w.mark(T0, 99_000);
    // all at the start: no time has passed, so no cost per year (0, not a division by zero)
    Map<String, Double> m = written(w, T0);
    assertThat(m.get("roll_cost_pct_per_year")).isZero();
    // steps (0.01, 0, 0) and (0, -0.02, 0): totals 0.01 and -0.02, centred ±0.015; drift's covariance with the
    // total 0.005 × 0.015 + (-0.005) × (-0.015) = 1.5e-4, roll's 1.5e-4 × 2, the total's 4.5e-4
    assertThat(m.get("te_drift_share")).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(m.get("te_roll_share")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(m.get("te_settlement_share")).isZero();
    // three values 100,000, 101,000, 99,000: steps ln 1.01 and ln(99/101), sample std sqrt(((a - b)/2)^2 × 2),
    // at 730 marks a year
    double a = Math.log(1.01);
    double b = Math.log(99.0 / 101);
    double var = (Math.pow(a - (a + b) / 2, 2) + Math.pow(b - (a + b) / 2, 2)) / 1;
    assertThat(m.get("tracking_error_pct")).isCloseTo(100 * Math.sqrt(var * 730), within(1e-9));
    // without rolls nothing is rolled and no share is measured: 0, not a division by zero
    assertThat(m.get("roll_cost_bps")).isZero();
    assertThat(m.get("roll_unfilled_share")).isZero();
    assertThat(m.get("settlement_latency_h")).isZero();
    assertThat(m.get("settlement_disputed")).isZero();
    // nothing committed: 0 %, not infinite
    assertThat(WrapperTracker.pctOf(5, 0)).isZero();
    assertThat(WrapperTracker.pctOf(5, 50)).isCloseTo(10, within(1e-12));
  }

  @Test
  void aSettlementBeforeAMarkCountsOnceAndLatenciesAreAveraged() {
    WrapperTracker w = new WrapperTracker("w", Trace.NONE, days(32), TARGET);
    // a series matured on day 1 worth 100,000 at the truth and paid 98,000, redeemed 2 h later; another, worth
    // 98,000 at maturity on day 2, paid all of it 4 h later
    w.settled(at(1, 2), 100_000, 98_000, at(1, 0));
    w.mark(at(2, 0), 98_000);
    w.settled(at(2, 4), 98_000, 98_000, at(2, 0));
    w.mark(at(3, 0), 99_000);
    // one roll measured (half of it unfilled) and one unfilled: (0.5 + 1) / (1 + 1)
    w.rolled(at(3, 0), 99_000, 99_000, 10);
    w.execution(cost(1, 1, 0, 0, 0, 0.5));
    w.unfilled();
    assertThat(w.rolls()).isEqualTo(1);
    assertThat(w.breakdown().settlementError().toDouble()).isCloseTo(-2000, within(1e-9));
    Map<String, Double> m = written(w, at(3, 0));
    assertThat(m.get("settlement_latency_h")).isEqualTo(3.0); // (2 + 4) / 2
    assertThat(m.get("settlements")).isEqualTo(2);
    assertThat(m.get("roll_unfilled_share")).isCloseTo(0.75, within(1e-12));
    // steps (drift, roll, settlement): (0, 0, -0.02) then (0.01, 0, 0): totals -0.02 and 0.01, centred ∓0.015;
    // drift's covariance with the total 2 × 0.005 × 0.015, settlement's 2 × 0.01 × 0.015, the total's 2 × 0.015²
    assertThat(m.get("te_drift_share")).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(m.get("te_settlement_share")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(m.get("te_roll_share")).isCloseTo(0, within(1e-12));
  }

  @Test
  void marksThatNeverMoveHaveNoSharesRatherThanUndefinedOnes() {
    WrapperTracker w = new WrapperTracker("w", Trace.NONE, days(32), TARGET);
    w.mark(at(1, 0), TARGET);
    w.mark(at(2, 0), TARGET);
    Map<String, Double> m = written(w, at(2, 0));
    // the variance of the steps is 0: each share is 0/0, written as 0
    assertThat(m.get("te_drift_share")).isZero();
    assertThat(m.get("te_roll_share")).isZero();
    assertThat(m.get("te_settlement_share")).isZero();
    assertThat(m.get("tracking_error_pct")).isZero();
  }

  @Test
  void twoValuesHaveNoTrackingErrorAndOneStepNoShares() {
    WrapperTracker w = new WrapperTracker("w", Trace.NONE, days(32), TARGET);
    w.mark(at(1, 0), 90_000);
    Map<String, Double> m = written(w, at(1, 0));
    assertThat(m.get("tracking_error_pct")).isZero();
    assertThat(m.get("te_drift_share")).isZero();
    assertThat(m.get("deviation_pct")).isCloseTo(-10, within(1e-9));
    assertThat(m.get("shortfall_pct")).isCloseTo(10, within(1e-9));
    // a rise leaves no shortfall
    WrapperTracker up = new WrapperTracker("w", Trace.NONE, days(32), TARGET);
    up.mark(at(1, 0), 110_000);
    assertThat(written(up, at(1, 0)).get("shortfall_pct")).isZero();
  }
}
