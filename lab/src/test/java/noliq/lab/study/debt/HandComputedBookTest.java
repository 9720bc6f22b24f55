package noliq.lab.study.debt;

import static noliq.lab.study.debt.DebtBookFixtures.NO_IMPACT;
import static noliq.lab.study.debt.DebtBookFixtures.ONE_BOT;
import static noliq.lab.study.debt.DebtBookFixtures.THREE;
import static noliq.lab.study.debt.DebtBookFixtures.hourly;
import static noliq.lab.study.debt.DebtBookFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import noliq.lab.scenarios.PricePath;
import org.junit.jupiter.api.Test;

/**
 * Every metric on a three-borrower book and a path (2,000 → 1,700 → 1,750) that crosses exactly
 * one liquidation price (1,818), without price impact, so each figure follows by hand from the
 * protocol's rules. The books accrue no interest here ({@link Interest#NONE}): the hand figures are
 * the liquidation rules' alone ({@code InterestAccrualBookTest} checks accrual).
 */
class HandComputedBookTest {
  private static final PricePath PATH = hourly(2000, 1700, 1750);

  @Test
  void aaveLiquidatesTheWholeDebtBelowHealth095AndPaysTheFivePercentBonus() {
    double[] m = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT).withInterest(Interest.NONE), PATH, 1);
    // debt = 10 ETH * 2000 * LT 0.83 / 1.1, in USDC's 6 decimals; health at 1700 is 0.935 < 0.95: close factor 100%.
    double debt0 = 15090.909090;
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(debt0, within(1e-6));
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    // The liquidator takes debt * 1.05 / 1700 ETH (its part and the treasury's 10% of the bonus): the penalty is 5%.
    assertThat(m[DebtMetrics.PENALTIES_USD]).isCloseTo(0.05 * debt0, within(1e-4));
    assertThat(m[DebtMetrics.BAD_DEBT_USD]).isZero();
    assertThat(m[DebtMetrics.INSOLVENT_USD]).isZero();
    assertThat(m[DebtMetrics.STABLE_LOSS_PCT]).isZero();
    assertThat(m[DebtMetrics.CASCADE_AMPLIFICATION]).isEqualTo(1.0);
    assertThat(m[DebtMetrics.MIN_PRICE_USD]).isEqualTo(1700);
    // P&L at the close (1,750): borrower 0 keeps 10 - 1.05 debt / 1700 ETH and no debt; the others keep everything.
    double[] debts = {debt0, 11066.666666, 8300.0};
    double seized = debt0 * 1.05 / 1700;
    double pnl = 0;
    int ruined = 0;
    for (int i = 0; i < 3; i++) {
      double e0 = 20000 - debts[i];
      double e1 = i == 0 ? (10 - seized) * 1750 : 17500 - debts[i];
      pnl += (e1 - e0) / e0;
      ruined += (e1 - e0) / e0 <= -0.5 ? 1 : 0;
    }
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(100 * pnl / 3, within(1e-6));
    assertThat(m[DebtMetrics.BORROWER_RUINED_PCT]).isCloseTo(100.0 * ruined / 3, within(1e-9));
    assertThat(m[DebtMetrics.BORROWER_RUIN]).isZero();
  }

  @Test
  void aaveLiquidatesHalfTheDebtBetweenHealth095And1AndTheLiquidatorKeepsTheBonusLessTheTreasurysTenth() {
    double[] m = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT).withInterest(Interest.NONE), hourly(2000, 1800, 1750), 1);
    // health at 1,800: 10 × 1,800 × 0.83 / 15,090.909090 = 0.990, above 0.95 (and debt and collateral above
    // v3.3's $2,000): close factor 50%, 7,545.454545 USDC repaid
    double repaid = 15090.909090 / 2;
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(repaid, within(1e-6));
    // left: 10 - repaid × 1.05 / 1,800 = 5.5985 ETH against 7,545.45, health 1.108 at 1,800 and 1.078 at 1,750
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    assertThat(m[DebtMetrics.PENALTIES_USD]).isCloseTo(0.05 * repaid, within(1e-4));
    // the liquidator sells repaid × 1.045 / 1,800 ETH (the treasury keeps 10% of the 5% bonus) at 1,800
    assertThat(m[DebtMetrics.KEEPER_PNL_USD]).isCloseTo(0.045 * repaid, within(1e-4));
    assertThat(m[DebtMetrics.KEEPER_PNL_PCT_CAPITAL]).isCloseTo(100 * 0.045 * repaid / 1e9, within(1e-12));
    double book = 15090.909090 + 11066.666666 + 8300.0;
    assertThat(m[DebtMetrics.BOOK_DEBT_USD]).isCloseTo(book, within(1e-6));
    assertThat(m[DebtMetrics.LIQUIDATED_PCT_BOOK]).isCloseTo(100 * repaid / book, within(1e-6));
    assertThat(m[DebtMetrics.PENALTIES_PCT_BOOK]).isCloseTo(100 * 0.05 * repaid / book, within(1e-6));
    assertThat(m[DebtMetrics.INSOLVENT_PCT_BOOK]).isZero();
    // borrower 0 at the close: (10 - repaid × 1.05 / 1,800) × 1,750 - repaid, from 20,000 - 15,090.909090
    double e0 = 20000 - 15090.909090;
    double e1 = (10 - repaid * 1.05 / 1800) * 1750 - repaid;
    double pnl = (e1 - e0) / e0 + (17500 - 11066.666666 - (20000 - 11066.666666)) / (20000 - 11066.666666)
        + (17500 - 8300.0 - (20000 - 8300.0)) / (20000 - 8300.0);
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(100 * pnl / 3, within(1e-6));
  }

  @Test
  void forcedSalesAreReportedAsAShareOfTheDaysEthVolumeScaledByTheMarketMultiple() {
    // 100 ETH traded per hourly step; the path covers 2 hours of its one UTC day, so the day is 2,400 ETH
    PricePath withVolume = PATH.withVolume(new double[] {0, 100, 100});
    double debt0 = 15090.909090;
    // the liquidator sells what it received: debt x 1.05 / 1700 less the treasury's 10% of the 5% bonus
    double sold = debt0 * 1.045 / 1700;
    double[] m = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT), withVolume, 1);
    assertThat(m[DebtMetrics.FORCED_PCT_DAY_VOLUME_MAX]).isCloseTo(100 * sold / 2400, within(1e-5));
    assertThat(m[DebtMetrics.FORCED_PCT_DAY_VOLUME_MEAN]).isCloseTo(100 * sold / 2400, within(1e-5));
    assertThat(m[DebtMetrics.FORCED_DAYS]).isEqualTo(1);
    // the whole market trading 4 times Binance's volume: a quarter of the share
    Cascade market4 = new Cascade(false, NO_IMPACT.calibration(), NO_IMPACT.shape(), NO_IMPACT.feed(), NO_IMPACT.maxRounds(), 4);
    double[] m4 = run(new AaveBook(THREE, ONE_BOT, market4), withVolume, 1);
    assertThat(m4[DebtMetrics.FORCED_PCT_DAY_VOLUME_MAX]).isCloseTo(100 * sold / 9600, within(1e-5));
    // no forced sale: a max of 0, and no mean (absent, never 0)
    double[] calm = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT), hourly(2000, 1900, 1950).withVolume(new double[] {0, 100, 100}), 1);
    assertThat(calm[DebtMetrics.FORCED_PCT_DAY_VOLUME_MAX]).isZero();
    assertThat(calm[DebtMetrics.FORCED_PCT_DAY_VOLUME_MEAN]).isNaN();
    // a path without a volume state has no share at all
    assertThat(run(new AaveBook(THREE, ONE_BOT, NO_IMPACT), PATH, 1)[DebtMetrics.FORCED_PCT_DAY_VOLUME_MAX]).isNaN();
  }

  @Test
  void makerBarksTheVaultAndAKeeperTakesWhenTheAuctionPriceCrossesTheMarket() {
    double[] m = run(new MakerBook(THREE, ONE_BOT, NO_IMPACT).withInterest(Interest.NONE), PATH, 1);
    // debt = 10 ETH * 2000 / (mat 1.3 * 1.1) = 13,986 is under ETH-B's 30,000 dust: the vault is raised to
    // 1.1 x dust = 33,000 at the same health (23.6 ETH); the Dog seizes it all.
    double due = 33_000;
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(due, within(1e-9));
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    // The auction starts at 1.2 * 1700 = 2040 and falls 1% a minute; the keeper (no gas, no impact) takes
    // when it is at or below 1700: after ceil(ln(1700/2040)/ln(0.99)) = 19 cuts, all of tab = 1.13 * due.
    double price = 2040 * Math.pow(0.99, 19);
    double sold = 1.13 * due / price;
    assertThat(m[DebtMetrics.PENALTIES_USD]).isCloseTo(sold * 1700 - due, within(1e-6));
    assertThat(m[DebtMetrics.BAD_DEBT_USD]).isZero();
    assertThat(m[DebtMetrics.INSOLVENT_USD]).isZero();
    assertThat(m[DebtMetrics.MIN_PRICE_USD]).isEqualTo(1700);
  }

  /** Two five-minute points: a vault barked on the last step is still at auction when the path ends. */
  private static PricePath fiveMinutes(double before, double after) {
    return PricePath.generated("test", DebtBookFixtures.START, java.time.Duration.ofMinutes(5), new double[] {before, after});
  }

  @Test
  void aMakerAuctionStillRunningAtThePathsEndIsSettledAtTheEndPrice() {
    double[] m = run(new MakerBook(THREE, ONE_BOT, NO_IMPACT).withInterest(Interest.NONE), fiveMinutes(2000, 1700), 1);
    // the vault of health 1.1 (raised to 1.1 × dust: 33,000 DAI on 33,000 × 1.3 × 1.1 / 2,000 = 23.595 ETH) is barked
    // 24 s in (the feed's 12 s and the keeper's 12 s); the auction starts at 1.2 × 1,700 = 2,040 and needs 19 one-minute
    // cuts to reach 1,700: past the step's end. At the end the lot pays the tab (1.13 × 33,000 = 37,290) at 1,700:
    // 21.935 ETH, and the owner gets the rest back, 23.595 - 37,290 / 1,700 = 1.6597 ETH
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(33_000, within(1e-9));
    assertThat(m[DebtMetrics.BAD_DEBT_USD]).isZero();
    // the keeper who barked earned tip + chip × tab = 300 + 0.001 × 37,290 (no gas)
    assertThat(m[DebtMetrics.KEEPER_PNL_USD]).isCloseTo(300 + 37.29, within(1e-6));
    // equity at 2,000 and at 1,700: the two vaults not barked (health 1.5 and 2.0, raised to 33,000 DAI on 32.175
    // and 42.9 ETH) keep their collateral; the barked one ends with its 1.6597 ETH back
    double returned = 23.595 - 37_290 / 1700.0;
    double[] ink = {23.595, 32.175, 42.9};
    double pnl = (returned * 1700 - (ink[0] * 2000 - 33_000)) / (ink[0] * 2000 - 33_000);
    for (int i = 1; i < 3; i++) {
      pnl += (ink[i] * 1700 - ink[i] * 2000) / (ink[i] * 2000 - 33_000);
    }
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(100 * pnl / 3, within(1e-6));
    assertThat(m[DebtMetrics.BORROWER_RUINED_PCT]).isCloseTo(100.0 / 3, within(1e-9)); // the barked vault lost 80%
  }

  @Test
  void aMakerAuctionWhoseLotCannotCoverItsDebtAtTheEndLeavesBadDebt() {
    Borrowers one = Borrowers.listed(new Population.Draw(10, 1.1));
    double[] m = run(new MakerBook(one, ONE_BOT, NO_IMPACT).withInterest(Interest.NONE), fiveMinutes(2000, 1300), 1);
    // 23.595 ETH at 1,300 is 30,673.5 against 33,000 due: 2,326.5 short, and nothing goes back to the owner
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    assertThat(m[DebtMetrics.BAD_DEBT_USD]).isCloseTo(33_000 - 23.595 * 1300, within(1e-6));
    assertThat(m[DebtMetrics.INSOLVENT_USD]).isCloseTo(33_000 - 23.595 * 1300, within(1e-6));
    assertThat(m[DebtMetrics.STABLE_LOSS_PCT]).isCloseTo(100 * (33_000 - 23.595 * 1300) / 33_000, within(1e-6));
    // the owner's equity went from 23.595 × 2,000 - 33,000 = 14,190 to nothing: ruined
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(-100, within(1e-6));
    assertThat(m[DebtMetrics.BORROWER_RUIN]).isEqualTo(1);
  }

  @Test
  void liquityOffsetsTheTroveAgainstTheStabilityPool() {
    double[] m = run(new LiquityBook(THREE, ONE_BOT, NO_IMPACT, 0.5).withInterest(Interest.NONE), PATH, 1);
    // debt = 10 ETH * 2000 / (MCR 1.1 * 1.1); ICR at 1700 is 1.03 < 1.1.
    double debt = 10 * 2000 / (1.1 * 1.1);
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(debt, within(1e-9));
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    // v2: 0.5% of the collateral to the liquidator; the pool's share is capped at debt * 1.05 / 1700 = 10.21 ETH,
    // more than the 9.95 left, so the owner gets no surplus and loses all 10 ETH.
    assertThat(m[DebtMetrics.PENALTIES_USD]).isCloseTo(10 * 1700 - debt, within(1e-6));
    assertThat(m[DebtMetrics.BAD_DEBT_USD]).isZero();
    assertThat(m[DebtMetrics.INSOLVENT_USD]).isZero();
  }

  @Test
  void aPathThatCrossesNoLiquidationPriceLiquidatesNothing() {
    PricePath calm = hourly(2000, 1900, 1850, 2100);
    for (DebtBook book : new DebtBook[] {new AaveBook(THREE, ONE_BOT, NO_IMPACT), new MakerBook(THREE, ONE_BOT, NO_IMPACT),
        new LiquityBook(THREE, ONE_BOT, NO_IMPACT, 0.5)}) {
      double[] m = run(book, calm, 3);
      assertThat(m[DebtMetrics.LIQUIDATIONS]).as(book.id()).isZero();
      assertThat(m[DebtMetrics.LIQUIDATED_USD]).as(book.id()).isZero();
      assertThat(m[DebtMetrics.PENALTIES_USD]).as(book.id()).isZero();
      // No liquidation: every borrower's equity moves with the price alone.
      assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).as(book.id()).isPositive();
    }
  }
}
