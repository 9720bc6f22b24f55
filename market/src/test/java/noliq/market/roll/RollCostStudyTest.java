package noliq.market.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import noliq.market.roll.RollCostStudy.Mechanism;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;

class RollCostStudyTest {
  static final RollRequest ROLL = new RollRequest(100_000, 3000, 2000, 7, 1500, 7, 0.7);

  static RollCostStudy.MechanismCost cost(RollCostStudy.Report r, Mechanism m) {
    return r.costs().stream().filter(c -> c.mechanism() == m).findFirst().orElseThrow();
  }

  @Test
  void patientOrdersFilledByNaturalFlowCostNothingAgainstFairValue() {
    var r = RollCostStudy.run(ROLL.withSize(10_000), RollAssumptions.DEFAULTS, EnumSet.of(Mechanism.BOOK));
    var book = cost(r, Mechanism.BOOK);
    assertThat(book.filledFraction()).isEqualTo(1.0);
    assertThat(book.details().get("passiveFractionOfOld")).isEqualTo(1.0);
    // Only wei-level rounding separates the fills from fair value.
    assertThat(book.costBps()).isCloseTo(0.0, within(1e-6));
  }

  @Test
  void beyondTheFlowThePatientHolderPaysTheMakersSpreadOnTheRest() {
    var a = RollAssumptions.DEFAULTS;
    var r = RollCostStudy.run(ROLL.withSize(10_000_000), a, EnumSet.of(Mechanism.BOOK));
    var book = cost(r, Mechanism.BOOK);
    double passive = (double) book.details().get("passiveFractionOfOld");
    // Three days of $1M/day flow take 30%; the rest crosses a 25 bp half-spread on each leg.
    assertThat(passive).isCloseTo(0.3, within(1e-6));
    assertThat(book.costBps()).isCloseTo((1 - passive) * 2 * a.makerHalfSpreadBps(), within(0.05));
  }

  @Test
  void ammCostsAtLeastTheTwoFeesAndGrowsWithSize() {
    double previous = 0;
    for (double size : new double[] {1e4, 1e5, 1e6, 1e7}) {
      var amm = cost(RollCostStudy.run(ROLL.withSize(size), RollAssumptions.DEFAULTS, EnumSet.of(Mechanism.AMM)),
          Mechanism.AMM);
      assertThat(amm.filledFraction()).isEqualTo(1.0);
      assertThat(amm.costBps()).isGreaterThan(2 * 30 * 0.99).isGreaterThan(previous);
      previous = amm.costBps();
    }
  }

  @Test
  void auctionCostStaysWithinItsEdgeAndMakersCapacityLimitsTheFill() {
    var a = RollAssumptions.DEFAULTS;
    for (double size : new double[] {1e4, 1e6, 1e8}) {
      var auction = cost(RollCostStudy.run(ROLL.withSize(size), a, EnumSet.of(Mechanism.AUCTION)), Mechanism.AUCTION);
      assertThat(auction.costBps()).isGreaterThanOrEqualTo(a.makerMinEdgeBps() - 0.01)
          .isLessThanOrEqualTo(a.auctionEdgePips() / 100.0 + 0.01);
      double capacity = a.makerCount() * a.makerInventoryUsd();
      assertThat(auction.filledFraction()).isCloseTo(Math.min(1.0, capacity / size), within(1e-3));
    }
  }

  @Test
  void theStudyIsDeterministic() {
    var x = RollCostStudy.run(ROLL, RollAssumptions.DEFAULTS, EnumSet.allOf(Mechanism.class));
    var y = RollCostStudy.run(ROLL, RollAssumptions.DEFAULTS, EnumSet.allOf(Mechanism.class));
    assertThat(x).isEqualTo(y);
    assertThat(x.assumptions()).extracting(RollAssumptions.Assumption::name)
        .contains("ammPoolDepthUsd", "auction", "patience", "naturalFlowUsdPerDay", "makerInventoryUsd");
  }

  @Test
  void badRequestsNameTheOption() {
    assertThatThrownBy(() -> new RollRequest(0, 3000, 2000, 7, 1500, 7, 0.7))
        .isInstanceOf(RuleViolation.class).hasMessage("size-usd: must be positive (was 0.0)");
    assertThatThrownBy(() -> new RollRequest(1e5, 3000, 2000, 7, 2000, 7, 0.7))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("to-strike: must differ");
    assertThatThrownBy(() -> new RollRequest(1e5, 3000, 2000, 7, 1500, 7, -1))
        .isInstanceOf(RuleViolation.class).hasMessage("vol: must be positive (was -1.0)");
  }
}
