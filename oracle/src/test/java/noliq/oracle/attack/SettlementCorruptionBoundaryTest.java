package noliq.oracle.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import noliq.oracle.attack.SettlementCorruption.Outcome;
import noliq.oracle.attack.SettlementCorruption.VoteInputs;
import org.junit.jupiter.api.Test;

/**
 * The strict thresholds of VotingV2 (an answer decides only with strictly more than SPAT of the
 * stake) and of the escalation route (a side that can exactly afford the next bond or the
 * arbitration fee pays it), each at its boundary, computed by hand.
 */
class SettlementCorruptionBoundaryTest {

  @Test
  void anHonestShareExactlyAtSpatRollsAndBelowItAtLowTurnoutRollsToo() {
    // attacker 35%, everyone votes: the honest answer holds exactly 65% of the stake, not more
    assertThat(SettlementCorruption.viaVote(VoteInputs.uma(1e6, 750, 0.35)).outcome()).isEqualTo(Outcome.ROLLS);
    // attacker 30% at 90% turnout: honest 70% of the votes is 63% of the stake, below 65%
    assertThat(SettlementCorruption.viaVote(VoteInputs.uma(1e6, 750, 0.30).withTurnout(0.9)).outcome())
        .isEqualTo(Outcome.ROLLS);
    // attacker 25% at 90% turnout: honest 75% of the votes is 67.5% of the stake: the attack fails
    assertThat(SettlementCorruption.viaVote(VoteInputs.uma(1e6, 750, 0.25).withTurnout(0.9)).outcome())
        .isEqualTo(Outcome.FAILS);
  }

  @Test
  void atTurnoutEqualToSpatNoShareOfTheVotesDecides() {
    // 100% of the votes at 65% turnout is 65% of the stake: not strictly more
    var r = SettlementCorruption.viaVote(VoteInputs.uma(1e6, 750, 0.5).withTurnout(0.65));
    assertThat(r.shareNeeded()).isInfinite();
  }

  @Test
  void aFailedAttackerIsSlashedOnItsOwnStake() {
    // 25% of the votes at 90% turnout against 15M of others' stake: the others reveal 13.5M, so the
    // attacker holds 13.5M × 25/75 = 4.5M, and loses 0.1% of it (4,500) besides its 750 bond
    var r = SettlementCorruption.viaVote(VoteInputs.uma(1e6, 750, 0.25).withTurnout(0.9).withOthersStake(15e6));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILS);
    assertThat(r.cost()).isCloseTo(750 + 4_500, within(1e-6));
    assertThat(r.gain()).isZero();
    assertThat(r.net()).isCloseTo(-(750 + 4_500), within(1e-6));
  }

  @Test
  void anHonestSideThatCanExactlyAffordItsBondsAndTheFeeArbitrates() {
    // attacker 1; honest 2 (total 2); attacker 4; honest 8 (total 10 = all its capital); attacker 16
    var exact = SettlementCorruption.viaEscalation(1e6, 1, 10, 0, 50);
    assertThat(exact.honestAnswers()).isEqualTo(2);
    assertThat(exact.attackerAnswers()).isEqualTo(3);
    assertThat(exact.honestCapitalUsed()).isEqualTo(10);
    assertThat(exact.attackerCapital()).isEqualTo(1 + 4 + 16);
    assertThat(exact.arbitrationRequested()).isTrue(); // 10 + fee 0 <= 10
    // with 12 of capital and a fee of 2: 10 posted, 2 left: exactly the fee
    var fee = SettlementCorruption.viaEscalation(1e6, 1, 12, 2, 50);
    assertThat(fee.arbitrationRequested()).isTrue();
    assertThat(fee.attackerWins()).isFalse();
    assertThat(fee.net()).isEqualTo(-21);
    // one unit short of the fee: the attacker wins unopposed, gaining the value and 39/40 of the honest bonds
    var shortOfFee = SettlementCorruption.viaEscalation(1e6, 1, 11.5, 2, 50);
    assertThat(shortOfFee.attackerWins()).isTrue();
    assertThat(shortOfFee.gain()).isEqualTo(1e6 + 10 * 39.0 / 40);
  }

  @Test
  void theRoundLimitIsHonouredFromOneToTwoHundred() {
    var one = SettlementCorruption.viaEscalation(1e6, 1, 1e9, 0, 1);
    assertThat(one.honestAnswers()).isEqualTo(1);
    assertThat(one.attackerAnswers()).isEqualTo(2);
    // 200 rounds against unlimited capital: the bonds reach 4^200 = 2^400, still finite in a double
    var many = SettlementCorruption.viaEscalation(1e6, 1, Double.MAX_VALUE, 0, 200);
    assertThat(many.honestAnswers()).isEqualTo(200);
    assertThat(many.lastAttackerBond()).isEqualTo(Math.pow(2, 400));
  }
}
