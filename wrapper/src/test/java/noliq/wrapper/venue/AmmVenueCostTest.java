package noliq.wrapper.venue;

import static noliq.wrapper.venue.HandWorkedMarket.T0;
import static noliq.wrapper.venue.HandWorkedMarket.TRADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;
import org.junit.jupiter.api.Test;

/**
 * The AMM route's output, fee, impact and the liquidity providers' side, worked by hand with Uniswap v2's
 * {@code getAmountOut} (out = in·γ·R_out / (R_in + in·γ), γ = 1 − 0.3%) on {@link HandWorkedMarket}.
 *
 * <p>Each pool is seeded at fair value with half of $7M a side at spot 2,000: 1,750 ETH against 3,500
 * old P (0.5 ETH each) or 4,375 new P (0.4 ETH each). The arbitrageur finds them at fair value and does
 * nothing before the first trade. After a trade it takes each pool back with the profit-maximising size
 * for a fee'd constant-product pool, in = (√(γ·R_in·R_out·p) − R_in) / γ with p the fair price of the
 * token it pays in units of the token it gets (Angeris et al., "An analysis of Uniswap markets", 2019).
 */
class AmmVenueCostTest {
  static final double TOKEN = 1e-9;

  final HandWorkedMarket m = new HandWorkedMarket();
  final AmmVenue venue = new AmmVenue(m.desk);

  TradeOutcome.Filled filled(TradeOutcome o) {
    assertThat(o).isInstanceOf(TradeOutcome.Filled.class);
    return (TradeOutcome.Filled) o;
  }

  /**
   * 10 old P → ETH → new P.
   * <pre>
   *   hop 1: 10 × 0.997 × 1750 / (3500 + 9.97) = 17447.5 / 3509.97 = 4.970840206611 ETH
   *   hop 2: 4.970840206611 × 0.997 × 4375 / (1750 + 4.955927686) = 12.354830844557 new P
   *   fees: 10 × 0.5 × 0.3% + 4.970840206611 × 0.3% = 0.015 + 0.014912520620 = 0.029912520620 ETH
   *   given at fair 10 × 0.5 = 5; received 12.354830844557 × 0.4 = 4.941932337823; execution 0.058067662177
   *   impact = execution − fees = 0.028155141557
   * </pre>
   * The liquidity providers, after the arbitrageur's two corrections (it buys 4.723178043534 old P for
   * 2.358411185466 ETH, and sells 5.823431936594 new P for 2.332472785858 ETH):
   * <pre>
   *   fees (0.029912520620 + 2.358411185466 × 0.3% + 5.823431936594 × 0.4 × 0.3%) × 2000 = $87.951745
   *   held − pooled: old (3500 × 0.5 + 1750) − (3505.276821956 × 0.5 + 1747.387570979) and
   *   new (4375 × 0.4 + 1750) − (4368.468601092 × 0.4 + 1752.638367421), × 2000 = −$103.579629
   *   (the pools gained the trader's fee and impact, less what the arbitrageur took back)
   *   loss to arbitrage: the corrections reverse the trade's own impact, so none (0)
   * </pre>
   */
  @Test
  void aTwoHopRollPaysTheHandComputedFeeAndImpact() {
    m.traderHoldsOldP(10);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, Duration.ZERO)));
    assertThat(f.given()).isEqualTo(Amount.of(10));
    assertThat(f.received().toDouble()).isCloseTo(12.354830844557, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0);
    assertThat(f.fairGiven().toDouble()).isCloseTo(10_000, within(1e-6));
    assertThat(f.fairReceived().toDouble()).isCloseTo(12.354830844557 * 800, within(1e-6));
    assertThat(m.book.balanceOf(TRADER, m.newP).toDouble()).isCloseTo(12.354830844557, within(TOKEN));
    assertThat(m.book.balanceOf(TRADER, m.oldP)).isEqualTo(Amount.ZERO);

    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(5, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(4.941932337823, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.058067662177, within(TOKEN));
    assertThat(c.feeEth()).isCloseTo(0.029912520620, within(TOKEN));
    assertThat(c.impactEth()).isCloseTo(0.028155141557, within(TOKEN));
    assertThat(c.unfilledShare()).isZero();
    assertThat(c.decidedAt()).isEqualTo(T0);
    assertThat(c.lastFillAt()).isEqualTo(T0);

    AmmVenue.LpReport lp = venue.lpReport(T0);
    assertThat(lp.feesUsd()).isCloseTo(87.951745, within(1e-5));
    assertThat(lp.lvrUsd()).isCloseTo(0, within(1e-9));
    assertThat(lp.lossVersusHoldingUsd()).isCloseTo(-103.579629, within(1e-5));
    assertThat(lp.depositsUsd()).isCloseTo(14_000_000, within(1e-3));
    // the arbitrageurs' float: $7M of ETH and as much of each of the two pools' legs
    assertThat(lp.arbitrageurFloatUsd()).isCloseTo(21_000_000, within(1e-3));
    // both pools are back at fair value within the fee band: 0.4985 = 0.5 × 0.997 and 0.4012 = 0.4 / 0.997
    assertThat(priceOf(m.oldP)).isCloseTo(0.498502018452, within(1e-9));
    assertThat(priceOf(m.newP)).isCloseTo(0.401202006347, within(1e-9));
    m.assertSuppliesWhole();
  }

  double priceOf(Token t) {
    var pool = venue.pool(t).orElseThrow();
    return pool.reserve(Token.ETH).toDouble() / pool.reserve(t).toDouble();
  }

  /**
   * After the roll above, spot moves to 2,500: old P is worth 0.4 ETH and new P 0.32. The arbitrageur
   * sells each pool the P it now holds too little of:
   * <pre>
   *   old pool: in = (√(0.997 × 3505.276821956 × 1747.387570979 / 0.4) − 3505.276821956) / 0.997 = 403.202266 P,
   *       out 179.776947 ETH
   *   new pool: in = 517.169516 P, out 185.027821 ETH
   *   loss to arbitrage ((179.776947 − 403.202266 × 0.4) + (185.027821 − 517.169516 × 0.32)) × 2500 = $95,074.04
   *   fees (403.202266 × 0.4 + 517.169516 × 0.32) × 0.3% × 2500 = $2,450.81, on top of $87.95
   *   held − pooled at 2,500, after: $94,957.49
   * </pre>
   */
  @Test
  void aMoveOfSpotCostsTheProvidersTheHandComputedLossToArbitrage() {
    m.traderHoldsOldP(10);
    venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, Duration.ZERO));
    Instant later = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(later) ? 2000.0 : 2500.0;
    venue.rebalance(later);
    AmmVenue.LpReport lp = venue.lpReport(later);
    assertThat(lp.lvrUsd()).isCloseTo(95_074.039867, within(1e-3));
    assertThat(lp.feesUsd()).isCloseTo(87.951745 + 2_450.813637, within(1e-3));
    assertThat(lp.lossVersusHoldingUsd()).isCloseTo(94_957.491038, within(1e-3));
    assertThat(priceOf(m.oldP)).isLessThan(0.4 / 0.997 + 1e-9).isGreaterThan(0.4);
    // a second look finds both pools inside the fee band: nothing more to take
    venue.rebalance(later);
    assertThat(venue.lpReport(later).lvrUsd()).isCloseTo(95_074.039867, within(1e-3));
    m.assertSuppliesWhole();
  }

  /**
   * After the same roll, spot falls to 1,600: old P is worth 0.625 ETH and new P 0.5, so the arbitrageur
   * buys each pool's P with ETH, in = (√(γ·R_P·R_ETH·p) − R_ETH) / γ:
   * <pre>
   *   old pool (3505.276821956 P, 1747.387570979 ETH, p 0.625): 206.867773 ETH in, 370.055573 P out
   *   new pool (4368.468601092 P, 1752.638367421 ETH, p 0.5):   201.601079 ETH in, 449.442235 P out
   *   loss to arbitrage ((370.055573 × 0.625 − 206.867773) + (449.442235 × 0.5 − 201.601079)) × 1600 = $76,059.20
   *   fees (206.867773 + 201.601079) × 0.3% × 1600 = $1,960.65
   * </pre>
   */
  @Test
  void aFallOfSpotCostsTheProvidersTheHandComputedLossToArbitrage() {
    m.traderHoldsOldP(10);
    venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, Duration.ZERO));
    Instant later = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(later) ? 2000.0 : 1600.0;
    venue.rebalance(later);
    AmmVenue.LpReport lp = venue.lpReport(later);
    assertThat(lp.lvrUsd()).isCloseTo(76_059.197519, within(1e-3));
    assertThat(lp.feesUsd()).isCloseTo(87.951745 + 1_960.650491, within(1e-3));
  }

  /**
   * 2 ETH → new P, one hop: 2 × 0.997 × 4375 / (1750 + 1.994) = 4.979326413218 new P; fee 2 × 0.3% = 0.006;
   * execution 2 − 4.979326413218 × 0.4 = 0.008269434713; impact 0.002269434713.
   */
  @Test
  void ethForNewPIsOneHop() {
    m.ledger.deposit(TRADER, Amount.of(2));
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.AMM_SWAP, Duration.ZERO)));
    assertThat(f.received().toDouble()).isCloseTo(4.979326413218, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(2, within(TOKEN));
    assertThat(c.feeEth()).isCloseTo(0.006, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.008269434713, within(TOKEN));
    assertThat(c.impactEth()).isCloseTo(0.002269434713, within(TOKEN));
    assertThat(venue.pool(m.oldP)).isEmpty();
  }

  /**
   * The arbitrageur holds as much as the pool, $7M of each side: 3,500 ETH and 8,750 new P (0.4 ETH each).
   * After 2 ETH went in, the pool's price 1752 / 4370.020673587 = 0.400913 is inside the fee band
   * [0.4 × 0.997, 0.4 / 0.997] = [0.3988, 0.401204]: it does not trade, so it holds exactly that.
   */
  @Test
  void theArbitrageurHoldsAsMuchAsThePool() {
    m.ledger.deposit(TRADER, Amount.of(2));
    venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.AMM_SWAP, Duration.ZERO));
    assertThat(m.book.balanceOf(AmmVenue.ARBITRAGEUR, Token.ETH).toDouble()).isCloseTo(3_500, within(TOKEN));
    assertThat(m.book.balanceOf(AmmVenue.ARBITRAGEUR, m.newP).toDouble()).isCloseTo(8_750, within(1e-6));
    assertThat(m.book.balanceOf(AmmVenue.LIQUIDITY_PROVIDER, m.newP)).isEqualTo(Amount.ZERO);
  }

  /**
   * A second roll an hour later, after spot moved to 2,500 with no rebalancing in between: the arbitrageur
   * corrects each pool before the trader's swap through it, by the same trades as in the rebalancing case
   * above, so the providers' loss to arbitrage is the same $95,074.04 (the corrections after the swap
   * reverse the trader's own impact and are not counted).
   */
  @Test
  void theCorrectionsBeforeATradeAreTheProvidersLossToArbitrage() {
    m.traderHoldsOldP(20);
    venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, Duration.ZERO));
    Instant later = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(later) ? 2000.0 : 2500.0;
    venue.trade(new TradeRequest(TRADER, m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, later, later));
    assertThat(venue.lpReport(later).lvrUsd()).isCloseTo(95_074.039867, within(1e-3));
  }

  /**
   * With the vol rules on ({@link HandWorkedMarket#REACTING}: the 20% level is twice the long-run 10%),
   * the fee doubles to 0.6% and the providers commit half the depth, min(1, 0.1 / 0.2) = 0.5: 875 ETH
   * against 2,187.5 new P. 2 ETH buy 2 × 0.994 × 2187.5 / (875 + 1.988) = 4.958733756904 new P; fee
   * 0.012 ETH; execution 2 − 4.958733756904 × 0.4 = 0.016506497238.
   */
  @Test
  void theVolRulesDoubleTheFeeAndHalveTheDepth() {
    HandWorkedMarket reacting = new HandWorkedMarket(HandWorkedMarket.assumptions(HandWorkedMarket.REACTING, 1_000_000));
    AmmVenue v = new AmmVenue(reacting.desk);
    reacting.ledger.deposit(TRADER, Amount.of(2));
    var f = filled(v.trade(reacting.request(Token.ETH, Amount.of(2), reacting.newP, Mechanism.AMM_SWAP, Duration.ZERO)));
    assertThat(f.received().toDouble()).isCloseTo(4.958733756904, within(TOKEN));
    assertThat(v.lastExecution().orElseThrow().feeEth()).isCloseTo(0.012, within(TOKEN));
    assertThat(v.lastExecution().orElseThrow().executionEth()).isCloseTo(0.016506497238, within(TOKEN));
    assertThat(v.pool(reacting.newP).orElseThrow().reserve(reacting.newP).toDouble()).isCloseTo(2187.5 - 4.958733756904, within(1e-6));
  }

  /** 10 old P → ETH, one hop: 4.970840206611 ETH; fee 0.015; execution 5 − 4.970840206611 = 0.029159793389. */
  @Test
  void oldPForEthIsOneHop() {
    m.traderHoldsOldP(10);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(10), Token.ETH, Mechanism.AMM_SWAP, Duration.ZERO)));
    assertThat(f.received().toDouble()).isCloseTo(4.970840206611, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.receivedFairEth()).isCloseTo(4.970840206611, within(TOKEN));
    assertThat(c.feeEth()).isCloseTo(0.015, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.029159793389, within(TOKEN));
    assertThat(venue.pool(m.newP)).isEmpty();
  }

  /** At the old series' maturity its pool is halted (uniindex): the swap is refused and nothing moves, not even the pool's seeding. */
  @Test
  void aHaltedPoolRefusesAndNothingMoves() {
    m.traderHoldsOldP(10);
    Instant maturity = m.oldSeries.maturity();
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(new TradeRequest(TRADER, m.oldP, Amount.of(10), Token.ETH, Mechanism.AMM_SWAP, maturity, maturity));
    assertThat(o).isInstanceOf(TradeOutcome.Unfilled.class);
    assertThat(((TradeOutcome.Unfilled) o).reason()).startsWith("the pool refused the swap");
    assertThat(m.book.snapshot()).isEqualTo(before);
    assertThat(venue.pool(m.oldP)).isEmpty();
    assertThat(venue.lastExecution()).isEmpty();
    AmmVenue.LpReport lp = venue.lpReport(maturity);
    assertThat(lp.depositsUsd()).isZero();
    assertThat(lp.arbitrageurFloatUsd()).isZero();
    assertThat(lp.feesUsd()).isZero();
  }

  /** A pool past its halt is left alone by the arbitrageurs; the others are still corrected. */
  @Test
  void rebalancingSkipsAHaltedPool() {
    m.traderHoldsOldP(10);
    venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.AMM_SWAP, Duration.ZERO));
    Instant maturity = m.oldSeries.maturity();
    double oldPrice = priceOf(m.oldP);
    m.spot = t -> 2500.0;
    venue.rebalance(maturity);
    assertThat(priceOf(m.oldP)).isEqualTo(oldPrice);
    assertThat(priceOf(m.newP)).isCloseTo(0.32, within(0.32 * 0.0031));
  }
}
