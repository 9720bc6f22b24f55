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
    // Three days of $1M/day flow, scaled by vol over its long-run level (0.7 / 0.757), take 27.7%; below the long-run
    // level the flow is balanced. The rest crosses the makers' half-spread (vega times the screen's IV half-spread) on
    // each leg.
    MarketReaction m = a.reaction();
    assertThat(passive).isCloseTo(0.3 * m.flowScale(0.7), within(1e-6));
    var mm = new noliq.market.agents.MarketMaker(noliq.math.book.AccountId.of("m"),
        new noliq.market.agents.MakerParams(0.7, 0, 0, 0, 1), m.makerResponse(), new noliq.math.book.TokenBook());
    var view = RollCostStudy.view(ROLL, a);
    var oldLeg = noliq.market.agents.SeriesLeg.p(RollCostStudy.OLD, 2000, 7);
    var newLeg = noliq.market.agents.SeriesLeg.p(RollCostStudy.NEW, 1500, 7);
    double spreads = mm.halfSpreadEth(oldLeg, view) / mm.fairEth(oldLeg, view)
        + mm.halfSpreadEth(newLeg, view) / mm.fairEth(newLeg, view);
    assertThat(book.costBps()).isCloseTo((1 - passive) * spreads * 1e4, within(0.05));
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
  void doublingTheVolRaisesTheCostOfEveryMechanism() {
    var a = RollAssumptions.DEFAULTS;
    var big = ROLL.withSize(3_000_000);
    var low = RollCostStudy.run(big.withVol(0.5), a, EnumSet.allOf(Mechanism.class));
    var high = RollCostStudy.run(big.withVol(1.0), a, EnumSet.allOf(Mechanism.class));
    for (Mechanism m : EnumSet.of(Mechanism.AMM, Mechanism.AUCTION)) {
      assertThat(cost(high, m).costBps()).as(m.name()).isGreaterThan(cost(low, m).costBps());
    }
    // At a frozen state resting orders meet no adverse move: more vol brings more flow, which fills more of them at
    // fair value. Their cost of waiting is measured on paths (lab: RollCostMetamorphicTest, roll_move_bps).
    assertThat((double) cost(high, Mechanism.BOOK).details().get("passiveFractionOfOld"))
        .isGreaterThan((double) cost(low, Mechanism.BOOK).details().get("passiveFractionOfOld"));
  }

  @Test
  void theAmmRuleAgainstVolIsStatedAndMoreVolThinsThePoolsOrRaisesTheFee() {
    var a = RollAssumptions.DEFAULTS;
    var reaction = a.reaction();
    // the default rule: depth shrinks as (longRunVol / atm)^1 above the long-run level, the fee is the schedule's
    assertThat(reaction.ammDepthVolExponent()).isEqualTo(1.0);
    assertThat(reaction.ammFeeVolExponent()).isZero();
    assertThat(a.describe()).anySatisfy(x -> assertThat(x.name()).isEqualTo("ammDepthVolExponent"))
        .anySatisfy(x -> assertThat(x.name()).isEqualTo("ammFeeVolExponent"));
    double longRun = reaction.longRunVol();
    // Milionis et al.: LVR per unit time = sigma^2 / 8 of the pool's value (constant product); with volume as
    // vol^flowVolElasticity, break-even depth goes as vol^(flowVolElasticity - 2): at 2x the long-run level, half
    assertThat(reaction.ammDepthShare(2 * longRun)).isCloseTo(0.5, within(1e-12));
    assertThat(reaction.ammDepthShare(longRun / 2)).isEqualTo(1.0); // never deeper than the stated depth
    var calm = ROLL.withSize(1_000_000).withVol(longRun);
    var wild = calm.withVol(2 * longRun);
    var atCalm = cost(RollCostStudy.run(calm, a, EnumSet.of(Mechanism.AMM)), Mechanism.AMM);
    var atWild = cost(RollCostStudy.run(wild, a, EnumSet.of(Mechanism.AMM)), Mechanism.AMM);
    assertThat((double) atWild.details().get("poolDepthUsd")).isCloseTo((double) atCalm.details().get("poolDepthUsd") / 2,
        within(1.0));
    assertThat(atWild.impactBps()).as("a thinner pool: more impact, " + atWild.impactBps() + " against " + atCalm.impactBps())
        .isGreaterThan(atCalm.impactBps());
    assertThat(atWild.costBps()).isGreaterThan(atCalm.costBps());

    // the dynamic fee instead (depth held): at 2x the long-run level the fee doubles, 0.30% -> 0.60% a hop
    var dynamic = a.withReaction(reaction.withAmmVolRule(0, 1));
    var feeCalm = cost(RollCostStudy.run(calm, dynamic, EnumSet.of(Mechanism.AMM)), Mechanism.AMM);
    var feeWild = cost(RollCostStudy.run(wild, dynamic, EnumSet.of(Mechanism.AMM)), Mechanism.AMM);
    assertThat(feeCalm.details().get("oldFeePips")).isEqualTo(3_000L);
    assertThat(feeWild.details().get("oldFeePips")).isEqualTo(6_000L);
    assertThat(feeWild.details().get("poolDepthUsd")).isEqualTo(feeCalm.details().get("poolDepthUsd"));
    assertThat(feeWild.feeBps()).isGreaterThan(feeCalm.feeBps() * 1.9);
    assertThat(feeWild.costBps()).isGreaterThan(feeCalm.costBps());
    // below the long-run level the fee stays the schedule's
    var quiet = cost(RollCostStudy.run(calm.withVol(longRun / 2), dynamic, EnumSet.of(Mechanism.AMM)), Mechanism.AMM);
    assertThat(quiet.details().get("oldFeePips")).isEqualTo(3_000L);
    assertThatThrownBy(() -> reaction.withAmmVolRule(0, -1)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("ammFeeVolExponent:");
  }

  @Test
  void aCrashStateCostsMoreThanACalmOne() {
    var a = RollAssumptions.DEFAULTS;
    var calm = new RollRequest(3_000_000, 3000, 2000, 7, 1500, 7, 0.6, 0.174, 0.5, 1);
    // vol doubled, vol-of-vol at 300%, realised vol four times its 30-day level
    var crash = new RollRequest(3_000_000, 3000, 2000, 7, 1500, 7, 1.2, 0.174, 3, 4);
    var inCalm = RollCostStudy.run(calm, a, EnumSet.allOf(Mechanism.class));
    var inCrash = RollCostStudy.run(crash, a, EnumSet.allOf(Mechanism.class));
    for (Mechanism m : EnumSet.of(Mechanism.AMM, Mechanism.AUCTION)) {
      assertThat(cost(inCrash, m).costBps()).as(m.name()).isGreaterThan(cost(inCalm, m).costBps());
    }
    // the crash's flow is larger but one-sided: of three days of $1M/day, scaled by vol, the buyers of the old P are
    // the share 1 - imbalance; here the $3M lot is sold passively in that proportion
    MarketReaction m = a.reaction();
    double buyers = 3 * 1_000_000 * m.flowScale(1.2) * (1 - m.flowImbalance(1.2)) / 3_000_000;
    assertThat(m.flowImbalance(1.2)).isGreaterThan(0.25);
    assertThat((double) cost(inCrash, Mechanism.BOOK).details().get("passiveFractionOfOld"))
        .isCloseTo(Math.min(1, buyers), within(1e-3));
  }

  @Test
  void theDecompositionAddsUpAndTheAmmSplitsFeesFromImpact() {
    var r = RollCostStudy.run(ROLL, RollAssumptions.DEFAULTS, EnumSet.allOf(Mechanism.class));
    for (var c : r.costs()) {
      assertThat(c.spreadBps() + c.feeBps() + c.impactBps() + c.moveBps()).as(c.mechanism().name())
          .isCloseTo(c.costBps(), within(1e-9));
    }
    var amm = cost(r, Mechanism.AMM);
    // seven days to maturity: the fee ramp has not started, two 0.3% fees, the second on what the first hop left
    assertThat(amm.feeBps()).isBetween(59.0, 60.0);
    assertThat(amm.impactBps()).isPositive();
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
