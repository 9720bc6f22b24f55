package noliq.lab.study.debt;

import static noliq.lab.study.debt.DebtBookFixtures.NO_IMPACT;
import static noliq.lab.study.debt.DebtBookFixtures.ONE_BOT;
import static noliq.lab.study.debt.DebtBookFixtures.THREE;
import static noliq.lab.study.debt.DebtBookFixtures.crash;
import static noliq.lab.study.debt.DebtBookFixtures.hourly;
import static noliq.lab.study.debt.DebtBookFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Borrowers who act for themselves, on one Aave borrower (10 ETH at health 1.5 at $2,000: 11,066.666666
 * USDC of debt at LT 0.83, liquidatable below 1,333.33), worked by hand: a top-up or a repayment back to
 * the opening health after the health has stayed under the personal threshold (1.2 here) for the delay,
 * and a liquidated borrower who opens a fresh position. Then keepers' gas against Maker's incentive, and
 * the books' figures at a population's weight.
 */
class ReactingBorrowersBookTest {
  private static final Borrowers ONE = Borrowers.listed(new Population.Draw(10, 1.5));
  private static final double DEBT = 11066.666666;
  private static final double E0 = 10 * 2000 - DEBT;

  private static Behaviour reacting(double repayShare, Duration delay) {
    return new Behaviour(1, repayShare, 1.2, 1.2, delay, 0);
  }

  private static double[] aave(Borrowers b, Behaviour behaviour, double... prices) {
    return run(new AaveBook(b, ONE_BOT, NO_IMPACT, behaviour, Interest.NONE), hourly(prices), 1);
  }

  @Test
  void aBorrowerWhoTopsUpAfterTheDelayIsNotLiquidatedByTheNextFall() {
    // at 1,550 the health is 1,550 / 1,333.33 = 1.1625 < 1.2 from hour 1; the delay of 2 h runs out at hour 3, when
    // it adds 10 × (2,000 / 1,550 - 1) = 2.9032 ETH ($4,500 at 1,550): back to health 1.5, liquidatable below
    // 11,066.67 / (12.9032 × 0.83) = 1,033.33, so the fall to 1,300 at hour 4 liquidates nothing
    double topUp = 10 * (2000 / 1550.0 - 1);
    double[] m = aave(ONE, reacting(0, Duration.ofHours(2)), 2000, 1550, 1550, 1550, 1300);
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isZero();
    // equity at the end less what it put in: (10 + 2.9032) × 1,300 - 11,066.67 - 4,500
    double e1 = (10 + topUp) * 1300 - DEBT - topUp * 1550;
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(100 * (e1 - E0) / E0, within(1e-6));
    // a passive borrower is liquidated at 1,300 (health 0.975: half the debt)
    double[] passive = aave(ONE, Behaviour.PASSIVE, 2000, 1550, 1550, 1550, 1300);
    assertThat(passive[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
    // a delay of 3 h runs out only at hour 4, after that hour's liquidation
    double[] late = aave(ONE, reacting(0, Duration.ofHours(3)), 2000, 1550, 1550, 1550, 1300);
    assertThat(late[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
  }

  @Test
  void aBorrowerWhoRepaysBringsItsDebtBackToTheOpeningHealth() {
    // repays debt × (1 - 1,550 / (1,333.33 × 1.5)) = 11,066.67 × 0.225 = 2,490 (2,489.999999 in USDC's 6 decimals):
    // 8,576.67 left on 10 ETH, liquidatable below 1,033.33
    double repaid = 2489.999999;
    double[] m = aave(ONE, reacting(1, Duration.ZERO), 2000, 1550, 1300);
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isZero();
    double e1 = 10 * 1300 - (DEBT - repaid) - repaid;
    assertThat(m[DebtMetrics.BORROWER_PNL_PCT]).isCloseTo(100 * (e1 - E0) / E0, within(1e-4));
    // above the threshold nobody acts: at 1,650 the health is 1.2375
    double[] calm = aave(ONE, reacting(1, Duration.ZERO), 2000, 1650, 1300);
    assertThat(calm[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
  }

  @Test
  void aLiquidatedBorrowerWhoReopensCanBeLiquidatedAgain() {
    Behaviour reopens = new Behaviour(0, 0, 1.01, 1.01, Duration.ofHours(1), 1);
    // borrower 0 (health 1.1, 15,090.909090 of debt) is liquidated in full at 1,700 at 1 h 24 s; it reopens an hour
    // later (at the 3 h step, 1,750) with $20,000 of collateral at health 1.1: 11.4286 ETH and 15,090.909090 of
    // debt again, next to the 10 - 15,090.909090 × 1.05 / 1,700 = 0.6791 ETH the liquidation left it. That
    // position is liquidatable below 15,090.91 / (12.1077 × 0.83) = 1,501.7: the fall to 1,500 liquidates it at
    // health 0.9989, half of it (close factor 50%)
    double[] m = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT, reopens, Interest.NONE), hourly(2000, 1700, 1750, 1750, 1500), 1);
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(2);
    assertThat(m[DebtMetrics.LIQUIDATED_USD]).isCloseTo(15090.909090 + 15090.909090 / 2, within(1e-5));
    double[] once = run(new AaveBook(THREE, ONE_BOT, NO_IMPACT, Behaviour.PASSIVE, Interest.NONE), hourly(2000, 1700, 1750, 1750, 1500), 1);
    assertThat(once[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
  }

  @Test
  void aKeeperBarksOnlyWhenTheIncentivePaysItsGas() {
    // ETH-B's incentive on the 33,000 DAI vault: tip 300 + chip 0.001 × 1.13 × 33,000 = 337.29 DAI. A million gas at
    // 200 gwei costs 0.2 ETH, $340 at 1,700: the keeper does not bark; at 190 gwei ($323) it does
    Liquidators costly = new Liquidators(1, 12, 12, 1e6, 200, 200, 1e9, 1e9);
    Liquidators cheaper = new Liquidators(1, 12, 12, 1e6, 190, 190, 1e9, 1e9);
    Borrowers one = Borrowers.listed(new Population.Draw(10, 1.1));
    assertThat(run(new MakerBook(one, costly, NO_IMPACT).withInterest(Interest.NONE), hourly(2000, 1700), 1)[DebtMetrics.LIQUIDATIONS])
        .isZero();
    double[] m = run(new MakerBook(one, cheaper, NO_IMPACT).withInterest(Interest.NONE), hourly(2000, 1700), 1);
    assertThat(m[DebtMetrics.LIQUIDATIONS]).isEqualTo(1);
  }

  @Test
  void everyFigureOfAWeightedBookIsTheRepresentativesTimesTheWeight() {
    // 20 representatives of a $10M book: each stands for about 15 real positions. The USD figures are scaled by
    // the weight and the shares of the book are not, so each USD figure is its share times the scaled book
    Population twenty = new Population(20, EthBCalibration.COMMITTED, 33_000, 10e6);
    for (DebtBook book : new DebtBook[] {new AaveBook(twenty, ONE_BOT, NO_IMPACT), new MakerBook(twenty, ONE_BOT, NO_IMPACT),
        new LiquityBook(twenty, ONE_BOT, NO_IMPACT, 0.5)}) {
      double[] m = run(book, crash(900, 48), 5);
      double bookUsd = m[DebtMetrics.BOOK_DEBT_USD];
      assertThat(m[DebtMetrics.LIQUIDATIONS]).as(book.id()).isPositive();
      assertThat(m[DebtMetrics.LIQUIDATED_USD]).as(book.id()).isCloseTo(m[DebtMetrics.LIQUIDATED_PCT_BOOK] / 100 * bookUsd,
          within(1e-6 * bookUsd));
      assertThat(m[DebtMetrics.INSOLVENT_USD]).as(book.id()).isCloseTo(m[DebtMetrics.INSOLVENT_PCT_BOOK] / 100 * bookUsd,
          within(1e-6 * bookUsd));
      assertThat(m[DebtMetrics.PENALTIES_USD]).as(book.id()).isCloseTo(m[DebtMetrics.PENALTIES_PCT_BOOK] / 100 * bookUsd,
          within(1e-6 * bookUsd));
      // the scaled book is the population's $10M (Maker's mapping; Aave's is × 1.3 × 0.83, Liquity's × 1.3 / 1.1)
      double mapping = book instanceof AaveBook ? 1.3 * 0.83 : book instanceof LiquityBook ? 1.3 / 1.1 : 1;
      assertThat(bookUsd).as(book.id()).isCloseTo(10e6 * mapping, within(10e6 * 1e-3));
    }
  }
}
