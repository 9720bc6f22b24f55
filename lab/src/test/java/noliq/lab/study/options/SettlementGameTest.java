package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import noliq.lab.scenarios.PricePath;
import noliq.math.RuleViolation;
import noliq.market.roll.RollAssumptions.Assumption;
import noliq.pricing.InverseOptions;
import noliq.wrapper.policy.KyrruiTracker;
import noliq.wrapper.port.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * The settlement oracle inside the study: a vault that no maker ever rolls holds its P (strike
 * 1,500, bought at 3,000, 28 days) to maturity, where the oracle's own game settles it. Every
 * expected figure is computed by hand from P's payout, {@code min(1, S/x)} ETH per unit, away from
 * x = 2S, where P's and N's payouts differ.
 */
class SettlementGameTest {
  static final double E = 100_000.0 / 1500; // P units the $100,000 deposit buys at the entry strike
  // the entry mark on the surface at a 30-day level of 0.8, read at the strike and maturity (Paths.vol)
  static final double TARGET = E * InverseOptions.pIndex(3000, 1500, 28 / 365.0, Paths.vol(3000, 1500, 28));

  static OptionsAssumptions held(SettlementGame game, double disputeProbability) {
    return OptionsAssumptions.DEFAULTS.withMakerOutageProbability(1).withDisputeProbability(disputeProbability)
        .withSettlement(game);
  }

  static Map<String, Double> vault(OptionsAssumptions a, PricePath path) {
    return OptionsDesignsTest.run(new WrapperVaultDesign(KyrruiTracker.NAME, Mechanism.DUTCH_AUCTION, a), path, 7);
  }

  static final SettlementGame HONEST = SettlementGame.DEFAULTS.withAttacker(SettlementGame.Attacker.HONEST);

  @Test
  void anHonestSettlementAwayFromTwiceTheStrikePaysPItsOwnShareNotNs() {
    // at 2,400 P's payout is 1,500 / 2,400 = 0.625 ETH a unit and N's 0.375: swapping them is a 25-point error
    Map<String, Double> m = vault(held(HONEST, 0), OptionsDesignsTest.step(3000, 25, 2400, 5));
    assertThat(m.get("settlements")).isEqualTo(1.0);
    assertThat(m.get("settlement_latency_h")).isEqualTo(2.0);
    // proposed, unchallenged through the liveness: no dispute, no vote
    assertThat(m.get("settlement_disputes")).isZero();
    assertThat(m.get("settlement_disputed")).isZero();
    assertThat(m.get("settlement_vote_rounds")).isZero();
    assertThat(Math.abs(m.get("settlement_pct"))).isLessThan(1e-6);
    // the vault ends holding the payout in ETH: E × 0.625 ETH at 2,400 = $100,000
    assertThat(m.get("deviation_pct")).isCloseTo((E * 0.625 * 2400 / TARGET - 1) * 100, within(1e-6));
    // below the strike P takes the whole ETH and N nothing: E × 1 ETH at 1,200
    Map<String, Double> low = vault(held(HONEST, 0), OptionsDesignsTest.step(3000, 25, 1200, 5));
    assertThat(Math.abs(low.get("settlement_pct"))).isLessThan(1e-6);
    assertThat(low.get("deviation_pct")).isCloseTo((E * 1.0 * 1200 / TARGET - 1) * 100, within(1e-6));
  }

  @Test
  void theSettlementErrorComparesThePayoutWithPsOwnShare() {
    // 10 P of strike 1,500 at a true 2,400: 6.25 ETH is right; N's 3.75 would be $6,000 short at 2,400
    assertThat(WrapperVaultDesign.settlementErrorUsd(10, 6.25, 1500, 2400, 2400)).isZero();
    assertThat(WrapperVaultDesign.settlementErrorUsd(10, 3.75, 1500, 2400, 2400)).isCloseTo(-6000, within(1e-9));
    assertThat(WrapperVaultDesign.settlementErrorUsd(10, 5, 1500, 1000, 1000)).isCloseTo(-5000, within(1e-9));
  }

  @Test
  void aCaptureThatPaysMovesHalfOfPsPayoutToNAndIsMeasuredAsSettlementError() {
    SettlementGame capture = SettlementGame.DEFAULTS;
    assertThat(capture.attacker()).isEqualTo(SettlementGame.Attacker.CAPTURE);
    // $100M of P, half of it moved: $50M, against 25M × 0.65 / 0.35 = 46.43M tokens at $1 plus the $750 bond
    assertThat(capture.capturePays(100e6, 750)).isTrue();
    Map<String, Double> m = vault(held(capture, 0), OptionsDesignsTest.step(3000, 25, 2400, 10));
    assertThat(m.get("settlements_captured")).isEqualTo(1.0);
    // the captured answer pays P (1 - 0.5) × 0.625 = 0.3125 ETH a unit: $50,000 of the $100,000 is lost
    assertThat(m.get("settlement_pct")).isCloseTo(-E * 0.3125 * 2400 / TARGET * 100, within(1e-4));
    assertThat(m.get("deviation_pct")).isCloseTo((E * 0.3125 * 2400 / TARGET - 1) * 100, within(1e-4));
    // disputed at once; maturity 00:00 on 29 Jan 2026 is a round start, so 48 h to the next round, 48 h to decide
    assertThat(m.get("settlement_latency_h")).isEqualTo(96.0);
    // one dispute, decided in its first round
    assertThat(m.get("settlement_disputes")).isEqualTo(1.0);
    assertThat(m.get("settlement_disputed")).isEqualTo(1.0);
    assertThat(m.get("settlement_vote_rounds")).isEqualTo(1.0);
    assertThat(m.get("te_settlement_share")).isGreaterThan(0);

    // below the safety margin (cost / distortion = $92.86M) the attacker stays honest
    double margin = capture.captureStartsToPayAtUsd(750);
    assertThat(margin).isCloseTo((25e6 * 0.65 / 0.35 + 750) / 0.5, within(1e-3));
    Map<String, Double> small = vault(held(capture.withOpenInterest(margin * 0.99), 0), OptionsDesignsTest.step(3000, 25, 2400, 5));
    assertThat(small.get("settlements_captured")).isZero();
    assertThat(Math.abs(small.get("settlement_pct"))).isLessThan(1e-6);
    Map<String, Double> large = vault(held(capture.withOpenInterest(margin * 1.01), 0), OptionsDesignsTest.step(3000, 25, 2400, 10));
    assertThat(large.get("settlements_captured")).isEqualTo(1.0);
    // below the strike the series' P is worth only x/S of its $100M: at 1,200, $80M, half of it $40M < the cost
    Map<String, Double> low = vault(held(capture, 0), OptionsDesignsTest.step(3000, 25, 1200, 10));
    assertThat(low.get("settlements_captured")).isZero();
    assertThat(Math.abs(low.get("settlement_pct"))).isLessThan(1e-6);
  }

  @Test
  void aDelayAttackerBlocksEveryRoundAndTheLedgerTimeoutPaysHalfAndHalf() {
    SettlementGame delay = SettlementGame.DEFAULTS.withAttacker(SettlementGame.Attacker.DELAY);
    // 80% of 25M votes honestly; a blocking stake B keeps 20M at or below 0.65 (25M + B): B = 25M (0.8/0.65 - 1)
    assertThat(delay.blockStakeUma()).isCloseTo(25e6 * (0.8 / 0.65 - 1), within(1e-3));
    Map<String, Double> m = vault(held(delay, 0), OptionsDesignsTest.step(3000, 25, 2400, 35));
    assertThat(m.get("settlements_lapsed")).isEqualTo(1.0);
    // five rounds roll, the vote is deleted, and 30 days after maturity the series pays 1/2 ETH a unit, not 0.625
    assertThat(m.get("settlement_latency_h")).isEqualTo(30 * 24.0);
    // one dispute, escalated through maxRolls + 1 = 5 rounds before the deletion
    assertThat(m.get("settlement_disputes")).isEqualTo(1.0);
    assertThat(m.get("settlement_vote_rounds")).isEqualTo(5.0);
    assertThat(m.get("settlement_pct")).isCloseTo((0.5 - 0.625) * E * 2400 / TARGET * 100, within(1e-4));
    // the same lapse with no attacker at all, when the honest turnout cannot clear SPAT (65% of all stake)
    Map<String, Double> apathy = vault(held(HONEST.withTurnout(0.6), 1), OptionsDesignsTest.step(3000, 25, 2400, 35));
    assertThat(apathy.get("settlements_lapsed")).isEqualTo(1.0);
    // the wrong first proposal (dispute probability 1) is what sent it to the vote
    assertThat(apathy.get("settlement_disputes")).isEqualTo(1.0);
    assertThat(apathy.get("settlement_disputed")).isEqualTo(1.0);
    assertThat(apathy.get("settlement_pct")).isCloseTo(m.get("settlement_pct"), within(1e-9));
    // below the strike the lapse costs P half its ETH: x = 1,200, P should get 1 ETH a unit
    Map<String, Double> low = vault(held(delay, 0), OptionsDesignsTest.step(3000, 25, 1200, 35));
    assertThat(low.get("settlement_pct")).isCloseTo((0.5 - 1.0) * E * 1200 / TARGET * 100, within(1e-4));
  }

  @Test
  void theCorruptionCostReportsNoSettlementAsNaNAndTheSafetyMargin() {
    SettlementCorruptionCost cost = SettlementCorruptionCost.DEFAULT;
    Map<String, Double> none = OptionsDesignsTest.run(cost, Paths.flat(20 * 24, 3000), 1);
    assertThat(none.get("settlements")).isZero();
    assertThat(none.get("capital_to_value")).isNaN();
    assertThat(none.get("value_at_stake_usd")).isNaN();
    double capital = 25e6 * 0.65 / 0.35;
    Map<String, Double> two = OptionsDesignsTest.run(cost, Paths.flat(60 * 24, 3000), 1);
    assertThat(two.get("settlements")).isEqualTo(2.0);
    assertThat(two.get("capital_needed_usd")).isCloseTo(capital, within(1e-3));
    assertThat(two.get("capture_cost_usd")).isCloseTo(capital + 750, within(1e-3));
    // a flat path settles at x = 2S: P is worth all of its $100M; half is moved
    assertThat(two.get("value_at_stake_usd")).isCloseTo(50e6, within(1e-3));
    assertThat(two.get("capital_to_value")).isCloseTo((capital + 750) / 50e6, within(1e-9));
    assertThat(two.get("captures")).isEqualTo(2.0);
    assertThat(two.get("capture_pays_above_oi_usd")).isCloseTo((capital + 750) / 0.5, within(1e-3));
    assertThat(two.get("block_cost_usd")).isCloseTo(25e6 * (0.8 / 0.65 - 1), within(1e-3));
    Map<String, Double> smaller = OptionsDesignsTest.run(
        new SettlementCorruptionCost(SettlementGame.DEFAULTS.withOpenInterest(90e6), 750, 28), Paths.flat(60 * 24, 3000), 1);
    assertThat(smaller.get("captures")).isZero();
    assertThat(smaller.get("capital_to_value")).isGreaterThan(1);
  }

  @Test
  void theCaptureCostGrowsWithTheStakeAndSpatMakesTurnoutIrrelevantWithoutFollowers() {
    SettlementGame g = SettlementGame.DEFAULTS;
    assertThat(g.withTurnout(0.7).captureCostUsd(750)).isEqualTo(g.withTurnout(0.95).captureCostUsd(750));
    assertThat(g.withVoteStake(50e6).captureStakeUma()).isCloseTo(2 * g.captureStakeUma(), within(1e-3));
    // a higher turnout needs a bigger blocking stake
    assertThat(g.withTurnout(0.95).blockStakeUma()).isGreaterThan(g.blockStakeUma());
    assertThat(g.withTurnout(0.6).blockStakeUma()).isZero();
  }

  @Test
  void everyGameParameterIsInTheAssumptionsTableUnderItsStableName() {
    assertThat(OptionsAssumptions.DEFAULTS.describe()).extracting(Assumption::name).contains("settlementAttacker",
        "voteStakeUma", "voteTurnout", "umaPriceUsd", "bribeCostShare", "seriesOpenInterestUsd", "captureDistortion",
        "settlementTimeout", "disputeProbability", "voteDuration");
    assertThat(OptionsAssumptions.DEFAULTS.describe()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
    assertThatThrownBy(() -> SettlementGame.DEFAULTS.withTurnout(0)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("voteTurnout:");
    assertThatThrownBy(() -> SettlementGame.DEFAULTS.withVoteStake(5e6)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("voteStakeUma:");
  }
}
