package noliq.oracle.optimistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import noliq.math.Amount;
import org.junit.jupiter.api.Test;

class SettlementTimelineTest {
  static final Duration TWO_HOURS = Duration.ofHours(2);
  static final Amount BOND = Amount.of(8_500);
  static final Amount FEE = Amount.of(1_500);

  @Test
  void theHappyPathTakesTheLivenessWindow() {
    var t = SettlementTimeline.run(TWO_HOURS, 0, 0, Duration.ofHours(1), BOND, FEE);
    assertThat(t.latency()).isEqualTo(TWO_HOURS);
    assertThat(t.flows()).singleElement().satisfies(f -> assertThat(f.amount()).isEqualTo(Amount.of(10_000)));
    assertThat(t.burned()).isEqualTo(Amount.ZERO);
  }

  @Test
  void aDisputeWaitsForTheNextRoundOfTheGridThenEachRoundAdds48HoursUpToFiveRounds() {
    // maturity 08:00 on 25 Dec 2026, disputed at 09:00; the 48 h grid's next round opens 00:00 on 27 Dec: 39 h later
    for (int rounds = 1; rounds <= 5; rounds++) {
      var t = SettlementTimeline.run(TWO_HOURS, 1, rounds, Duration.ofHours(1), BOND, FEE);
      assertThat(t.latency()).isEqualTo(Duration.ofHours(1 + 39 + 48L * rounds));
      assertThat(t.phases()).hasSize(2 + rounds);
      assertThat(t.phases().get(1).length()).isEqualTo(Duration.ofHours(39));
      assertThat(t.deleted()).isFalse();
    }
  }

  @Test
  void aVoteThatMissesAllFiveRoundsIsDeletedAndTheBondsStayLocked() {
    var t = SettlementTimeline.run(TWO_HOURS, 1, 5, Duration.ofHours(1), BOND, FEE, true);
    assertThat(t.deleted()).isTrue();
    assertThat(t.finalAnswer()).isNull();
    assertThat(t.latency()).isEqualTo(Duration.ofHours(1 + 39 + 5 * 48));
    // the store took 1,500 + 4,250 at dispute time; the other 14,250 of the 20,000 posted is locked for ever
    assertThat(t.burned()).isEqualTo(Amount.of(5_750));
    assertThat(t.locked()).isEqualTo(Amount.of(14_250));
    assertThat(t.ledgerTimeout()).isEqualTo(Duration.ofDays(30));
    assertThat(t.phases().getLast().end()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void everyPostedBondEndsWithTheHonestSideOrTheStore() {
    var t = SettlementTimeline.run(TWO_HOURS, 2, 1, Duration.ofHours(1), BOND, FEE);
    Amount paid = t.flows().stream().map(SettlementTimeline.Flow::amount).reduce(Amount.ZERO, Amount::plus);
    assertThat(paid).isEqualTo(t.posted()).isEqualTo(Amount.of(40_000));
    // Two disputed rounds, the honest disputer wins each: 14,250 each; the store 5,750 each, at dispute time.
    assertThat(t.burned()).isEqualTo(Amount.of(11_500));
    // disputed at 09:00 and 10:00 on 25 Dec; the round opens 00:00 on 27 Dec and ends 48 h later
    assertThat(t.latency()).isEqualTo(Duration.ofHours(40 + 48));
  }

  @Test
  void badInputIsRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 0, 1, Duration.ZERO, BOND, FEE))
        .hasMessage("vote-rounds: must be 0 when nothing is disputed (was 1)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 1, 7, Duration.ZERO, BOND, FEE))
        .hasMessage("vote-rounds: must be between 1 and 5 (1 round + 4 rolls) after a dispute (was 7)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 1, 3, Duration.ZERO, BOND, FEE, true))
        .hasMessage("vote-rounds: must be 5 when the vote is deleted (it misses every round) (was 3)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, -1, 0, Duration.ZERO, BOND, FEE))
        .hasMessage("disputes: must be at least 0 (was -1)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 1, 1, TWO_HOURS, BOND, FEE))
        .hasMessage("dispute-after: must be within the liveness window PT2H (was PT2H)");
  }

  @Test
  void limitsAreInclusiveWhereTheContractAllowsTheValue() {
    // 50 disputes is the stated maximum, so it runs
    assertThat(SettlementTimeline.run(TWO_HOURS, 50, 1, Duration.ofHours(1), BOND, FEE).disputes()).isEqualTo(50);
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 51, 1, Duration.ofHours(1), BOND, FEE))
        .hasMessage("disputes: must be at most 50 (was 51)");
    // with nothing disputed, when a dispute would have come does not matter
    assertThat(SettlementTimeline.run(TWO_HOURS, 0, 0, TWO_HOURS, BOND, FEE).latency()).isEqualTo(TWO_HOURS);
  }

  @Test
  void flowsAndPhasesNameWhoAndHowLong() {
    var happy = SettlementTimeline.run(TWO_HOURS, 0, 0, Duration.ofHours(1), BOND, FEE);
    assertThat(happy.flows()).singleElement().satisfies(f -> assertThat(f.to()).isEqualTo("proposer"));
    var disputed = SettlementTimeline.run(Duration.ofMinutes(90), 1, 1, Duration.ofHours(1), BOND, FEE);
    assertThat(disputed.phases().getFirst().name()).contains("(liveness 1.5 h)");
    assertThat(disputed.flows()).extracting(SettlementTimeline.Flow::to).doesNotContain("proposer");
  }
}
