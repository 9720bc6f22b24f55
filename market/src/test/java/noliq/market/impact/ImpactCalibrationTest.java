package noliq.market.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import noliq.math.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImpactCalibrationTest {
  static final Instant T0 = Instant.parse("2021-05-19T12:00:00Z");

  @ParameterizedTest
  @EnumSource(ImpactCurve.Shape.class)
  void everyCurveReproducesMakersThirtyFiveMillionAtFourPercent(ImpactCurve.Shape shape) {
    ImpactCurve curve = ImpactCalibration.DEFAULT.curve(shape);
    assertThat(curve.slippage(35_000_000)).isCloseTo(0.040, within(1e-12));
    // Through a fresh market, selling it at once gives the same figure.
    var sale = new ForcedSaleMarket(curve, Duration.ofMinutes(30)).sell(35_000_000 / 2_000.0, 2_000, T0);
    assertThat(sale.slippage(2_000)).isCloseTo(0.040, within(1e-12));
    assertThat(sale.proceedsUsd()).isCloseTo(33_600_000, within(1e-4));
  }

  @Test
  void curveConstantsFollowFromTheCalibrationPoint() {
    assertThat(ImpactCalibration.DEFAULT.curve(ImpactCurve.Shape.CONSTANT_PRODUCT))
        .isEqualTo(new ImpactCurve.ConstantProduct(840_000_000.0));
    var sqrt = (ImpactCurve.SquareRoot) ImpactCalibration.DEFAULT.curve(ImpactCurve.Shape.SQUARE_ROOT);
    assertThat(sqrt.coefficient()).isCloseTo(0.04 / Math.sqrt(35e6), within(1e-18));
    // The square-root law: four times the size, twice the cost.
    assertThat(sqrt.slippage(140_000_000)).isCloseTo(0.08, within(1e-12));
    assertThat(sqrt.impact(35_000_000)).isCloseTo(0.06, within(1e-12));
  }

  @Test
  void oecdElasticityGivesItsRangePerOnePercentMoreLiquidatedDebt() {
    var cal = ImpactCalibration.DEFAULT;
    double low = new VolatilityResponse(cal.volElasticityLow()).multiplier(101, 100);
    double high = new VolatilityResponse(cal.volElasticityHigh()).multiplier(101, 100);
    assertThat(Math.log(low) / Math.log(1.01)).isCloseTo(0.017, within(1e-12));
    assertThat(Math.log(high) / Math.log(1.01)).isCloseTo(0.024, within(1e-12));
    assertThat((low - 1) * 100).isCloseTo(0.017, within(0.0005));
    assertThat((high - 1) * 100).isCloseTo(0.024, within(0.0005));
    assertThat(cal.volElasticity()).isCloseTo(0.0205, within(1e-15));
  }

  @ParameterizedTest
  @EnumSource(ImpactCurve.Shape.class)
  void splittingASaleAtOneMomentCostsTheSameAndThePriceRecoversWithTheHalfLife(ImpactCurve.Shape shape) {
    ImpactCurve curve = ImpactCalibration.DEFAULT.curve(shape);
    var whole = new ForcedSaleMarket(curve, Duration.ofMinutes(30));
    var split = new ForcedSaleMarket(curve, Duration.ofMinutes(30));
    double once = whole.sell(10_000, 3_000, T0).proceedsUsd();
    double twice = split.sell(4_000, 3_000, T0).proceedsUsd() + split.sell(6_000, 3_000, T0).proceedsUsd();
    assertThat(twice).isCloseTo(once, within(1e-6 * once));
    double d0 = whole.deviation(T0);
    assertThat(d0).isGreaterThan(0);
    assertThat(whole.deviation(T0.plus(Duration.ofMinutes(30)))).isCloseTo(d0 / 2, within(1e-15));
    assertThat(whole.price(3_000, T0.plus(Duration.ofMinutes(90)))).isCloseTo(3_000 * (1 - d0 / 8), within(1e-9));
    // A later sale starts from the depressed price: the cascade's feedback.
    var later = whole.sell(10_000, 3_000, T0.plus(Duration.ofMinutes(90)));
    assertThat(later.proceedsUsd()).isLessThan(once);
  }

  @Test
  void badInputIsRefused() {
    var m = ForcedSaleMarket.calibrated(ImpactCalibration.DEFAULT, ImpactCurve.Shape.SQUARE_ROOT);
    assertThatThrownBy(() -> m.sell(0, 3000, T0)).isInstanceOf(RuleViolation.class).hasMessage("eth: must be a positive finite number (was 0.0)");
    assertThatThrownBy(() -> m.sell(1, -1, T0)).isInstanceOf(RuleViolation.class).hasMessageStartingWith("exogenousPrice:");
    m.sell(1, 3000, T0);
    assertThatThrownBy(() -> m.price(3000, T0.minusSeconds(1))).isInstanceOf(RuleViolation.class).hasMessageStartingWith("now: must not go back");
    assertThatThrownBy(() -> new CalibrationPoint(35e6, 1.5, "x")).isInstanceOf(RuleViolation.class);
  }
}
