package noliq.debt.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import org.junit.jupiter.api.Test;

/**
 * Aave v3.3's rule functions and configuration checks at the edges of their comparisons, each
 * expectation worked by hand from the contract's own comparison (LiquidationLogic, GenericLogic,
 * ValidationLogic, DefaultReserveInterestRateStrategyV2, PoolConfigurator).
 */
class AaveRulesEdgesTest {
  private static final AccountId A = AccountId.of("a");
  private static final Token GHO = ReserveConfig.gho().asset();

  private static BigInteger usd(String s) {
    return Decimals.parse(s, 8, "usd");
  }

  private static BigInteger eth(String s) {
    return Amount.of(s).wei();
  }

  /**
   * _calculateAvailableCollateralToLiquidate takes the whole balance only when the bonus-inclusive
   * amount is strictly above it. 1.05 ETH at $2,000 against GHO at $1, LB 105 %: covering
   * 2,000 GHO + 1 wei gives base collateral floor((2,000e18 + 1) / 2,000) = 1 ETH and 1.05 ETH with
   * the bonus, exactly the balance: the debt covered stays 2,000e18 + 1 (recomputing it from the
   * balance would give 2,000e18).
   */
  @Test
  void aBonusAmountEqualToTheBalanceKeepsTheDebtAsked() {
    var c = LiquidationLogic.collateralToLiquidate(usd("2000"), 18, AaveMath.ONE_DOLLAR, 18,
        eth("2000").add(BigInteger.ONE), eth("1.05"), 10500, 0);
    assertThat(c.collateralToLiquidator()).isEqualTo(eth("1.05"));
    assertThat(c.debtToRepay()).isEqualTo(eth("2000").add(BigInteger.ONE));
  }

  /**
   * The same account through plan: 1.05 ETH (LT 83 %) against 2,000 GHO, HF = 1,743 / 2,000 =
   * 0.8715, so the whole debt may be covered; it takes exactly all the collateral ($2,100) and
   * repays exactly all the debt: no collateral left, and no deficit to write off (the fee is
   * 10 % of the 0.05 ETH bonus, 0.005 ETH).
   */
  @Test
  void takingAllTheCollateralForAllTheDebtLeavesNoDeficit() {
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1.05"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("2000")));
    var plan = LiquidationLogic.plan(A, positions, null, Token.ETH, GHO, Pool.MAX_DEBT_TO_COVER.wei());
    assertThat(plan.before().healthFactor()).isEqualTo(new BigInteger("871500000000000000"));
    assertThat(plan.debtRepaid()).isEqualTo(eth("2000"));
    assertThat(plan.collateral().collateralTaken()).isEqualTo(eth("1.05"));
    assertThat(plan.collateral().protocolFee()).isEqualTo(eth("0.005"));
    assertThat(plan.hasNoCollateralLeft()).isTrue();
    assertThat(plan.deficits()).isEmpty();
    assertThat(plan.deficitOf(GHO)).isZero();
    assertThat(plan.bonusCollateral()).isEqualTo(eth("0.05"));                // 1.05 − 1.05 / 1.05
    assertThat(plan.closeFactor().rule().explanation()).isEqualTo("100%: HF is at most 0.95");
  }

  /**
   * 1 ETH at $1,500 against 1,900 GHO and 100 USDC (HF 1,245 / 2,000 = 0.6225): the whole ETH covers
   * percentDiv(1,500, 105 %) = 1,428.571428571428571429 GHO (half up); having no collateral left, the
   * other 471.428571428571428571 GHO and the 100 USDC become deficits, each in its own reserve.
   */
  @Test
  void everyDebtLeftWithoutCollateralBecomesItsReservesDeficit() {
    ReserveConfig usdc = ReserveConfig.usdc();
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("1500"), eth("1"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("1900")),
        new Position(usdc, AaveMath.ONE_DOLLAR, BigInteger.ZERO, BigInteger.valueOf(100_000_000L)));
    var plan = LiquidationLogic.plan(A, positions, null, Token.ETH, GHO, Pool.MAX_DEBT_TO_COVER.wei());
    assertThat(plan.debtRepaid()).isEqualTo(eth("1428.571428571428571429"));
    assertThat(plan.deficitOf(GHO)).isEqualTo(eth("471.428571428571428571"));
    assertThat(plan.deficitOf(usdc.asset())).isEqualTo(BigInteger.valueOf(100_000_000L));
    assertThat(plan.deficitOf(Token.ETH)).isZero();
  }

  /** LiquidationLogic: require(healthFactor < HEALTH_FACTOR_LIQUIDATION_THRESHOLD): exactly 1 cannot be liquidated. */
  @Test
  void aHealthFactorOfExactlyOneCannotBeLiquidated() {
    // 5 ETH · 2,000 · 0.83 = 8,300 against 8,300 GHO.
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("5"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("8300")));
    assertThat(HealthFactor.accountData(positions, null).healthFactor()).isEqualTo(Exact.WAD);
    var refused = catchThrowableOfType(AaveViolation.class,
        () -> LiquidationLogic.plan(A, positions, null, Token.ETH, GHO, BigInteger.ONE));
    assertThat(refused.reason()).isEqualTo(new AaveError.HealthyPosition(A, Exact.WAD));
  }

  /**
   * v3.3's dust rule allows leftovers of exactly MIN_LEFTOVER_BASE ($1,000): 4.7 ETH at $2,000
   * against 9,000 USDC (HF 7,802 / 9,000 = 0.867, whole debt coverable); covering 8,000 USDC takes
   * 8,000 / 2,000 · 1.05 = 4.2 ETH (fee 0.02 of it), leaving 0.5 ETH = $1,000 and 1,000 USDC = $1,000.
   */
  @Test
  void leftoversOfExactlyOneThousandDollarsAreAllowed() {
    ReserveConfig usdc = ReserveConfig.usdc();
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("4.7"), BigInteger.ZERO),
        new Position(usdc, AaveMath.ONE_DOLLAR, BigInteger.ZERO, BigInteger.valueOf(9_000_000_000L)));
    var plan = LiquidationLogic.plan(A, positions, null, Token.ETH, usdc.asset(), BigInteger.valueOf(8_000_000_000L));
    assertThat(plan.debtRepaid()).isEqualTo(BigInteger.valueOf(8_000_000_000L));
    assertThat(plan.collateral().collateralTaken()).isEqualTo(eth("4.2"));
    assertThat(plan.collateral().protocolFee()).isEqualTo(eth("0.02"));
    assertThat(plan.positionsAfter().get(0).suppliedBase()).isEqualTo(LiquidationLogic.MIN_LEFTOVER_BASE);
    assertThat(plan.positionsAfter().get(1).debtBase()).isEqualTo(LiquidationLogic.MIN_LEFTOVER_BASE);
  }

  @Test
  void planRefusesAZeroCoverAndAnUnlistedAsset() {
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("1900")));
    var zero = catchThrowableOfType(AaveViolation.class,
        () -> LiquidationLogic.plan(A, positions, null, Token.ETH, GHO, BigInteger.ZERO));
    assertThat(zero.reason()).isInstanceOf(AaveError.NotPositive.class);
    var unlisted = catchThrowableOfType(AaveViolation.class,
        () -> LiquidationLogic.plan(A, positions, null, Token.ETH, new Token("WBTC"), BigInteger.ONE));
    assertThat(unlisted.reason()).isEqualTo(new AaveError.UnknownReserve("debtAsset", new Token("WBTC")));
  }

  /**
   * GenericLogic counts a reserve only where the user has a balance: an unused collateral reserve
   * with LTV 0 does not flag the account as holding zero-LTV collateral, and a supplied asset with
   * LT 0 (GHO) is not collateral at all.
   */
  @Test
  void onlyReservesWithABalanceCountAsCollateral() {
    ReserveConfig zeroLtv = new ReserveConfig(new Token("ZLTV"), 18, 0, 8000, 10500, 1000);
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1"), BigInteger.ZERO),
        new Position(zeroLtv, usd("10"), BigInteger.ZERO, BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, eth("500"), eth("100")));
    AccountData d = HealthFactor.accountData(positions, null);
    assertThat(d.hasZeroLtvCollateral()).isFalse();
    assertThat(d.totalCollateralBase()).isEqualTo(usd("2000"));          // the 500 GHO supplied do not count
    assertThat(d.averageLtvBps()).isEqualTo(8000);
    assertThat(ReserveConfig.gho().isCollateral()).isFalse();
    assertThat(ReserveConfig.usdc().unit()).isEqualTo(BigInteger.valueOf(1_000_000));
  }

  /**
   * GenericLogic's averages are value-weighted and truncated: 1 ETH at $2,000 (LTV 80 %, LT 83 %),
   * 1 wstETH at $1,001 (78.5 %, 81 %) and 1 ZLTV at $10 (0 %, 80 %) give
   * LTV (2,000·8,000 + 1,001·7,850) / 3,011 = 7,923.56 and LT 24,788,100 / 3,011 = 8,232.51, both
   * cut. Collateral sharing one LTV and LT (two reserves alike, or e-mode's) averages to exactly it.
   */
  @Test
  void averagesAreValueWeightedAndTruncatedAndEqualRatiosAverageToThemselves() {
    ReserveConfig wsteth = ReserveConfig.wsteth();
    ReserveConfig zeroLtv = new ReserveConfig(new Token("ZLTV"), 18, 0, 8000, 10500, 1000);
    List<Position> mixed = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1"), BigInteger.ZERO),
        new Position(wsteth, usd("1001"), eth("1"), BigInteger.ZERO),
        new Position(zeroLtv, usd("10"), eth("1"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("1000")));
    AccountData d = HealthFactor.accountData(mixed, null);
    assertThat(d.totalCollateralBase()).isEqualTo(usd("3011"));
    assertThat(d.averageLtvBps()).isEqualTo(7923);
    assertThat(d.averageLiquidationThresholdBps()).isEqualTo(8232);
    assertThat(d.hasZeroLtvCollateral()).isTrue();

    ReserveConfig wethAlike = new ReserveConfig(new Token("WETH2"), 18, 8000, 8300, 10500, 1000);
    List<Position> alike = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1"), BigInteger.ZERO),
        new Position(wethAlike, usd("1001"), eth("1"), BigInteger.ZERO),
        new Position(ReserveConfig.gho(), AaveMath.ONE_DOLLAR, BigInteger.ZERO, eth("1000")));
    AccountData same = HealthFactor.accountData(alike, null);
    assertThat(same.averageLtvBps()).isEqualTo(8000);
    assertThat(same.averageLiquidationThresholdBps()).isEqualTo(8300);

    List<Position> correlated = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), eth("1"), BigInteger.ZERO),
        new Position(wsteth, usd("1001"), eth("1"), BigInteger.ZERO));
    AccountData eMode = HealthFactor.accountData(correlated, EModeCategory.ethCorrelated());
    assertThat(eMode.averageLtvBps()).isEqualTo(9300);
    assertThat(eMode.averageLiquidationThresholdBps()).isEqualTo(9500);
  }

  /** ValidationLogic.validateBorrow: require(healthFactor > HEALTH_FACTOR_LIQUIDATION_THRESHOLD): exactly 1 is refused. */
  @Test
  void aBorrowAtAHealthFactorOfExactlyOneIsRefused() {
    AccountData atOne = new AccountData(usd("10000"), usd("8300"), 8000, 8300, Exact.WAD, false);
    var refused = catchThrowableOfType(AaveViolation.class, () -> HealthFactor.requireCanBorrow(A, atOne, BigInteger.ONE));
    assertThat(refused.reason()).isInstanceOf(AaveError.HealthFactorNotAboveOne.class);
    AccountData above = new AccountData(usd("10000"), usd("1000"), 8000, 8300, Exact.WAD.add(BigInteger.ONE), false);
    HealthFactor.requireCanBorrow(A, above, BigInteger.ONE);
  }

  /** _setInterestRateParams: optimal usage within [1 %, 99 %] inclusive, slopes >= 0, max rate <= 1000 % inclusive. */
  @Test
  void interestRateParametersAtTheirBounds() {
    assertThat(new InterestRateStrategy(100, 0, 0, 0).optimalUsageBps()).isEqualTo(100);
    assertThat(new InterestRateStrategy(9_900, 0, 0, 0).optimalUsageBps()).isEqualTo(9_900);
    assertThatThrownBy(() -> new InterestRateStrategy(99, 0, 0, 0)).hasMessageContaining("optimalUsageRatio");
    assertThat(new InterestRateStrategy(9_000, 0, 50_000, 50_000).variableRateSlope2Bps()).isEqualTo(50_000);
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, 1, 50_000, 50_000)).hasMessageContaining("100000");
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, -1, 0, 0)).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, 0, -1, 0)).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> new InterestRateStrategy(9_000, 0, 0, -1)).hasMessageContaining("must not be negative");
  }

  /** PoolConfigurator.setEModeCategory: id 1..255, LTV <= LT, LT · LB <= 100 %, LB > 100 %, each in basis points. */
  @Test
  void eModeCategoriesAtTheirBounds() {
    Set<Token> eth = Set.of(Token.ETH);
    assertThat(new EModeCategory(1, "one", 9000, 9000, 10100, eth, eth).id()).isEqualTo(1);   // LTV = LT allowed
    assertThat(new EModeCategory(255, "last", 9000, 9500, 10100, eth, eth).id()).isEqualTo(255);
    assertThatThrownBy(() -> new EModeCategory(256, "x", 9000, 9500, 10100, eth, eth)).hasMessageContaining("between 1 and 255");
    assertThatThrownBy(() -> new EModeCategory(0, "x", 9000, 9500, 10100, eth, eth)).hasMessageContaining("between 1 and 255");
    assertThatThrownBy(() -> new EModeCategory(2, "x", 10_001, 10_001, 10100, eth, eth))
        .hasMessage("ltv: must be between 0 and 10000 basis points (was 10001)");
    assertThatThrownBy(() -> new EModeCategory(2, "x", 9000, 10_001, 10100, eth, eth))
        .hasMessage("liquidationThreshold: must be between 0 and 10000 basis points (was 10001)");
    assertThatThrownBy(() -> new EModeCategory(2, "x", 9000, 9500, 10_000, eth, eth))
        .hasMessageStartingWith("liquidationBonus: must be above 100%");
  }

  /** PoolConfigurator/ReserveConfiguration: decimals 0..18, each percentage 0..10,000 bps inclusive, LB > 100 % for collateral. */
  @Test
  void reserveConfigurationsAtTheirBounds() {
    Token t = new Token("T");
    assertThat(new ReserveConfig(t, 0, 0, 0, 0, 0).decimals()).isZero();
    assertThat(new ReserveConfig(t, 18, 0, 0, 0, 10_000).liquidationProtocolFeeBps()).isEqualTo(10_000);
    assertThatThrownBy(() -> new ReserveConfig(t, 19, 0, 0, 0, 0)).hasMessageContaining("between 0 and 18");
    assertThatThrownBy(() -> new ReserveConfig(t, -1, 0, 0, 0, 0)).hasMessageContaining("between 0 and 18");
    assertThatThrownBy(() -> new ReserveConfig(t, 18, -1, 8000, 10500, 0))
        .hasMessage("ltv: must be between 0 and 10000 basis points (was -1)");
    assertThatThrownBy(() -> new ReserveConfig(t, 18, 0, -1, 0, 0))
        .hasMessage("liquidationThreshold: must be between 0 and 10000 basis points (was -1)");
    assertThatThrownBy(() -> new ReserveConfig(t, 18, 0, 0, 0, 10_001))
        .hasMessage("liquidationProtocolFee: must be between 0 and 10000 basis points (was 10001)");
    assertThatThrownBy(() -> new ReserveConfig(t, 18, 8000, 8000, 10_000, 0))
        .hasMessageStartingWith("liquidationBonus: must be above 100%");
    // LT · LB = 80 % · 125 % = 100 % exactly: PoolConfigurator requires <= 100 %, so it is allowed.
    assertThat(new ReserveConfig(t, 18, 8000, 8000, 12_500, 0).liquidationBonusBps()).isEqualTo(12_500);
    assertThatThrownBy(() -> new ReserveConfig(t, 18, 8000, 8000, 12_501, 0))
        .hasMessageStartingWith("liquidationBonus: times the liquidation threshold must not exceed 100%");
  }
}
