package noliq.wrapper.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.options.IndexId;
import noliq.options.Series;
import noliq.wrapper.policy.Observation;
import org.junit.jupiter.api.Test;

/**
 * A maker's inventory after a roll, against Black–Scholes by hand. The lot is a roll down: the
 * maker takes a rotation auction selling 10 old P (strike 1,500, 30 days) for 14 new P (strike
 * 1,000, 60 days). With r = 0, P = K − put(K), so the maker has sold the 1,500 put and bought the
 * 1,000 put: a put spread, long delta. Flat vol 80%, spot 2,000 at the fill; a day later spot is
 * 1,600 (or still 2,000: the calm case).
 *
 * <p>The hand computation (P = S − C, C = S N(d1) − K N(d2), d1 = (ln(S/K) + σ²τ/2) / σ√τ, τ in
 * days / 365), with N(.) from tables:
 * <pre>
 *   old P at the fill (2000, 1500, 30 d): d1 = 1.36900, d2 = 1.13964, N(d1) = 0.914500, N(d2) = 0.872783
 *       C = 2000 × 0.914500 − 1500 × 0.872783 = 519.826,  P = 1480.174
 *   new P at the fill (2000, 1000, 60 d): d1 = 2.29919, d2 = 1.97483, N(d1) = 0.989253, N(d2) = 0.975856
 *       C = 1002.649,  P = 997.351
 *   edge = 10 × 1480.174 − 14 × 997.351 = 838.83
 *   a day later at 1,600: old P (1600, 1500, 29 d): N(d1) = 0.655036, N(d2) = 0.568853, P = 1405.222
 *                         new P (1600, 1000, 59 d): N(d1) = 0.947608, N(d2) = 0.903277, P = 987.104
 *       value = 10 × 1405.222 − 14 × 987.104 = 238.76;  inventory P&amp;L = 238.76 − 838.83 = −606.07
 *   the lot's delta at the fill = 10 (1 − 0.914500) − 14 (1 − 0.989253) = 0.70454 ETH;
 *       hedged in full: −606.07 − 0.70454 × (1600 − 2000) = −324.25
 *   calm (still 2,000 a day later): old P 1481.363, new P 997.502: value 848.61, P&amp;L +9.77 (time decay)
 * </pre>
 */
class MakerInventoryTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
  static final AccountId MAKER = AccountId.of("maker-1");

  final VenueRollTest world = new VenueRollTest();
  final Series oldSeries = Series.pn(IndexId.ETH_USD, Price.of(1500), T0.plus(Duration.ofDays(30)));
  final Series newSeries = Series.pn(IndexId.ETH_USD, Price.of(1000), T0.plus(Duration.ofDays(60)));
  double spot = 2000;
  final MarketDesk desk;

  MakerInventoryTest() {
    world.ledger.list(oldSeries);
    world.ledger.list(newSeries);
    desk = new MarketDesk(world.ledger, now -> new Observation(Price.fromDouble(spot, Rounding.DOWN), now, 0.8),
        RollAssumptions.DEFAULTS);
  }

  double rollDownLot(MakerInventory.Rule rule, double spotADayLater) {
    desk.setInventoryRule(rule);
    desk.makerFilled(MAKER, oldSeries.pToken(), Amount.of(10), newSeries.pToken(), Amount.of(14), T0);
    assertThat(desk.inventory().totals().edgeUsd()).isCloseTo(838.832, within(0.01));
    spot = spotADayLater;
    desk.unwindDue(T0.plus(Duration.ofHours(23)));
    assertThat(desk.inventory().totals().open()).isEqualTo(1); // not due before its horizon
    desk.unwindDue(T0.plus(Duration.ofDays(1)));
    assertThat(desk.inventory().totals().open()).isZero();
    return desk.inventory().totals().inventoryUsd();
  }

  @Test
  void aRollDownLotLosesTheHandComputedBlackScholesAmountWhenSpotDrops() {
    assertThat(rollDownLot(new MakerInventory.Rule(Duration.ofDays(1), 0), 1600)).isCloseTo(-606.067, within(0.01));
    MakerInventory.Totals t = desk.inventory().totals();
    assertThat(t.pnlUsd()).isCloseTo(838.832 - 606.067, within(0.02));
    assertThat(t.worstLotUsd()).isCloseTo(-606.067, within(0.01));
    // the capital the lot commits is what the maker paid: 14 new P at fair value
    assertThat(t.peakCapitalUsd()).isCloseTo(14 * 997.3508, within(0.01));
  }

  @Test
  void aFullDeltaHedgeLeavesTheHandComputedGammaLoss() {
    assertThat(rollDownLot(new MakerInventory.Rule(Duration.ofDays(1), 1), 1600)).isCloseTo(-324.251, within(0.02));
    assertThat(desk.inventory().totals().hedgeUsd()).isCloseTo(0.704540 * 400, within(0.02));
  }

  @Test
  void aCalmDayEarnsOnlyTheTimeDecay() {
    assertThat(rollDownLot(new MakerInventory.Rule(Duration.ofDays(1), 0), 2000)).isCloseTo(9.775, within(0.01));
  }

  /** Metamorphic: the same lot costs more the further spot falls after the fill; the calm day costs nothing. */
  @Test
  void aDeeperFallCostsTheMakerMore() {
    double last = rollDownLot(MakerInventory.Rule.DEFAULT, 2000);
    for (double s : new double[] {1900, 1800, 1600, 1400}) {
      MakerInventoryTest fresh = new MakerInventoryTest();
      double pnl = fresh.rollDownLot(MakerInventory.Rule.DEFAULT, s);
      assertThat(pnl).isLessThan(last);
      last = pnl;
    }
  }

  @Test
  void aLotUnwindsAtTheEarliestMaturityOfItsLegsIfSooner() {
    desk.setInventoryRule(new MakerInventory.Rule(Duration.ofDays(90), 0));
    desk.makerFilled(MAKER, oldSeries.pToken(), Amount.of(10), Token.ETH, Amount.of(7), T0);
    assertThat(desk.inventory().openLots().get(0).unwindAt()).isEqualTo(oldSeries.maturity());
  }

  @Test
  void aFillInsideATradeThatRollsBackLeavesNoLot() {
    assertThatThrownBy(() -> world.book.atomically(() -> {
      desk.makerFilled(MAKER, oldSeries.pToken(), Amount.of(10), Token.ETH, Amount.of(7), T0);
      throw new IllegalStateException("the trade failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(desk.inventory().totals().lots()).isZero();
    assertThat(desk.inventory().openLots()).isEmpty();
  }

  @Test
  void theRuleRefusesAHedgeOutsideZeroToOneAndANegativeHorizon() {
    assertThatThrownBy(() -> new MakerInventory.Rule(Duration.ofDays(1), 1.5)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("makerHedgeShare");
    assertThatThrownBy(() -> new MakerInventory.Rule(Duration.ofHours(-1), 0)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("makerUnwindHorizon");
  }
}
