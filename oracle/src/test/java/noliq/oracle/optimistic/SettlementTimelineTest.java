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
  void eachVoteRoundAdds48HoursUpToFiveRolls() {
    for (int rounds = 1; rounds <= 6; rounds++) {
      var t = SettlementTimeline.run(TWO_HOURS, 1, rounds, Duration.ofHours(1), BOND, FEE);
      assertThat(t.latency()).isEqualTo(Duration.ofHours(1 + 48L * rounds));
      assertThat(t.phases()).hasSize(1 + rounds);
    }
    // The worst case: dispute at the window's end, then 1 round + 5 rolls: about 12 days.
    var worst = SettlementTimeline.run(TWO_HOURS, 1, 6, TWO_HOURS.minusSeconds(1), BOND, FEE);
    assertThat(worst.latency()).isEqualTo(Duration.ofDays(12).plus(TWO_HOURS).minusSeconds(1));
  }

  @Test
  void everyPostedBondEndsWithTheHonestSideOrTheStore() {
    var t = SettlementTimeline.run(TWO_HOURS, 2, 1, Duration.ofHours(1), BOND, FEE);
    Amount paid = t.flows().stream().map(SettlementTimeline.Flow::amount).reduce(Amount.ZERO, Amount::plus);
    assertThat(paid).isEqualTo(t.posted()).isEqualTo(Amount.of(40_000));
    // Two disputed rounds, the honest disputer wins each: 14,250 each; the store 5,750 each.
    assertThat(t.burned()).isEqualTo(Amount.of(11_500));
    assertThat(t.latency()).isEqualTo(Duration.ofHours(2 + 48));
  }

  @Test
  void badInputIsRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 0, 1, Duration.ZERO, BOND, FEE))
        .hasMessage("vote-rounds: must be 0 when nothing is disputed (was 1)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 1, 7, Duration.ZERO, BOND, FEE))
        .hasMessage("vote-rounds: must be between 1 and 6 (1 round + 5 rolls) after a dispute (was 7)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, -1, 0, Duration.ZERO, BOND, FEE))
        .hasMessage("disputes: must be at least 0 (was -1)");
    assertThatThrownBy(() -> SettlementTimeline.run(TWO_HOURS, 1, 1, TWO_HOURS, BOND, FEE))
        .hasMessage("dispute-after: must be within the liveness window PT2H (was PT2H)");
  }
}
