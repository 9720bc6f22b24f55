package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import noliq.lab.engine.PathRandom;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * The local agent and the N holder through settlement, on paths that settle away from x = 2S, with
 * the payouts worked by hand: P pays {@code min(1, S/x)} ETH a unit and N {@code 1 - min(1, S/x)}. Kyrrui's
 * entry at 3,000 is strike 1,500, 28 days.
 */
class HoldersToSettlementTest {
  private static final double E = SettlementGameTest.E;
  private static final double TARGET = SettlementGameTest.TARGET;

  private static Map<String, Double> agent(OptionsAssumptions a, noliq.lab.scenarios.PricePath path) {
    // by auction: with no maker present an auction finds no taker (resting orders may still meet the book's flow)
    return OptionsDesignsTest.run(new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION, a), path, 7);
  }

  /** Makers never out, so a roll the policy decides meets a counterparty. */
  private static final OptionsAssumptions MAKERS_ALWAYS_THERE = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(0);

  /** 3,000 for 5 days, then 2,000 for 5 (below 1.5 × the 1,500 strike, so Kyrrui's tracker rolls), seed 3. */
  private static Map<String, Double> throughTheDrop(DesignModel design) {
    return OptionsDesignsTest.run(design, OptionsDesignsTest.step(3000, 5, 2000, 5), 3);
  }

  @Test
  void anAgentNobodyRollsWithHoldsItsPToMaturityAndIsPaidPsShareAtTheTruth() {
    // no maker ever comes: every roll the agent decides goes unfilled, and its P settles at x = 2,400:
    // 1,500 / 2,400 = 0.625 ETH a unit (N's share would be 0.375)
    OptionsAssumptions a = SettlementGameTest.held(SettlementGameTest.HONEST, 0);
    Map<String, Double> m = agent(a, OptionsDesignsTest.step(3000, 25, 2400, 5));
    assertThat(m.get("rolls")).isZero();
    assertThat(m.get("unfilled_rolls")).isGreaterThanOrEqualTo(1.0);
    assertThat(m.get("settlements")).isEqualTo(1.0);
    assertThat(m.get("settlement_latency_h")).isEqualTo(2.0); // UMA's 2-hour liveness, unchallenged
    assertThat(m.get("settlement_disputes")).isZero();
    assertThat(Math.abs(m.get("settlement_pct"))).isLessThan(1e-6);
    // it ends holding E × 0.625 ETH at 2,400 against a start of E P marked at (3,000, 28 days)
    assertThat(m.get("deviation_pct")).isCloseTo((E * 0.625 * 2400 / TARGET - 1) * 100, within(1e-6));
    assertThat(m.get("forced_sales_usd")).isZero();

    // every first proposal wrong and disputed: the honest vote decides at the truth, the agent records the dispute
    Map<String, Double> disputed = agent(SettlementGameTest.held(SettlementGameTest.HONEST, 1),
        OptionsDesignsTest.step(3000, 25, 2400, 10));
    assertThat(disputed.get("settlement_disputes")).isEqualTo(1.0);
    assertThat(disputed.get("settlement_vote_rounds")).isEqualTo(1.0);
    assertThat(disputed.get("settlement_latency_h")).isEqualTo(96.0); // 48 h to the next round, 48 h to decide
    assertThat(disputed.get("deviation_pct")).isCloseTo((E * 0.625 * 2400 / TARGET - 1) * 100, within(1e-6));

    // a captured vote pays P (1 - 0.5) × 0.625 ETH a unit: the half it loses is settlement error
    Map<String, Double> captured = agent(SettlementGameTest.held(SettlementGame.DEFAULTS, 0),
        OptionsDesignsTest.step(3000, 25, 2400, 10));
    assertThat(captured.get("settlements_captured")).isEqualTo(1.0);
    assertThat(captured.get("settlement_pct")).isCloseTo(-E * 0.3125 * 2400 / TARGET * 100, within(1e-4));
  }

  @Test
  void anAgentThatRollsOnTheBookPaysTheMakersAndTracksItsMarks() {
    // the drop: the agent's next check decides a roll and its resting orders fill against the makers and the
    // book's flow
    Map<String, Double> m = throughTheDrop(new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS, MAKERS_ALWAYS_THERE));
    assertThat(m.get("rolls")).isGreaterThanOrEqualTo(1.0);
    // a filled roll has a cost breakdown, and the makers who took the other side committed capital for their lots
    assertThat(m.get("roll_spread_bps") + m.get("roll_move_bps")).isNotZero();
    assertThat(m.get("maker_capital_usd")).isPositive();
    // marked through the drop: the value moved between marks
    assertThat(m.get("tracking_error_pct")).isPositive();
    assertThat(m.get("drift_pct") + m.get("roll_cost_pct") + m.get("settlement_pct"))
        .isCloseTo(m.get("deviation_pct"), within(1e-9));
  }

  @Test
  void theAgentStartsHoldingPWorthItsTarget() {
    // E = 100,000 / 1,500 P marked on the surface at (3,000, strike 1,500, 28 days): the recorded start
    List<double[]> values = new ArrayList<>();
    DesignModel d = new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS);
    d.newRun().simulate(Paths.flat(24 * 3, 3000), PathRandom.forPath(1, 0), recording(d.id() + ".value_usd", values),
        new double[d.metrics().size()], 0);
    assertThat(values.get(0)[1]).isCloseTo(TARGET, within(1e-6 * TARGET));
  }

  @Test
  void anNHolderRollsOnEachSettlementAndReportsTheMeanLatency() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(0).withDisputeProbability(0)
        .withSettlement(SettlementGameTest.HONEST);
    // flat at 3,000 for 60 days: N bought at the start matures on day 28, is settled 2 h later (liveness) and
    // the proceeds buy the next N (day 28 + 2 h, maturing 28 days on): two settlements of 2 h each, three buys
    Map<String, Double> m = OptionsDesignsTest.run(new NHolderDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, a),
        Paths.flat(24 * 60, 3000), 6);
    assertThat(m.get("rolls")).isEqualTo(3.0);
    assertThat(m.get("settlement_latency_h")).isEqualTo(2.0);
    assertThat(m.get("expired_worthless")).isZero();
    assertThat(m.get("ruin")).isZero();
  }

  @Test
  void anNHolderNobodySellsToKeepsItsEth() {
    // no maker: the entry never fills, the holder keeps its $100,000 of ETH bought at 3,000 (33.33 ETH):
    // at 2,400 that is $80,000 (-20 % in USD) and still 33.33 ETH (0 % in ETH)
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(1);
    Map<String, Double> m = OptionsDesignsTest.run(new NHolderDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, a),
        OptionsDesignsTest.step(3000, 5, 2400, 5), 6);
    assertThat(m.get("rolls")).isZero();
    assertThat(m.get("pnl_pct")).isCloseTo(-20.0, within(1e-6));
    assertThat(m.get("pnl_eth_pct")).isCloseTo(0.0, within(1e-6));
    assertThat(m.get("ruin")).isZero();
    assertThat(m.get("settlement_latency_h")).isZero();
  }

  @Test
  void anNHoldersTraceRecordsItsValueOnceADay() {
    List<double[]> values = new ArrayList<>();
    NHolderDesign d = new NHolderDesign();
    d.newRun().simulate(Paths.flat(24 * 2, 3000), PathRandom.forPath(1, 0), recording("n-holder.value_usd", values),
        new double[d.metrics().size()], 0);
    // hourly steps 0 to 48: recorded at steps 0, 24 and 48, at 0, 1 and 2 days
    assertThat(values).hasSize(3);
    assertThat(values.get(1)[0]).isCloseTo(1 / 365.0, within(1e-12));
    assertThat(values.get(2)[0]).isCloseTo(2 / 365.0, within(1e-12));
    // it holds N worth at most what it paid ($100,000; the auction's edge is the maker's)
    assertThat(values).allSatisfy(v -> assertThat(v[1]).isBetween(90_000.0, 100_000.0));
  }

  @Test
  void aVaultRollingThroughPoolsPaysFeesAndItsMakersEdgeIsTheExecutionCostAtSpot() {
    // the drop: one roll, a swap through the pools at the drop, then 5 days of pools left to the arbitrageurs,
    // who bring them back to fair value once a day as P's time value decays
    Map<String, Double> m = throughTheDrop(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.AMM_SWAP, MAKERS_ALWAYS_THERE));
    assertThat(m.get("rolls")).isEqualTo(1.0);
    assertThat(m.get("roll_fee_bps")).isPositive();
    // a swap fills at once, at the decision's spot: the pools' take in USD is the execution part of the cost
    // (spread + fees + impact, in bp of the fair value given) times the fair value given in USD
    double executionBps = m.get("roll_spread_bps") + m.get("roll_fee_bps") + m.get("roll_impact_bps");
    assertThat(m.get("maker_edge_usd")).isCloseTo(executionBps / 10_000 * m.get("roll_volume_usd"),
        within(1e-9 * m.get("roll_volume_usd")));
    assertThat(m.get("lp_fees_usd")).isPositive();
    assertThat(m.get("lp_lvr_usd")).isPositive();
  }

  private static Trace recording(String name, List<double[]> into) {
    String design = name.substring(0, name.lastIndexOf('.'));
    return new Trace() {
      @Override
      public void record(String series, double timeYears, double value) {
        assertThat(series).startsWith(design + ".");
        if (series.equals(name)) {
          into.add(new double[] {timeYears, value});
        }
      }

      @Override
      public boolean enabled() {
        return true;
      }
    };
  }
}
