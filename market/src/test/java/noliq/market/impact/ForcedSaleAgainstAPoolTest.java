package noliq.market.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The constant-product impact curve checked against a constant-product pool simulated directly
 * (x · y = k, no fee): a pool of {@code D} dollars and {@code D / p} ETH, sold into and allowed to
 * recover, gives the sale's proceeds, average price and the price after.
 */
class ForcedSaleAgainstAPoolTest {
  static final Instant T0 = Instant.parse("2022-06-13T00:00:00Z");
  static final double DEPTH = 50_000_000;
  static final double SPOT = 2_000;

  /** Selling {@code eth} into a pool holding {@code usd} and {@code ethReserve}: {proceeds, price after}. */
  static double[] poolSale(double usd, double ethReserve, double eth) {
    double k = usd * ethReserve;
    double usdAfter = k / (ethReserve + eth);
    return new double[] {usd - usdAfter, usdAfter / (ethReserve + eth)};
  }

  @Test
  void aSaleIntoAFreshMarketIsASaleIntoTheUndisturbedPool() {
    var market = new ForcedSaleMarket(new ImpactCurve.ConstantProduct(DEPTH), Duration.ofMinutes(30));
    double eth = 5_000; // $10M into a $50M pool
    var sale = market.sell(eth, SPOT, T0);
    double[] pool = poolSale(DEPTH, DEPTH / SPOT, eth);
    assertThat(sale.eth()).isEqualTo(eth);
    assertThat(sale.at()).isEqualTo(T0);
    assertThat(sale.priceBefore()).isEqualTo(SPOT);
    assertThat(sale.proceedsUsd()).isCloseTo(pool[0], within(1e-6));
    assertThat(sale.averagePrice()).isCloseTo(pool[0] / eth, within(1e-9));
    assertThat(sale.priceAfter()).isCloseTo(pool[1], within(1e-9));
    // (D / (D + q))^2 = (5/6)^2 of the undisturbed price, and the market now quotes it
    assertThat(sale.priceAfter()).isCloseTo(SPOT * 25.0 / 36, within(1e-9));
    assertThat(market.price(SPOT, T0)).isCloseTo(pool[1], within(1e-9));
    assertThat(sale.slippage(SPOT)).isCloseTo(1 - pool[0] / (eth * SPOT), within(1e-12));
  }

  @Test
  void aSecondSaleAtTheSameMomentContinuesDownThePool() {
    var market = new ForcedSaleMarket(new ImpactCurve.ConstantProduct(DEPTH), Duration.ofMinutes(30));
    market.sell(5_000, SPOT, T0);
    var second = market.sell(2_500, SPOT, T0);
    // the pool after the first sale: usd D^2 / (D + q1), eth (D + q1) / p
    double q1 = 5_000 * SPOT;
    double usd = DEPTH * DEPTH / (DEPTH + q1);
    double ethReserve = (DEPTH + q1) / SPOT;
    double[] pool = poolSale(usd, ethReserve, 2_500);
    assertThat(second.priceBefore()).isCloseTo(usd / ethReserve, within(1e-9));
    assertThat(second.proceedsUsd()).isCloseTo(pool[0], within(1e-6));
    assertThat(second.priceAfter()).isCloseTo(pool[1], within(1e-9));
  }

  @Test
  void theDeviationHalvesEveryHalfLifeAndTheExogenousPriceCarriesIt() {
    var market = new ForcedSaleMarket(new ImpactCurve.ConstantProduct(DEPTH), Duration.ofMinutes(20));
    market.sell(5_000, SPOT, T0);
    double d0 = 1 - 25.0 / 36;
    assertThat(market.deviation(T0)).isCloseTo(d0, within(1e-12));
    assertThat(market.deviation(T0.plus(Duration.ofMinutes(10)))).isCloseTo(d0 / Math.sqrt(2), within(1e-12));
    assertThat(market.deviation(T0.plus(Duration.ofMinutes(60)))).isCloseTo(d0 / 8, within(1e-12));
    // the exogenous price moved to 1,800 meanwhile: the market sits the same fraction below it
    assertThat(market.price(1_800, T0.plus(Duration.ofMinutes(60)))).isCloseTo(1_800 * (1 - d0 / 8), within(1e-9));
  }

  @Test
  void theSquareRootLawCapsItsImpactBelowAHundredPercent() {
    var curve = new ImpactCurve.SquareRoot(1e-4);
    // 1.5 * 1e-4 * sqrt(1e6) = 0.15; volumeAt inverts it
    assertThat(curve.impact(1e6)).isCloseTo(0.15, within(1e-15));
    assertThat(curve.volumeAt(0.15)).isCloseTo(1e6, within(1e-6));
    assertThat(curve.impact(-5)).isZero();
    assertThat(curve.volumeAt(-0.1)).isZero();
    // a sale so large that the law would pass 100%: capped at 99.9%, the price never reaches zero
    assertThat(curve.impact(1e12)).isEqualTo(ImpactCurve.MAX_IMPACT);
    assertThat(curve.shortfall(1e12)).isCloseTo(0.999 * 1e12, within(1.0));
    assertThat(curve.slippage(0)).isZero();
    assertThat(curve.shortfall(0)).isZero();
    var pool = new ImpactCurve.ConstantProduct(100);
    assertThat(pool.volumeAt(0.75)).isCloseTo(100, within(1e-9)); // (100 / 200)^2 = 1 - 0.75
    assertThat(pool.volumeAt(2)).isCloseTo(100 / Math.sqrt(0.001) - 100, within(1e-6));
    assertThat(pool.impact(-1)).isZero();
    assertThat(pool.shortfall(-1)).isZero();
  }

  @Test
  void noLiquidationMeansNoVolatilityResponse() {
    var response = new VolatilityResponse(0.02);
    assertThat(response.multiplier(200, 100)).isCloseTo(Math.pow(2, 0.02), within(1e-15));
    assertThat(response.multiplier(100, 100)).isEqualTo(1.0);
    assertThat(response.multiplier(0, 100)).isZero();
  }
}
