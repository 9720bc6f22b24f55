package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import noliq.lab.data.RequiresData;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.TestData;
import noliq.lab.scenarios.OhlcReader;
import noliq.lab.scenarios.OhlcSeries;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.MetricSpec;
import noliq.lab.study.Trace;
import noliq.math.RuleViolation;
import noliq.pricing.InverseOptions;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;

class OptionsDesignsTest {
  static final String CRASH_FILE = "intraday/eth_usdt_5m_binance_2020-02-10_2020-03-31.csv";

  static Map<String, Double> run(DesignModel d, PricePath path, long seed) {
    double[] out = new double[d.metrics().size() + 2];
    out[0] = Double.NaN;
    out[out.length - 1] = Double.NaN;
    d.newRun().simulate(path, PathRandom.forPath(seed, 0), Trace.NONE, out, 1);
    // the design writes exactly its own slots
    assertThat(out[0]).isNaN();
    assertThat(out[out.length - 1]).isNaN();
    Map<String, Double> byName = new HashMap<>();
    List<MetricSpec> specs = d.metrics();
    for (int i = 0; i < specs.size(); i++) {
      byName.put(specs.get(i).name().substring(d.id().length() + 1), out[i + 1]);
    }
    return byName;
  }

  /** A path at {@code before} for {@code days1} days, then at {@code after}: hourly. */
  static PricePath step(double before, int days1, double after, int days2) {
    double[] p = new double[24 * (days1 + days2) + 1];
    for (int i = 0; i < p.length; i++) {
      p[i] = i <= 24 * days1 ? before : after;
    }
    return Paths.constantVol(PricePath.generated("step", Paths.T0, Duration.ofHours(1), p), 0.8);
  }

  @Test
  void onAFlatPathKyrruiHoldsUntilItsTimeTriggerAndOnlyTheShortPutsDecayMovesTheMark() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(0);
    Map<String, Double> m = run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION, a), Paths.flat(20 * 24, 3000), 1);
    assertThat(m.get("rolls")).isZero();
    assertThat(m.get("roll_cost_pct")).isZero();
    assertThat(m.get("settlement_pct")).isZero();
    // hand-computed: E = 100,000 / 1,500 P of strike 1,500 at x = 3,000, marked at 28 days and 8 days left on the
    // surface at a 30-day level of 0.8, read at the strike's wing and each maturity
    double start = InverseOptions.pIndex(3000, 1500, 28 / 365.0, Paths.vol(3000, 1500, 28));
    double end = InverseOptions.pIndex(3000, 1500, 8 / 365.0, Paths.vol(3000, 1500, 8));
    assertThat(m.get("drift_pct")).isCloseTo((end / start - 1) * 100, within(1e-6));
    // the put a P holder is short is on the wing (about 1.4x the at-the-money vol): its decay over 20 days is under 0.3%
    assertThat(Math.abs(m.get("drift_pct"))).isLessThan(0.3);
    assertThat(m.get("deviation_pct")).isCloseTo(m.get("drift_pct"), within(1e-12));

    // a day after the time trigger (21 days in) it rolls once, to 28 days again
    Map<String, Double> later = run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION, a), Paths.flat(23 * 24, 3000), 1);
    assertThat(later.get("rolls")).isEqualTo(1.0);
  }

  @Test
  void theThreePartsAddUpToTheDeviationOnAHandComputedDrop() {
    // 3,000 for 5 days, then 2,000 (< 1.5 × 1,500): one price roll, to S' = 1,000
    PricePath path = step(3000, 5, 2000, 5);
    // makers read the surface exactly: a maker whose own estimate overpays would hand the holder a gain
    OptionsAssumptions d = OptionsAssumptions.DEFAULTS;
    OptionsAssumptions a = d.withMakerOutageProbability(0)
        .withMarket(d.market().withReaction(d.market().reaction().withMakerVolErrorSd(0)));
    for (Mechanism mech : Mechanism.values()) {
      Map<String, Double> m = run(new WrapperVaultDesign(KyrruiTracker.NAME, mech, a), path, 3);
      assertThat(m.get("rolls")).as(mech.name()).isEqualTo(1.0);
      assertThat(m.get("drift_pct") + m.get("roll_cost_pct") + m.get("settlement_pct"))
          .as(mech.name()).isCloseTo(m.get("deviation_pct"), within(1e-9));
      assertThat(m.get("roll_cost_pct")).as(mech.name()).isLessThanOrEqualTo(1e-9);
      assertThat(m.get("te_drift_share") + m.get("te_roll_share") + m.get("te_settlement_share"))
          .as(mech.name()).isCloseTo(1.0, within(1e-9));
      assertThat(m.get("forced_sales_usd")).isZero();
    }
    // the drop is the last point: the drift is the held P's mark moving from (3000, 28 d) to (2000, 28 d - 5 d 1 h), by hand
    double[] p = new double[24 * 5 + 2];
    java.util.Arrays.fill(p, 3000);
    p[p.length - 1] = 2000;
    PricePath drop = Paths.constantVol(PricePath.generated("drop", Paths.T0, Duration.ofHours(1), p), 0.8);
    Map<String, Double> m = run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS, a), drop, 3);
    double start = InverseOptions.pIndex(3000, 1500, 28 / 365.0, Paths.vol(3000, 1500, 28));
    double daysAtDrop = 28 - 5 - 1 / 24.0;
    double atDrop = InverseOptions.pIndex(2000, 1500, daysAtDrop / 365.0, Paths.vol(2000, 1500, daysAtDrop));
    assertThat(m.get("drift_pct")).isCloseTo((atDrop / start - 1) * 100, within(1e-6));
    assertThat(m.get("rolls")).isEqualTo(1.0);
  }

  @Test
  void aRunDependsOnlyOnThePathAndTheSeedAndARunIsReusable() {
    PricePath path = Paths.gbm(11, 24 * 90, 0.8);
    for (DesignModel d : List.of(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION),
        new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS), new NHolderDesign())) {
      double[] a = new double[d.metrics().size()];
      double[] b = new double[d.metrics().size()];
      double[] c = new double[d.metrics().size()];
      DesignModel.Run run = d.newRun();
      run.simulate(path, PathRandom.forPath(5, 0), Trace.NONE, a, 0);
      run.simulate(Paths.gbm(12, 24 * 30, 0.8), PathRandom.forPath(5, 1), Trace.NONE, c, 0);
      run.simulate(path, PathRandom.forPath(5, 0), Trace.NONE, b, 0);
      assertThat(b).as(d.id()).containsExactly(a);
      double[] fresh = new double[d.metrics().size()];
      d.newRun().simulate(path, PathRandom.forPath(5, 0), Trace.NONE, fresh, 0);
      assertThat(fresh).as(d.id()).containsExactly(a);
    }
  }

  @Test
  void theDefaultSetCoversEveryPolicyAndMechanismAndNeverSellsByForce() {
    List<DesignModel> designs = OptionsDesigns.defaults();
    assertThat(designs).hasSize(Policies.NAMES.size() * Mechanism.values().length + 3);
    assertThat(designs.stream().map(DesignModel::id)).contains("wrapper.kyrrui-tracker.auction",
        "wrapper.buterin-2026.amm", "wrapper.exposure-threshold.book", "agent.kyrrui-tracker.book", "n-holder",
        "oracle.settlement-corruption");
    HashSet<String> names = new HashSet<>();
    PricePath path = Paths.gbm(2, 24 * 120, 1.0);
    for (DesignModel d : designs) {
      for (MetricSpec s : d.metrics()) {
        assertThat(names.add(s.name())).as("unique " + s.name()).isTrue();
        assertThat(s.name()).startsWith(d.id() + ".");
      }
      Map<String, Double> m = run(d, path, 9);
      m.forEach((k, v) -> assertThat(v).as(d.id() + "." + k).isFinite());
      if (m.containsKey("forced_sales_usd")) {
        assertThat(m.get("forced_sales_usd")).as(d.id()).isZero();
      }
    }
    assertThat(names).contains("wrapper.kyrrui-tracker.auction.tracking_error_pct", "n-holder.pnl_pct", "n-holder.ruin",
        "wrapper.kyrrui-tracker.auction.settlement_latency_h", "wrapper.kyrrui-tracker.auction.roll_volume_usd");
  }

  @Test
  void unfilledRollsFallBackToSettlementThroughTheOracleWithDisputeLatency() {
    // no maker ever watches and every first proposal is disputed: the vault holds to maturity, the honest vote decides
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(1).withDisputeProbability(1)
        .withSettlement(SettlementGame.DEFAULTS.withAttacker(SettlementGame.Attacker.HONEST));
    Map<String, Double> m = run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION, a), Paths.flat(40 * 24, 3000), 4);
    assertThat(m.get("rolls")).isZero();
    assertThat(m.get("unfilled_rolls")).isGreaterThanOrEqualTo(1.0);
    assertThat(m.get("settlements")).isEqualTo(1.0);
    // disputed at maturity (00:00 on 29 Jan 2026, itself a round start of the 48 h grid): it waits the whole 48 h
    // for the next round, then the round's 48 h; the honest 80% turnout clears SPAT in round 1
    assertThat(m.get("settlement_latency_h")).isEqualTo(96.0);
    assertThat(m.get("settlements_captured")).isZero();
    assertThat(m.get("settlements_lapsed")).isZero();
    assertThat(m.get("drift_pct") + m.get("roll_cost_pct") + m.get("settlement_pct"))
        .isCloseTo(m.get("deviation_pct"), within(1e-9));
    assertThat(Math.abs(m.get("settlement_pct"))).isLessThan(1e-6); // the vote settles at the true price

    Map<String, Double> honest = run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION,
        a.withDisputeProbability(0)), Paths.flat(40 * 24, 3000), 4);
    assertThat(honest.get("settlement_latency_h")).isEqualTo(2.0); // UMA's 2-hour liveness
  }

  /**
   * A change detector on the hourly bars. The auction differs from the 5-minute replay below: the
   * makers' stress reads the realised-vol jump and vol-of-vol from the bars the path has, and hourly
   * bars smooth away the intraday jumps that push the demanded edge past the 2% concession there, so
   * here both auction rolls fill.
   */
  @Test
  void theMarch2020CrashReplayOnTheShippedHourlyBarsRollsAsPinnedAndNeverSellsByForce() {
    assertThat(march2020Rolls(OhlcReader.read(TestData.shippedHourly()))).containsExactly(
        "wrapper.kyrrui-tracker.auction=2/0", "wrapper.kyrrui-tracker.amm=2/0",
        "wrapper.kyrrui-tracker.book=2/0", "wrapper.buterin-2026.auction=0/0", "agent.kyrrui-tracker.book=1/0");
  }

  @Test
  @RequiresData(CRASH_FILE)
  void theMarch2020CrashReplayOnFiveMinuteBarsRollsAsPinnedAndNeverSellsByForce() {
    assertThat(march2020Rolls(OhlcReader.read(TestData.require(CRASH_FILE)))).containsExactly(
        "wrapper.kyrrui-tracker.auction=0/1", "wrapper.kyrrui-tracker.amm=2/0",
        "wrapper.kyrrui-tracker.book=2/0", "wrapper.buterin-2026.auction=0/0", "agent.kyrrui-tracker.book=1/0");
  }

  /**
   * Rolls/unfilled rolls of each design through 12-13 March 2020, seed 2020; no design ever sells by
   * force. The data decide: Kyrrui rolls at x < 1.5 S twice as ETH halves through the pool and the book; the
   * auction's first roll meets makers whose demanded edge (both legs' screen half-spreads and the minimum edge,
   * all scaled by the crash's vol and vol-of-vol) is above the auction's 2% maximum concession, so it goes
   * unfilled and the old series is held; Buterin's lower entry strike is never touched; the agent, checking
   * every ~6 h at a random moment, rolls once.
   */
  private static List<String> march2020Rolls(OhlcSeries all) {
    PricePath crash = PricePath.replay(all.window(Instant.parse("2020-03-12T00:00:00Z"), Instant.parse("2020-03-14T00:00:00Z")));
    assertThat(crash.price(0)).isGreaterThan(180);
    assertThat(crash.minimum()).isLessThan(100);
    List<String> got = new ArrayList<>();
    for (DesignModel d : List.of(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION),
        new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.AMM_SWAP),
        new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS),
        new WrapperVaultDesign("buterin-2026", Mechanism.DUTCH_AUCTION),
        new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.RESTING_ORDERS))) {
      Map<String, Double> m = run(d, crash, 2020);
      assertThat(m.get("forced_sales_usd")).as(d.id()).isZero();
      got.add(d.id() + "=" + m.get("rolls").intValue() + "/" + m.get("unfilled_rolls").intValue());
    }
    return got;
  }

  @Test
  void anNThatExpiresWorthlessRuinsItsHolderAndAFlatPathOnlyCostsTimeValue() {
    OptionsAssumptions a = OptionsAssumptions.DEFAULTS.withMakerOutageProbability(0).withDisputeProbability(0)
        .withSettlement(SettlementGame.DEFAULTS.withAttacker(SettlementGame.Attacker.HONEST));
    // N of strike 1,500 bought at 3,000; ETH falls to 1,400 and stays past maturity (28 days)
    Map<String, Double> crash = run(new NHolderDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, a), step(3000, 5, 1400, 25), 6);
    assertThat(crash.get("expired_worthless")).isEqualTo(1.0);
    assertThat(crash.get("ruin")).isEqualTo(1.0);
    assertThat(crash.get("pnl_pct")).isCloseTo(-100.0, within(1e-6)); // nothing left: the proceeds were 0 ETH
    assertThat(crash.get("settlement_latency_h")).isEqualTo(2.0);
    assertThat(crash.get("forced_sales_usd")).isZero();

    Map<String, Double> flat = run(new NHolderDesign(NHolderDesign.DEFAULT_POLICY, Mechanism.DUTCH_AUCTION, a), Paths.flat(24 * 30, 3000), 6);
    assertThat(flat.get("ruin")).isZero();
    assertThat(flat.get("rolls")).isEqualTo(2.0); // bought at the start and again after the first settlement
    assertThat(flat.get("pnl_pct")).isBetween(-1.0, 0.0); // the auction edge and the call's time value
    assertThat(flat.get("pnl_eth_pct")).isCloseTo(flat.get("pnl_pct"), within(1e-9));
  }

  @Test
  void aRecordingTraceGetsTheValueAndTheTargetAtEveryMark() {
    Map<String, List<double[]>> series = new HashMap<>();
    Trace recording = new Trace() {
      @Override
      public void record(String name, double timeYears, double value) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {timeYears, value});
      }

      @Override
      public boolean enabled() {
        return true;
      }
    };
    DesignModel d = new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION);
    d.newRun().simulate(Paths.flat(24 * 70, 3000), PathRandom.forPath(1, 0), recording, new double[d.metrics().size()], 0);
    assertThat(series).containsOnlyKeys(d.id() + ".value_usd", d.id() + ".target_usd");
    // the start, a mark every day for 70 days (paths of 64 days or more are marked daily), and the final mark
    assertThat(series.get(d.id() + ".value_usd")).hasSize(72);
    assertThat(series.get(d.id() + ".target_usd").get(71)[1]).isEqualTo(series.get(d.id() + ".value_usd").get(0)[1]);
    assertThat(series.get(d.id() + ".value_usd").get(71)[0]).isCloseTo(70 / 365.0, within(1e-12));
    assertThat(series.get(d.id() + ".value_usd").get(1)[0]).isCloseTo(1 / 365.0, within(1e-12));
  }

  @Test
  void theAuditSeesPThatLeftWithoutADecision() {
    OptionsMarket m = new OptionsMarket(OptionsAssumptions.DEFAULTS, Mechanism.DUTCH_AUCTION, 3000);
    noliq.options.Series s = noliq.options.Series.pn(noliq.options.IndexId.ETH_USD, noliq.math.Price.of(1500),
        Paths.T0.plus(Duration.ofDays(28)));
    m.ledger.list(s);
    noliq.math.book.AccountId holder = noliq.math.book.AccountId.of("h");
    m.ledger.deposit(holder, noliq.math.Amount.of(10));
    m.ledger.split(holder, s.id(), noliq.math.Amount.of(10), Paths.T0);
    ForcedSaleAudit audit = new ForcedSaleAudit(m, holder);
    audit.in(s.pToken(), noliq.math.Amount.of(10));
    assertThat(audit.forcedUsd(Paths.T0)).isZero();
    // a liquidator takes 4 P: the audit values what is missing at its fair mark
    m.ledger.transfer(holder, noliq.math.book.AccountId.of("liquidator"), s.pToken(), noliq.math.Amount.of(4));
    assertThat(audit.forcedUsd(Paths.T0)).isCloseTo(4 * InverseOptions.pIndex(3000, 1500, 28 / 365.0, Paths.vol(3000, 1500, 28)), within(1e-6));
  }

  @Test
  void designsRefuseWhatTheyCannotRun() {
    assertThatThrownBy(() -> new WrapperVaultDesign("no-such", Mechanism.AMM_SWAP))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("policy: must be one of");
    assertThatThrownBy(() -> new LocalAgentDesign(KyrruiTracker.NAME, Mechanism.AMM_SWAP))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("mechanism:");
    assertThatThrownBy(() -> OptionsAssumptions.DEFAULTS.withDisputeProbability(1.5))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("disputeProbability:");
  }
}
