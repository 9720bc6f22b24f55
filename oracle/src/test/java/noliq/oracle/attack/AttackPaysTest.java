package noliq.oracle.attack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An attack pays only with a strictly positive net: breaking even is not worth the risk, and is not counted. */
class AttackPaysTest {
  @Test
  void breakingEvenDoesNotPay() {
    // a vote that rolls: nothing gained, nothing lost
    var rolls = SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(1e6, 750, 0.5));
    assertThat(rolls.net()).isZero();
    assertThat(rolls.pays()).isFalse();
    // a vote that decides for the attacker pays: 1e6 + half the 750 bond
    var decides = SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(1e6, 750, 0.5).withFollowers(0.9));
    assertThat(decides.net()).isEqualTo(1e6 + 375);
    assertThat(decides.pays()).isTrue();
    // the escalation route with nothing at stake against a side that arbitrates: the attacker loses its bonds
    var arbitrated = SettlementCorruption.viaEscalation(0, 1, 100, 10, 50);
    assertThat(arbitrated.pays()).isFalse();
    // unopposed (no honest capital) with 5 at stake: the attacker gains 5; its own top bond comes back whole (no 1/40 fee)
    var unopposed = SettlementCorruption.viaEscalation(5, 1, 0, 1, 50);
    assertThat(unopposed.attackerWins()).isTrue();
    assertThat(unopposed.net()).isEqualTo(5);
    assertThat(unopposed.pays()).isTrue();
  }
}
