package noliq.market.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import noliq.market.roll.RollCostStudy.Mechanism;
import org.junit.jupiter.api.Test;

/** The roll study's accounting identities, which hold whatever the mechanism's cost. */
class RollCostAccountingTest {
  static final RollRequest ROLL = new RollRequest(3_000_000, 3000, 2000, 7, 1500, 7, 0.7);

  @Test
  void theDollarCostIsTheBpsCostOfTheDollarsRolled() {
    var r = RollCostStudy.run(ROLL, RollAssumptions.DEFAULTS, EnumSet.allOf(Mechanism.class));
    for (var c : r.costs()) {
      // given = sold x old fair value = filled x size (the lot is the size at the old leg's fair value)
      double rolledUsd = c.filledFraction() * c.sizeUsd();
      assertThat(c.costUsd()).as(c.mechanism().name())
          .isCloseTo(c.costBps() / 1e4 * rolledUsd, within(1e-6 * Math.abs(c.costUsd()) + 1e-3));
      assertThat(c.unfilledShare()).isCloseTo(1 - c.filledFraction(), within(1e-15));
      assertThat(c.moveBps()).isZero(); // a frozen state: nothing moves while waiting
    }
  }

  @Test
  void theAuctionReportsItsTakesAndWhenTheLastCame() {
    var a = RollAssumptions.DEFAULTS;
    var r = RollCostStudy.run(ROLL, a, EnumSet.of(Mechanism.AUCTION));
    var c = r.costs().get(0);
    int takes = (int) c.details().get("takes");
    // every take fills something; the lot was filled by at least one
    assertThat(takes).isPositive();
    assertThat(c.filledFraction()).isPositive();
    long last = (long) c.details().get("lastTakeAfterMinutes");
    assertThat(last).isBetween(0L, a.auctionRamp().toMinutes());
    // no more takes than polls times makers
    long polls = a.auctionRamp().toNanos() / a.makerPollInterval().toNanos() + 1;
    assertThat((long) takes).isLessThanOrEqualTo(polls * a.makerCount());
  }

  @Test
  void aLotTooLargeForTheMakersIsPartlyFilledAndTheRestReportedUnfilled() {
    var a = RollAssumptions.DEFAULTS;
    var c = RollCostStudy.run(ROLL.withSize(1e8), a, EnumSet.of(Mechanism.AUCTION)).costs().get(0);
    assertThat(c.filledFraction()).isLessThan(1);
    assertThat(c.unfilledShare()).isCloseTo(1 - c.filledFraction(), within(1e-15)).isPositive();
  }

  @Test
  void inACrashOnlyTheBuyingShareOfTheFlowTakesTheOldPPassively() {
    var a = RollAssumptions.DEFAULTS;
    // a lot larger than three days of crash flow, so that the fill is not capped at the whole lot
    var crash = new RollRequest(10_000_000, 3000, 2000, 7, 1500, 7, 1.2, 0.174, 3, 4);
    var book = RollCostStudy.run(crash, a, EnumSet.of(Mechanism.BOOK)).costs().get(0);
    MarketReaction m = a.reaction();
    double days = a.patience().toNanos() / (double) java.time.Duration.ofDays(1).toNanos();
    double buyersUsd = days * a.naturalFlowUsdPerDay() * m.flowScale(1.2) * (1 - m.flowImbalance(1.2));
    assertThat(buyersUsd / 10_000_000).isLessThan(0.9);
    assertThat((double) book.details().get("passiveFractionOfOld")).isCloseTo(buyersUsd / 10_000_000, within(2e-3));
  }
}
