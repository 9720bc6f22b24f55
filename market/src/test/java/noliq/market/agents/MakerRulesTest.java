package noliq.market.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import noliq.pricing.VolSurface;
import org.junit.jupiter.api.Test;

/**
 * The makers' stated rules, each expectation worked by hand from the rule's own statement in
 * {@link MakerParams} and {@link MakerResponse} (a linear inventory skew; a stress multiplier; a
 * capacity cut; an implied-vol half-spread falling as one over the square root of days).
 */
class MakerRulesTest {
  // 50 bps required with an empty book, 150 bps when full at $1M.
  static final MakerParams PARAMS = new MakerParams(0.7, 25, 50, 150, 1_000_000);

  @Test
  void theRequiredEdgeRisesLinearlyWithInventoryAndIsClampedToTheLimit() {
    assertThat(PARAMS.requiredEdgeBps(0)).isEqualTo(50.0);
    assertThat(PARAMS.requiredEdgeBps(250_000)).isEqualTo(75.0); // a quarter of the way from 50 to 150
    assertThat(PARAMS.requiredEdgeBps(1_000_000)).isEqualTo(150.0);
    assertThat(PARAMS.requiredEdgeBps(3_000_000)).isEqualTo(150.0); // beyond the limit: the full requirement
    assertThat(PARAMS.requiredEdgeBps(-10)).isEqualTo(50.0);
  }

  @Test
  void theInventoryHeldAtAnEdgeInvertsTheRequirement() {
    assertThat(PARAMS.inventoryAtEdgeUsd(49.999)).isZero(); // below the minimum edge it takes nothing
    assertThat(PARAMS.inventoryAtEdgeUsd(50)).isZero(); // at it, an empty book
    assertThat(PARAMS.inventoryAtEdgeUsd(75)).isEqualTo(250_000.0);
    assertThat(PARAMS.inventoryAtEdgeUsd(140)).isCloseTo(900_000.0, within(1e-6));
    assertThat(PARAMS.inventoryAtEdgeUsd(400)).isEqualTo(1_000_000.0);
    for (double used = 0; used <= 1_000_000; used += 125_000) {
      assertThat(PARAMS.inventoryAtEdgeUsd(PARAMS.requiredEdgeBps(used))).isCloseTo(used, within(1e-6));
    }
    // A flat requirement: any edge at or above it fills the whole limit.
    var flat = new MakerParams(0.7, 25, 80, 80, 500_000);
    assertThat(flat.inventoryAtEdgeUsd(80)).isEqualTo(500_000.0);
    assertThat(flat.inventoryAtEdgeUsd(79.9)).isZero();
  }

  @Test
  void stressScalesWithTheLevelAndTheVolOfVol() {
    var r = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 1.0);
    var surface = VolSurface.flat(1.5);
    // (1.5 / 0.75) * (1 + 0.5 * 2) = 2 * 2
    assertThat(r.stress(new MakerView(3000, surface, 2, 1, 0))).isCloseTo(4.0, within(1e-12));
    // no vol-of-vol: the level alone
    assertThat(r.stress(new MakerView(3000, surface, 0, 1, 0))).isCloseTo(2.0, within(1e-12));
    assertThat(r.reactive()).isTrue();
    assertThat(MakerResponse.NONE.reactive()).isFalse();
    assertThat(MakerResponse.NONE.stress(new MakerView(3000, surface, 2, 1, 0))).isEqualTo(1.0);
  }

  @Test
  void capacityFallsWithTheRealisedVolJumpOnly() {
    var r = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 1.0);
    var surface = VolSurface.flat(0.75);
    // 1 / (1 + 1 * (4 - 1))
    assertThat(r.capacityShare(new MakerView(3000, surface, 0, 4, 0))).isCloseTo(0.25, within(1e-15));
    assertThat(r.capacityShare(new MakerView(3000, surface, 0, 1, 0))).isEqualTo(1.0);
    // realised vol below its long-run level does not add capacity
    assertThat(r.capacityShare(new MakerView(3000, surface, 0, 0.5, 0))).isEqualTo(1.0);
    // twice the cut: 1 / (1 + 2 * 3)
    var harder = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 2.0);
    assertThat(harder.capacityShare(new MakerView(3000, surface, 0, 4, 0))).isCloseTo(1.0 / 7, within(1e-15));
  }

  @Test
  void theScreensHalfSpreadNarrowsAsOneOverRootDaysFromOneDay() {
    var r = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 1.0);
    assertThat(r.ivHalfSpread(1)).isEqualTo(0.06);
    assertThat(r.ivHalfSpread(4)).isCloseTo(0.03, within(1e-15));
    assertThat(r.ivHalfSpread(36)).isCloseTo(0.01, within(1e-15));
    assertThat(r.ivHalfSpread(0.25)).isEqualTo(0.06); // less than a day counts as one day
  }

  @Test
  void aReactiveMakersHalfSpreadIsStressTimesTickPlusVegaTimesTheScreensIvHalfSpread() {
    var r = new MakerResponse(0.75, 0.5, 0.06, 0.0001, 1.0);
    var mm = new MarketMaker(noliq.math.book.AccountId.of("m"), PARAMS, r, new noliq.math.book.TokenBook());
    var leg = SeriesLeg.p(new noliq.math.book.Token("P:2000"), 2000, 4);
    var view = new MakerView(3000, VolSurface.flat(1.5), 2, 1, 0);
    // vega by a one-point bump, from the pricer directly
    double v0 = noliq.pricing.InverseOptions.value(noliq.pricing.OptionInputs.of(3000, 2000, 4, 1.5)).pEth();
    double v1 = noliq.pricing.InverseOptions.value(noliq.pricing.OptionInputs.of(3000, 2000, 4, 1.51)).pEth();
    double vega = Math.abs(v1 - v0) / 0.01;
    double expected = 4.0 * (0.0001 + vega * 0.03);
    assertThat(mm.halfSpreadEth(leg, view)).isCloseTo(expected, within(1e-12 * expected + 1e-18));
    // the quotes sit that far either side of the fair value
    var q = mm.quoteEth(leg, view);
    assertThat(q[0].toDouble()).isCloseTo(v0 - expected, within(1e-15));
    assertThat(q[1].toDouble()).isCloseTo(v0 + expected, within(1e-15));
  }

  @Test
  void aMakersErrorScalesTheSurfaceItValuesWith() {
    var mm = new MarketMaker(noliq.math.book.AccountId.of("m"), PARAMS, new noliq.math.book.TokenBook());
    var leg = SeriesLeg.p(new noliq.math.book.Token("P:2000"), 2000, 7);
    var view = new MakerView(3000, VolSurface.flat(0.7), 0, 1, 0).withVolError(0.1);
    double atSeventySeven = noliq.pricing.InverseOptions.value(noliq.pricing.OptionInputs.of(3000, 2000, 7, 0.77)).pEth();
    assertThat(mm.fairEth(leg, view)).isCloseTo(atSeventySeven, within(1e-15));
  }

  @Test
  void reactiveIsExactlyNotEqualToNone() {
    double[] refVols = {1, 0.5, Math.nextUp(1.0), 10};
    double[] others = {0, -0.0, 1e-300, 0.25};
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    assertThat(MakerResponse.NONE.reactive()).isFalse();
    assertThat(new MakerResponse(1, 0, 0, 0, 0).reactive()).isFalse();
    for (int trial = 0; trial < 2_000; trial++) {
      MakerResponse r = new MakerResponse(refVols[rng.nextInt(refVols.length)], others[rng.nextInt(4)],
          others[rng.nextInt(4)], others[rng.nextInt(4)], others[rng.nextInt(4)]);
      assertThat(r.reactive()).as("%s", r).isEqualTo(!r.equals(MakerResponse.NONE));
    }
  }
}
