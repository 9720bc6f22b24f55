package noliq.debt.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.Set;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/**
 * The pool's operations on their accepted paths and at the edges of their checks: what each returns,
 * the rate curve refreshed after every action (ReserveLogic.updateInterestRatesAndVirtualBalance),
 * cash limits, health factors of exactly 1, and reserves without a price. Rates are the USDC curve
 * (optimal 92 %, slope1 9.5 %, slope2 35 %) worked by hand at each usage: below the kink
 * {@code 9.5 % · U / 92 %}, rounded half up to 27 decimals as rayMul/rayDiv do.
 */
class AavePoolEdgesTest {
  static final Token USDC = ReserveConfig.usdc().asset();
  static final AccountId LP = AccountId.of("lp");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId BOB = AccountId.of("bob");
  static final AccountId LIQUIDATOR = AccountId.of("liquidator");

  final TokenBook book = new TokenBook();
  final Pool pool = new Pool(book);

  /** WETH and USDC listed (prices only when {@code priced}); LP, Alice, Bob and the liquidator funded. */
  AavePoolEdgesTest() {
    for (AccountId a : new AccountId[] {LP, ALICE, BOB, LIQUIDATOR}) {
      book.mint(Token.ETH, a, Amount.of(1_000));
      book.mint(USDC, a, Amount.of(1_000_000));
    }
  }

  private void listBoth(boolean usdcPriced) {
    assertThat(pool.listReserve(ReserveConfig.weth())).isEqualTo(new AaveEvent.ReserveListed(ReserveConfig.weth()));
    pool.listReserve(ReserveConfig.usdc());
    assertThat(pool.setPrice(Token.ETH, Price.of(2000)))
        .isEqualTo(new AaveEvent.PriceUpdated(Token.ETH, Price.of(2000), BigInteger.valueOf(200_000_000_000L)));
    if (usdcPriced) {
      pool.setPrice(USDC, Price.of(1));
    }
  }

  private static BigInteger ray(String decimal) {
    return Decimals.parse(decimal, 27, "ray");
  }

  @Test
  void everyActionReturnsItsEventAndRefreshesTheRate() {
    listBoth(true);
    InterestRateStrategy curve = InterestRateStrategy.usdcEthereum2025();
    assertThat(pool.setInterestRateStrategy(USDC, curve, 1_000))
        .isEqualTo(new AaveEvent.InterestRateStrategySet(USDC, curve, 1_000, BigInteger.ZERO));
    assertThat(pool.supply(LP, USDC, Amount.of(10_000))).isEqualTo(new AaveEvent.Supplied(LP, USDC, Amount.of(10_000)));
    pool.supply(ALICE, Token.ETH, Amount.of(10));
    // HF after = 10 · 2,000 · 0.83 / 9,000 = 1.8444..., wadDiv half up.
    assertThat(pool.borrow(ALICE, USDC, Amount.of(9_000)))
        .isEqualTo(new AaveEvent.Borrowed(ALICE, USDC, Amount.of(9_000), new BigInteger("1844444444444444444")));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.092934782608695652173913043"));   // 90 %
    assertThat(pool.repay(ALICE, ALICE, USDC, Amount.of(4_500))).isEqualTo(new AaveEvent.Repaid(ALICE, ALICE, USDC, Amount.of(4_500)));
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(1_000_000 + 9_000 - 4_500));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.046467391304347826086956522"));   // 45 %
    pool.supply(LP, USDC, Amount.of(10_000));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.023233695652173913043478261"));   // 22.5 %
    assertThat(pool.withdraw(LP, USDC, Amount.of(10_000))).isEqualTo(new AaveEvent.Withdrawn(LP, USDC, Amount.of(10_000)));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.046467391304347826086956522"));   // 45 %
    pool.borrow(ALICE, USDC, Amount.of(4_600));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.093967391304347826086956522"));   // 91 %
    // Bob borrows exactly the 900 USDC of cash left: allowed (amount <= cash); usage 100 %: 9.5 % + 35 %.
    pool.supply(BOB, Token.ETH, Amount.of(10));
    pool.borrow(BOB, USDC, Amount.of(900));
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.445"));
    assertThat(refusal(() -> pool.borrow(BOB, USDC, Amount.of("0.000001")))).isInstanceOf(AaveError.InsufficientLiquidity.class);
    assertThat(refusal(() -> pool.withdraw(LP, USDC, Amount.of("0.000001")))).isInstanceOf(AaveError.InsufficientLiquidity.class);
    // ETH at $1,000: Alice's HF is 8,300 / 9,100 = 0.912, the whole debt may be covered. 4,100 USDC
    // buy 4.1 ETH + 5 % = 4.305 ETH, 10 % of the 0.205 bonus to the treasury: 4.2845 to the liquidator.
    pool.setPrice(Token.ETH, Price.of(1000));
    pool.liquidate(LIQUIDATOR, ALICE, Token.ETH, USDC, Amount.of(4_100), false);
    assertThat(book.balanceOf(LIQUIDATOR, Token.ETH)).isEqualTo(Amount.of("1004.2845"));
    assertThat(pool.supplied(pool.treasury(), Token.ETH)).isEqualTo(Amount.of("0.0205"));
    // Debt 5,000 + 900 against 4,100 of cash: 59 %, 9.5 % · 0.59 / 0.92 = 6.0923913...%.
    assertThat(pool.variableBorrowRate(USDC)).isEqualTo(ray("0.060923913043478260869565217"));
    assertThat(pool.accounts()).containsExactlyInAnyOrder(pool.treasury(), ALICE, BOB, LP);
    assertThat(pool.snapshot().reserves().get(USDC).debt().get(ALICE)).isEqualTo(BigInteger.valueOf(5_000_000_000L));
    assertThat(pool.reserves()).containsExactly(ReserveConfig.weth(), ReserveConfig.usdc());
    assertThat(pool.reserveConfig(USDC)).isEqualTo(ReserveConfig.usdc());
    assertThat(pool.reserveAccount(USDC)).isEqualTo(AccountId.of("aave:USDC"));
  }

  /** Both reserves listed, the LP's 100,000 USDC supplied, and Alice borrowing {@code usdc} against 10 ETH. */
  private void aliceBorrowing(long usdc) {
    listBoth(true);
    pool.supply(LP, USDC, Amount.of(100_000));
    pool.supply(ALICE, Token.ETH, Amount.of(10));
    pool.borrow(ALICE, USDC, Amount.of(usdc));
  }

  /** ValidationLogic.validateHFAndLtv after a withdrawal: require(healthFactor >= 1): exactly 1 is allowed. */
  @Test
  void aWithdrawalMayLeaveAHealthFactorOfExactlyOne() {
    aliceBorrowing(8_300);
    // 5 ETH · 2,000 · 0.83 = 8,300 against 8,300: HF = 1 exactly.
    pool.withdraw(ALICE, Token.ETH, Amount.of(5));
    assertThat(pool.accountData(ALICE).healthFactor()).isEqualTo(Exact.WAD);
    assertThat(refusal(() -> pool.withdraw(ALICE, Token.ETH, Amount.ofWei(1)))).isInstanceOf(AaveError.HealthFactorTooLow.class);
  }

  /** Pool.setUserEMode validates the health factor after the switch with >= 1: leaving e-mode at exactly 1 is allowed. */
  @Test
  void leavingEModeMayLeaveAHealthFactorOfExactlyOne() {
    Market m = new Market();
    EModeCategory second = new EModeCategory(2, "stable", 9000, 9300, 10100, Set.of(Market.USDC), Set.of(Market.USDC));
    assertThat(m.pool.setEModeCategory(second)).isEqualTo(new AaveEvent.EModeCategorySet(second));
    m.pool.supply(ALICE, Market.WSTETH, Amount.of(5));
    assertThat(m.pool.setUserEMode(ALICE, 1)).isEqualTo(new AaveEvent.UserEModeSet(ALICE, 1));
    // In e-mode (LTV 93 %) 4.05 ETH = $8,100 can be borrowed against $10,000 of wstETH; outside it the
    // wstETH LT of 81 % gives 10,000 · 0.81 / 8,100 = 1 exactly.
    m.pool.borrow(ALICE, Market.ETH, Amount.of("4.05"));
    assertThat(m.pool.setUserEMode(ALICE, 0)).isEqualTo(new AaveEvent.UserEModeSet(ALICE, 0));
    assertThat(m.alice().healthFactor()).isEqualTo(Exact.WAD);
  }

  /**
   * The contract sends the seized collateral before it pulls the repayment, so without cash in the
   * collateral reserve only a liquidation taking aTokens can go through. Alice 10 ETH / 15,000 USDC,
   * Bob has borrowed all the WETH; at $1,500 Alice's HF is 0.83: 1,500 USDC buy 1 ETH + 5 %, 1.045 of
   * it to the liquidator after the 0.005 fee.
   */
  @Test
  void withoutCashInTheCollateralReserveOnlyATokensCanBeReceived() {
    aliceBorrowing(15_000);
    pool.supply(BOB, USDC, Amount.of(100_000));
    pool.borrow(BOB, Token.ETH, Amount.of(10));
    pool.setPrice(Token.ETH, Price.of(1500));
    assertThat(refusal(() -> pool.liquidate(LIQUIDATOR, ALICE, Token.ETH, USDC, Amount.of(1_500), false)))
        .isInstanceOf(AaveError.InsufficientLiquidity.class);
    pool.liquidate(LIQUIDATOR, ALICE, Token.ETH, USDC, Amount.of(1_500), true);
    assertThat(pool.supplied(LIQUIDATOR, Token.ETH)).isEqualTo(Amount.of("1.045"));
    assertThat(pool.supplied(ALICE, Token.ETH)).isEqualTo(Amount.of("8.95"));   // 10 − 1.05 (the fee leaves her too)
  }

  /**
   * The event's health factor after is the account as it is once the liquidation is done, also when
   * the user liquidates itself taking aTokens (the seized ETH comes back to it as a supply). Alice
   * 10 ETH / 15,000 USDC at $1,500: 1,500 USDC buy 1.05 ETH, 1.045 of it back to her.
   */
  @Test
  void aSelfLiquidationTakingATokensReportsTheAccountAsItIsAfter() {
    aliceBorrowing(15_000);
    pool.setPrice(Token.ETH, Price.of(1500));
    var call = pool.liquidate(ALICE, ALICE, Token.ETH, USDC, Amount.of(1_500), true);
    assertThat(pool.supplied(ALICE, Token.ETH)).isEqualTo(Amount.of("9.995"));   // 10 − 1.05 + 1.045
    assertThat(call.healthFactorAfter()).isEqualTo(pool.accountData(ALICE).healthFactor());
    // 9.995 · 1,500 · 0.83 / 13,500 = 0.921761..., half up.
    assertThat(call.healthFactorAfter()).isEqualTo(new BigInteger("921761111111111111"));
  }

  /**
   * getUserAccountData needs the price of every reserve the user has a balance in, and only those:
   * an unpriced reserve the user does not use reads as price 0; one it supplies is refused; a user
   * without debt withdraws without any health-factor check (so without prices).
   */
  @Test
  void onlyTheReservesAUserHoldsNeedAPrice() {
    listBoth(false);
    pool.supply(ALICE, Token.ETH, Amount.of(1));
    assertThat(pool.accountData(ALICE).totalCollateralBase()).isEqualTo(BigInteger.valueOf(200_000_000_000L));
    assertThat(pool.positions(ALICE).get(1).priceBase()).isZero();
    pool.supply(BOB, USDC, Amount.of(100));
    assertThat(refusal(() -> pool.accountData(BOB))).isEqualTo(new AaveError.PriceMissing(USDC));
    assertThat(pool.withdraw(BOB, USDC, Amount.of(50)).amount()).isEqualTo(Amount.of(50));
    assertThat(pool.supplied(BOB, USDC)).isEqualTo(Amount.of(50));
    assertThat(pool.positions(ALICE).get(0).priceBase()).isEqualTo(BigInteger.valueOf(200_000_000_000L));
  }

  @Test
  void aReserveFactorAboveOneHundredPercentIsRefusedAndZeroSecondsAccrueNothing() {
    listBoth(true);
    var refused = refusal(() -> pool.setInterestRateStrategy(USDC, InterestRateStrategy.usdcEthereum2025(), 10_001));
    assertThat(refused).isEqualTo(new AaveError.InvalidParameter("reserveFactor", "must be between 0 and 10000 basis points (was 10001)"));
    pool.setInterestRateStrategy(USDC, InterestRateStrategy.usdcEthereum2025(), 10_000);
    AaveEvent.InterestAccrued a = pool.accrueInterest(USDC, 0);
    assertThat(a.factor()).isEqualTo(InterestRateStrategy.RAY);
    assertThat(a.increase()).isEqualTo(Amount.ZERO);
  }

  @Test
  void anAbortedAccrualLeavesEveryDebtAsItWas() {
    Market m = new Market();
    m.pool.setInterestRateStrategy(Market.USDC, InterestRateStrategy.usdcEthereum2025(), InterestRateStrategy.USDC_RESERVE_FACTOR_BPS);
    m.pool.supply(ALICE, Market.ETH, Amount.of(10));
    m.pool.borrow(ALICE, Market.USDC, Amount.of(9_000));
    AaveRollbackTest.abortedAfter(m, () -> m.pool.accrueInterest(Market.USDC, InterestRateStrategy.SECONDS_PER_YEAR));
    assertThat(m.pool.debt(ALICE, Market.USDC)).isEqualTo(Amount.of(9_000));
  }

  /**
   * The pool keeps each account's balances by reserve listing order: a reserve listed after an
   * account has balances reads as zero for it, takes its supply and debt, and shows in the
   * positions, the snapshot and the account list like the others; a refused borrow by an account
   * the pool has not seen leaves the snapshot and the account list as they were.
   */
  @Test
  void aReserveListedAfterTheAccountsAndARefusedNewcomerKeepTheBooksStraight() {
    pool.listReserve(ReserveConfig.weth());
    pool.setPrice(Token.ETH, Price.of(2000));
    pool.supply(ALICE, Token.ETH, Amount.of(10));
    pool.listReserve(ReserveConfig.usdc());
    pool.setPrice(USDC, Price.of(1));
    assertThat(pool.positions(ALICE)).extracting(Position::supplied, Position::debt).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Amount.of(10).wei(), BigInteger.ZERO),
        org.assertj.core.groups.Tuple.tuple(BigInteger.ZERO, BigInteger.ZERO));
    pool.supply(LP, USDC, Amount.of(10_000));
    pool.borrow(ALICE, USDC, Amount.of(1_000));
    assertThat(pool.positions(ALICE).get(1).debt()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
    Pool.Snapshot before = pool.snapshot();
    assertThat(before.reserves().get(USDC).supplied()).containsOnlyKeys(LP);
    assertThat(before.reserves().get(USDC).debt()).containsOnlyKeys(ALICE);
    assertThat(before.reserves().get(Token.ETH).supplied()).containsOnlyKeys(ALICE);
    assertThat(before.reserves().get(Token.ETH).debt()).isEmpty();
    assertThat(pool.accounts()).containsExactly(ALICE, LP);
    assertThat(refusal(() -> pool.borrow(BOB, USDC, Amount.of(1)))).isInstanceOf(AaveError.NoCollateral.class);
    assertThat(pool.snapshot()).isEqualTo(before);
    assertThat(pool.accounts()).containsExactly(ALICE, LP);
    pool.repay(ALICE, ALICE, USDC, Pool.MAX_DEBT_TO_COVER);
    assertThat(pool.snapshot().reserves().get(USDC).debt()).isEmpty();
    assertThat(pool.accounts()).containsExactly(ALICE, LP);
  }

  private static AaveError refusal(Runnable op) {
    AaveViolation v = catchThrowableOfType(AaveViolation.class, op::run);
    assertThat(v).as("refused").isNotNull();
    return v.reason();
  }
}
