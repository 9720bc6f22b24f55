package noliq.debt.aave;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import noliq.debt.aave.LiquidationLogic.CloseFactorRule;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.book.AccountId;
import org.junit.jupiter.api.Test;

/** The pure rule functions, on positions built by hand (no pool). */
class LiquidationLogicTest {
  private static final BigInteger HF_096 = new BigInteger("960000000000000000");

  private static BigInteger usd(String s) {
    return Decimals.parse(s, 8, "usd");
  }

  @Test
  void percentageAndWadMathRoundHalfUpAsTheContract() {
    // 1 x 50 % = 0.5 -> 1; 1 x 49.99 % -> 0; 1 / 3 bps = 3,333.33 -> 3,333; 2 / 3 bps = 6,666.67 -> 6,667.
    assertThat(AaveMath.percentMul(BigInteger.ONE, BigInteger.valueOf(5000))).isEqualTo(BigInteger.ONE);
    assertThat(AaveMath.percentMul(BigInteger.ONE, BigInteger.valueOf(4999))).isEqualTo(BigInteger.ZERO);
    assertThat(AaveMath.percentDiv(BigInteger.ONE, BigInteger.valueOf(3))).isEqualTo(BigInteger.valueOf(3333));
    assertThat(AaveMath.percentDiv(BigInteger.TWO, BigInteger.valueOf(3))).isEqualTo(BigInteger.valueOf(6667));
    assertThat(AaveMath.wadDiv(BigInteger.TWO, BigInteger.valueOf(3))).isEqualTo(new BigInteger("666666666666666667"));
  }

  @Test
  void twoThousandDollarThresholdIsInclusiveOnBothPositions() {
    BigInteger debt = Amount.of("2000").wei();
    // Collateral and debt reserve positions of exactly $2,000 each, total debt $3,000, HF 0.96: 50 % of $3,000.
    var atThreshold = LiquidationLogic.closeFactor(debt, usd("2000"), usd("2000"), usd("3000"), HF_096, AaveMath.ONE_DOLLAR, 18);
    assertThat(atThreshold.rule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(atThreshold.maxLiquidatableDebt()).isEqualTo(Amount.of("1500").wei());
    // One base unit less of collateral: 100 % of the reserve debt.
    var below = LiquidationLogic.closeFactor(debt, usd("2000"), usd("1999.99999999"), usd("3000"), HF_096, AaveMath.ONE_DOLLAR, 18);
    assertThat(below.rule()).isEqualTo(CloseFactorRule.POSITION_BELOW_2000);
    assertThat(below.maxLiquidatableDebt()).isEqualTo(debt);
    // Reserve debt at most half the total: the whole reserve debt.
    var withinHalf = LiquidationLogic.closeFactor(debt, usd("2000"), usd("5000"), usd("4000"), HF_096, AaveMath.ONE_DOLLAR, 18);
    assertThat(withinHalf.rule()).isEqualTo(CloseFactorRule.RESERVE_DEBT_WITHIN_HALF_OF_TOTAL);
    assertThat(withinHalf.maxLiquidatableDebt()).isEqualTo(debt);
  }

  @Test
  void withoutAProtocolFeeTheLiquidatorGetsTheWholeBonus() {
    // 1,000 GHO against ETH at $2,000 with LB 1.05: 0.525 ETH, all to the liquidator.
    var c = LiquidationLogic.collateralToLiquidate(usd("2000"), 18, AaveMath.ONE_DOLLAR, 18,
        Amount.of("1000").wei(), Amount.of("10").wei(), 10500, 0);
    assertThat(c.protocolFee()).isZero();
    assertThat(c.collateralToLiquidator()).isEqualTo(Amount.of("0.525").wei());
    assertThat(c.debtToRepay()).isEqualTo(Amount.of("1000").wei());
    assertThat(c.collateralInBase()).isEqualTo(usd("1050"));
  }

  @Test
  void sixDecimalCollateralAgainstEighteenDecimalDebt() {
    // 3,000 USDC (LT 78 %, LB 4.5 %) backs 1 ETH; ETH at $2,400: HF = 2,340 / 2,400 = 0.975.
    ReserveConfig usdc = ReserveConfig.usdc();
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2400"), BigInteger.ZERO, Amount.of("1").wei()),
        new Position(usdc, AaveMath.ONE_DOLLAR, BigInteger.valueOf(3_000_000_000L), BigInteger.ZERO));
    var plan = LiquidationLogic.plan(AccountId.of("a"), positions, null, usdc.asset(), noliq.math.book.Token.ETH,
        noliq.debt.aave.Pool.MAX_DEBT_TO_COVER.wei());
    assertThat(plan.before().healthFactor()).isEqualTo(new BigInteger("975000000000000000"));
    // 50 % of $2,400 = $1,200 = 0.5 ETH, for 1,200 x 1.045 = 1,254 USDC: bonus 54, fee 5.4, liquidator 1,248.6.
    assertThat(plan.debtRepaid()).isEqualTo(Amount.of("0.5").wei());
    assertThat(plan.collateral().collateralTaken()).isEqualTo(BigInteger.valueOf(1_254_000_000L));
    assertThat(plan.collateral().protocolFee()).isEqualTo(BigInteger.valueOf(5_400_000L));
    assertThat(plan.collateral().collateralToLiquidator()).isEqualTo(BigInteger.valueOf(1_248_600_000L));
    // 1,746 USDC x 0.78 = 1,361.88 against $1,200: 1.1349.
    assertThat(plan.after().healthFactor()).isEqualTo(new BigInteger("1134900000000000000"));
  }

  /**
   * v3.3.0's dust rule counts the protocol fee as gone: 5 WETH at $2,000 against 9,800 USDC (LT 83%,
   * LB 5%, fee 10% of the bonus; HF 0.847, so the whole debt may be covered). Covering 8,590.476190
   * USDC seizes 4.50999999975 WETH, of which 0.021476190475 is the fee: the liquidator's share alone
   * would leave $1,022.95, but the borrower keeps 0.49000000025 WETH = $980.00, under $1,000.
   */
  @Test
  void dustRuleSubtractsTheProtocolFeeFromTheLeftoverCollateral() {
    ReserveConfig usdc = ReserveConfig.usdc();
    List<Position> positions = List.of(
        new Position(ReserveConfig.weth(), usd("2000"), Amount.of("5").wei(), BigInteger.ZERO),
        new Position(usdc, AaveMath.ONE_DOLLAR, BigInteger.ZERO, BigInteger.valueOf(9_800_000_000L)));
    BigInteger cover = BigInteger.valueOf(8_590_476_190L);
    var refused = org.assertj.core.api.Assertions.catchThrowableOfType(AaveViolation.class,
        () -> LiquidationLogic.plan(AccountId.of("a"), positions, null, noliq.math.book.Token.ETH, usdc.asset(), cover));
    assertThat(refused).isNotNull();
    assertThat(refused.reason()).isInstanceOf(AaveError.MustNotLeaveDust.class);
    var dust = (AaveError.MustNotLeaveDust) refused.reason();
    assertThat(dust.collateralLeftBase()).isEqualTo(usd("980.0000005"));
    assertThat(AaveMath.dollars(dust.collateralLeftBase())).startsWith("$980.00");
    assertThat(dust.debtLeftBase()).isEqualTo(usd("1209.52381"));
    // The split itself: what the liquidator alone takes would have left $1,022.95.
    var c = LiquidationLogic.collateralToLiquidate(usd("2000"), 18, AaveMath.ONE_DOLLAR, 6, cover,
        Amount.of("5").wei(), 10500, 1000);
    assertThat(c.collateralTaken()).isEqualTo(new BigInteger("4509999999750000000"));
    assertThat(c.protocolFee()).isEqualTo(new BigInteger("21476190475000000"));
    assertThat(AaveMath.toBase(Amount.of("5").wei().subtract(c.collateralToLiquidator()), usd("2000"), 18))
        .isEqualTo(usd("1022.95238145"));
    // Covering 8,000 USDC leaves 5 - 4.2 = 0.8 WETH... $1,600 and $1,800 of debt: accepted.
    var ok = LiquidationLogic.plan(AccountId.of("a"), positions, null, noliq.math.book.Token.ETH, usdc.asset(),
        BigInteger.valueOf(8_000_000_000L));
    assertThat(ok.debtRepaid()).isEqualTo(BigInteger.valueOf(8_000_000_000L));
  }

  /**
   * _calculateAvailableCollateralToLiquidate's two conversions, {@code p_debt·debt·collUnit /
   * (p_coll·debtUnit)} and back, written as the contract writes them (products first, one
   * truncating division), give what {@link LiquidationLogic#collateralToLiquidate} gives, for
   * random prices, amounts and every pair of decimals among 0, 6, 8 and 18, whether the collateral
   * suffices or runs out; with a random protocol fee, the same collateral leaves the account
   * ({@code collateralTaken}) and the fee is {@code percentMul(taken − percentDiv(taken, LB), fee)}.
   */
  @Test
  void collateralConversionsMatchTheContractsProductsOverProducts() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(33);
    int[] decimals = {0, 6, 8, 18};
    for (int i = 0; i < 50_000; i++) {
      int cd = decimals[rnd.nextInt(decimals.length)];
      int dd = decimals[rnd.nextInt(decimals.length)];
      BigInteger collPrice = BigInteger.valueOf(1 + rnd.nextLong(1L << (1 + rnd.nextInt(50))));
      BigInteger debtPrice = BigInteger.valueOf(1 + rnd.nextLong(1L << (1 + rnd.nextInt(50))));
      BigInteger cover = new BigInteger(1 + rnd.nextInt(100), new java.util.Random(rnd.nextLong())).add(BigInteger.ONE);
      BigInteger balance = new BigInteger(1 + rnd.nextInt(100), new java.util.Random(rnd.nextLong()));
      BigInteger lb = BigInteger.valueOf(10_001 + rnd.nextInt(2_000));
      BigInteger collUnit = BigInteger.TEN.pow(cd);
      BigInteger debtUnit = BigInteger.TEN.pow(dd);
      BigInteger base = debtPrice.multiply(cover).multiply(collUnit).divide(collPrice.multiply(debtUnit));
      BigInteger max = AaveMath.percentMul(base, lb);
      BigInteger collateral = max.compareTo(balance) > 0 ? balance : max;
      BigInteger debt = max.compareTo(balance) > 0
          ? AaveMath.percentDiv(collPrice.multiply(balance).multiply(debtUnit).divide(debtPrice.multiply(collUnit)), lb)
          : cover;
      var c = LiquidationLogic.collateralToLiquidate(collPrice, cd, debtPrice, dd, cover, balance, lb.intValueExact(), 0);
      assertThat(c.collateralToLiquidator()).as("collateral, case %d", i).isEqualTo(collateral);
      assertThat(c.collateralTaken()).as("taken, case %d", i).isEqualTo(collateral);
      assertThat(c.debtToRepay()).as("debt, case %d", i).isEqualTo(debt);
      // With a protocol fee the same collateral leaves the account, split between liquidator and treasury.
      int feeBps = 1 + rnd.nextInt(3_000);
      var withFee = LiquidationLogic.collateralToLiquidate(collPrice, cd, debtPrice, dd, cover, balance,
          lb.intValueExact(), feeBps);
      BigInteger fee = AaveMath.percentMul(collateral.subtract(AaveMath.percentDiv(collateral, lb)),
          BigInteger.valueOf(feeBps));
      assertThat(withFee.protocolFee()).as("fee, case %d", i).isEqualTo(fee);
      assertThat(withFee.collateralToLiquidator()).as("to liquidator, case %d", i).isEqualTo(collateral.subtract(fee));
      assertThat(withFee.collateralTaken()).as("taken with a fee, case %d", i).isEqualTo(collateral);
    }
  }

  /**
   * The 50% cap converts half the total debt back to debt tokens with a truncating division: $1,000
   * and one base unit over a $3 token is 333.33333333666...e18, and the contract takes the floor
   * (…666), not the rounded-up value (…667).
   */
  @Test
  void closeFactorCapTruncatesAnInexactDivision() {
    BigInteger price = BigInteger.valueOf(300_000_000L);
    BigInteger total = usd("2000.00000002");
    var cf = LiquidationLogic.closeFactor(Amount.of("700").wei(), usd("2100"), usd("5000"), total, HF_096, price, 18);
    assertThat(cf.rule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(cf.maxLiquidatableDebt()).isEqualTo(new BigInteger("333333333336666666666"));
  }
}
