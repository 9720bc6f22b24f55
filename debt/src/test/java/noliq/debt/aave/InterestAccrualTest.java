package noliq.debt.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/** Aave v3.3's rate curve and compounding, each against a number from the contracts or their parameters. */
class InterestAccrualTest {
  static final BigInteger RAY = InterestRateStrategy.RAY;
  static final long YEAR = InterestRateStrategy.SECONDS_PER_YEAR;
  static final Token USDC = ReserveConfig.usdc().asset();

  @Test
  void compoundingReproducesTheNumberInMathUtilsComment() {
    // MathUtils.calculateCompoundedInterest's own comment: 100,000 % a year for 10,000 years returns
    // 1.66666716666676666667 x 10^20 (the three-term expansion, far from e^(1,000 x 10,000)).
    BigInteger factor = InterestRateStrategy.compoundedInterest(RAY.multiply(BigInteger.valueOf(1000)), 10_000 * YEAR);
    assertThat(factor.divide(RAY)).isEqualTo(new BigInteger("166666716666676666667"));
    assertThat(InterestRateStrategy.compoundedInterest(RAY, 0)).isEqualTo(RAY);
  }

  @Test
  void compoundingUndershootsTheExponentialByTheFourthTerm() {
    // At 10 % for a year: 1 + x + x^2/2 + x^3/6 = 1.105166..., e^0.1 = 1.1051709...; the gap is about x^4/24.
    BigInteger factor = InterestRateStrategy.compoundedInterest(RAY.divide(BigInteger.TEN), YEAR);
    assertThat(factor).isEqualTo(new BigInteger("1105166666666666666666666667"));
    double gap = Math.exp(0.1) - factor.doubleValue() / 1e27;
    assertThat(gap).isBetween(0.1 * 0.1 * 0.1 * 0.1 / 24 * 0.99, 0.1 * 0.1 * 0.1 * 0.1 / 24 * 1.05);
  }

  @Test
  void usdcCurveGivesSlopeOneBelowTheKinkAndSlopeTwoAbove() {
    InterestRateStrategy usdc = InterestRateStrategy.usdcEthereum2025();
    // 90 % used: 9.5 % x 0.90 / 0.92 = 9.2934782608695652173913043 % (ray, half up).
    assertThat(usdc.variableBorrowRate(BigInteger.valueOf(90), BigInteger.valueOf(10)))
        .isEqualTo(new BigInteger("92934782608695652173913043"));
    // At the kink, 9.5 %; at 96 %, halfway up slope2: 9.5 % + 35 % / 2 = 27 %; fully used: 44.5 %.
    assertThat(usdc.variableBorrowRate(BigInteger.valueOf(92), BigInteger.valueOf(8))).isEqualTo(pct("9.5"));
    assertThat(usdc.variableBorrowRate(BigInteger.valueOf(96), BigInteger.valueOf(4))).isEqualTo(pct("27"));
    assertThat(usdc.variableBorrowRate(BigInteger.ONE, BigInteger.ZERO)).isEqualTo(pct("44.5"));
    assertThat(usdc.variableBorrowRate(BigInteger.ZERO, BigInteger.TEN)).isZero();
  }

  @Test
  void strategyRefusesTheContractsForbiddenCurves() {
    assertThatThrownBy(() -> new InterestRateStrategy(9_950, 0, 100, 200)).hasMessageContaining("optimalUsageRatio");
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, 0, 500, 400)).hasMessageContaining("slope1");
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, 50_000, 30_000, 30_000)).hasMessageContaining("100000");
  }

  @Test
  void aYearOfInterestGrowsTheDebtPaysSuppliersAndKeepsTheReserveBalanced() {
    TokenBook book = new TokenBook();
    Pool pool = new Pool(book);
    pool.listReserve(ReserveConfig.weth());
    pool.listReserve(ReserveConfig.usdc());
    pool.setPrice(Token.ETH, Price.of(2000));
    pool.setPrice(USDC, Price.of(1));
    AccountId lp = AccountId.of("lp");
    AccountId alice = AccountId.of("alice");
    book.mint(USDC, lp, Amount.of(10_000));
    pool.supply(lp, USDC, Amount.of(10_000));
    book.mint(Token.ETH, alice, Amount.of(10));
    pool.supply(alice, Token.ETH, Amount.of(10));
    pool.borrow(alice, USDC, Amount.of(9_000));
    pool.setInterestRateStrategy(USDC, InterestRateStrategy.usdcEthereum2025(), InterestRateStrategy.USDC_RESERVE_FACTOR_BPS);
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(new BigInteger("92934782608695652173913043"));

    AaveEvent.InterestAccrued a = pool.accrueInterest(USDC, YEAR);
    // factor = 1 + x + x^2/2 + x^3/6 at x = 0.0929347826...: 1.097386997183082312813347579 (e^x is 1.09739016).
    assertThat(a.factor()).isEqualTo(new BigInteger("1097386997183082312813347579"));
    // 9,000 x factor, to USDC's 6 decimals half up: 9,876.482975.
    assertThat(pool.debt(alice, USDC)).isEqualTo(Amount.of("9876.482975"));
    assertThat(a.increase()).isEqualTo(Amount.of("876.482975"));
    // The treasury takes the 10 % reserve factor (percentMul, half up), the LP the rest.
    assertThat(a.toTreasury()).isEqualTo(Amount.of("87.648298"));
    assertThat(pool.supplied(lp, USDC)).isEqualTo(Amount.of("10788.834677"));
    Amount balanced = pool.cash(USDC).plus(pool.totalDebt(USDC)).plus(pool.deficit(USDC));
    assertThat(balanced).isEqualTo(pool.totalSupplied(USDC));
    // Usage rose from 90 % to 9,876.48 / 10,876.48 = 90.81 %: the rate rose with it.
    assertThat(a.newRate()).isGreaterThan(a.rate());
  }

  @Test
  void withoutACurveNothingAccrues() {
    TokenBook book = new TokenBook();
    Pool pool = new Pool(book);
    pool.listReserve(ReserveConfig.usdc());
    AaveEvent.InterestAccrued a = pool.accrueInterest(USDC, YEAR);
    assertThat(a.increase()).isEqualTo(Amount.ZERO);
    assertThatThrownBy(() -> pool.accrueInterest(USDC, -1)).hasMessageContaining("seconds");
  }

  static BigInteger pct(String percent) {
    return new java.math.BigDecimal(percent).movePointLeft(2).movePointRight(27).toBigIntegerExact();
  }
}
