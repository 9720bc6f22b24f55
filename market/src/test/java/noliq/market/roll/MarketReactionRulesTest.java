package noliq.market.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import noliq.market.MarketException;
import noliq.market.amm.FeeSchedule;
import org.junit.jupiter.api.Test;

/** The roll markets' reaction rules, each worked by hand from the formula stated in {@link MarketReaction}. */
class MarketReactionRulesTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  // long-run vol 0.8 to keep the arithmetic round; flow elasticity 1.5, imbalance 0.5 per unit, depth exponent 0.5
  static final MarketReaction R = new MarketReaction(0.174, 0.103, 3.0, 4.0, 0.8, 0.5, 0.061, 0.00005, 1.0, 0.015,
      1.5, 0.5, 0.5, 1.0);

  @Test
  void naturalFlowScalesWithTheLevelToItsElasticity() {
    assertThat(R.flowScale(0.8)).isCloseTo(1.0, within(1e-15));
    assertThat(R.flowScale(3.2)).isCloseTo(8.0, within(1e-12)); // 4^1.5
    assertThat(R.flowScale(0.2)).isCloseTo(0.125, within(1e-15)); // (1/4)^1.5
  }

  @Test
  void flowTurnsOneSidedAboveTheLongRunLevelUpToNinetyPercent() {
    assertThat(R.flowImbalance(0.8)).isZero();
    assertThat(R.flowImbalance(0.4)).isZero(); // below the long-run level the flow is balanced
    assertThat(R.flowImbalance(1.2)).isCloseTo(0.25, within(1e-15)); // 0.5 * (1.5 - 1)
    assertThat(R.flowImbalance(8.0)).isEqualTo(0.9); // 0.5 * 9 = 4.5, capped
  }

  @Test
  void poolsThinAboveTheLongRunLevelAndNeverDeepenBelowIt() {
    assertThat(R.ammDepthShare(3.2)).isCloseTo(0.5, within(1e-15)); // (1/4)^0.5
    assertThat(R.ammDepthShare(0.2)).isEqualTo(1.0);
    assertThat(R.ammDepthShare(0.8)).isEqualTo(1.0);
  }

  @Test
  void theDynamicFeeScalesTheScheduleRoundedUpAndCapped() {
    assertThat(R.ammFeeMultiplier(1.6)).isCloseTo(2.0, within(1e-15));
    assertThat(R.ammFeeMultiplier(0.4)).isEqualTo(1.0); // never below the schedule
    FeeSchedule base = new FeeSchedule.Flat(3_000);
    // the level read at the swap: 1.2 / 0.8 = 1.5 times 3,000 pips
    FeeSchedule scaled = R.ammFees(base, t -> 1.2);
    assertThat(scaled.feePips(NOW)).isEqualTo(4_500);
    // 3,000 * 1.0001 = 3,000.3 rounds up to 3,001 (in the pool's favour)
    assertThat(R.ammFees(base, t -> 0.8 * 1.0001).feePips(NOW)).isEqualTo(3_001);
    // 3,000 * 50 = 150,000 pips is above the 10% cap
    assertThat(R.ammFees(base, t -> 40.0).feePips(NOW)).isEqualTo(FeeSchedule.MAX_FEE_PIPS);
    // with the rule off the schedule is the pool's own
    assertThat(R.withAmmVolRule(0.5, 0).ammFees(base, t -> 1.2)).isSameAs(base);
  }

  @Test
  void aScaledFeeRefusesAMultiplierBelowOne() {
    FeeSchedule bad = new FeeSchedule.Scaled(new FeeSchedule.Flat(3_000), t -> 0.5);
    assertThatThrownBy(() -> bad.feePips(NOW)).isInstanceOf(MarketException.class).hasMessageContaining("fee-multiplier");
    FeeSchedule inf = new FeeSchedule.Scaled(new FeeSchedule.Flat(3_000), t -> Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> inf.feePips(NOW)).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> new FeeSchedule.Scaled(null, t -> 1)).isInstanceOf(MarketException.class);
  }

  @Test
  void theMakersResponseCarriesTheReactionsConstants() {
    var m = R.makerResponse();
    assertThat(m.refVol()).isEqualTo(0.8);
    assertThat(m.volOfVolWeight()).isEqualTo(0.5);
    assertThat(m.ivHalfSpreadAtOneDay()).isEqualTo(0.061);
    assertThat(m.tickEth()).isEqualTo(0.00005);
    assertThat(m.capacityCut()).isEqualTo(1.0);
    var s = R.surface(1.0);
    assertThat(s.atm30()).isEqualTo(1.0);
    assertThat(s.longRun()).isEqualTo(0.8);
    assertThat(R.withMakerVolErrorSd(0.05).makerVolErrorSd()).isEqualTo(0.05);
    assertThat(R.withMakerVolErrorSd(0.05).withMakerVolErrorSd(0.015)).isEqualTo(R);
  }
}
