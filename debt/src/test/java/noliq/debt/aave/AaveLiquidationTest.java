package noliq.debt.aave;

import static noliq.debt.aave.Market.ALICE;
import static noliq.debt.aave.Market.ETH;
import static noliq.debt.aave.Market.GHO;
import static noliq.debt.aave.Market.LIQUIDATOR;
import static noliq.debt.aave.Market.USDC;
import static noliq.debt.aave.Market.WSTETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import noliq.debt.aave.LiquidationLogic.CloseFactorRule;
import noliq.math.Amount;
import noliq.math.Decimals;
import org.junit.jupiter.api.Test;

/** The v3.3 rules on worked examples; every expected number is worked out by hand in the comment above it. */
class AaveLiquidationTest {
  private static BigInteger wad(String decimal) {
    return Decimals.parse(decimal, 18, "hf");
  }

  private static BigInteger usd(String decimal) {
    return Decimals.parse(decimal, 8, "usd");
  }

  @Test
  void halfCloseFactorFeeSplitAndHealthFactorAfter() {
    Market m = new Market();
    // 10 ETH at $2,000 = $20,000; x 0.83 = $16,600 against $17,000 of GHO: HF = 0.97647058823529411(76) -> half up.
    m.open("10", "17000", "2000");
    assertThat(m.alice().healthFactor()).isEqualTo(wad("0.976470588235294118"));
    assertThat(m.alice().totalCollateralBase()).isEqualTo(usd("20000"));

    Amount liquidatorEthBefore = m.book.balanceOf(LIQUIDATOR, ETH);
    var call = m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER, false);

    // Both positions >= $2,000 and HF > 0.95: at most 50 % of the $17,000 total = 8,500 GHO.
    assertThat(call.closeFactorRule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(call.debtRepaid()).isEqualTo(Amount.of("8500"));
    // 8,500 / 2,000 = 4.25 ETH, x 1.05 = 4.4625 ETH seized; bonus 0.2125 ETH, fee 10 % of it = 0.02125 ETH.
    assertThat(call.protocolFee()).isEqualTo(Amount.of("0.02125"));
    assertThat(call.collateralToLiquidator()).isEqualTo(Amount.of("4.44125"));
    assertThat(m.pool.supplied(ALICE, ETH)).isEqualTo(Amount.of("5.5375"));
    assertThat(m.pool.supplied(m.pool.treasury(), ETH)).isEqualTo(Amount.of("0.02125"));
    assertThat(m.book.balanceOf(LIQUIDATOR, ETH)).isEqualTo(liquidatorEthBefore.plus(Amount.of("4.44125")));
    assertThat(m.pool.debt(ALICE, GHO)).isEqualTo(Amount.of("8500"));
    // 5.5375 ETH x 2,000 x 0.83 = 9,192.25 / 8,500 = 1.08144117647058823(53) -> half up.
    assertThat(call.healthFactorAfter()).isEqualTo(wad("1.081441176470588235"));
    assertThat(call.deficits()).isEmpty();
  }

  @Test
  void closeFactorSwitchesToFullAtHealthFactorNinetyFivePercent() {
    // 10 ETH at $1,900 x 0.83 = $15,770. Debt 16,600 gives HF 0.95 exactly: the whole debt may be repaid.
    Market at = new Market();
    at.open("10", "16600", "1900");
    assertThat(at.alice().healthFactor()).isEqualTo(LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD);
    var full = at.pool.previewLiquidation(ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER);
    assertThat(full.closeFactor().rule()).isEqualTo(CloseFactorRule.HEALTH_FACTOR_AT_MOST_0_95);
    assertThat(full.debtRepaid()).isEqualTo(wei("16600"));

    // One dollar less debt: HF 0.95005723... > 0.95, so only half of the total: 8,299.5 GHO.
    Market above = new Market();
    above.open("10", "16599", "1900");
    assertThat(above.alice().healthFactor()).isGreaterThan(LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD);
    var half = above.pool.previewLiquidation(ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER);
    assertThat(half.closeFactor().rule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(half.debtRepaid()).isEqualTo(wei("8299.5"));
  }

  @Test
  void closeFactorIsFullWhenTheDebtReservePositionIsBelowTwoThousandDollars() {
    // 1.75 ETH at $2,000 = $3,500 x 0.83 = $2,905 against $3,000 of debt: HF 0.968 (> 0.95).
    Market below = new Market();
    below.open("1.75", "1999.99999999", "100000");
    below.pool.borrow(ALICE, USDC, Amount.of("1000.00000001").minus(Amount.of("0.00000001")));
    below.price(ETH, "2000");
    var small = below.pool.previewLiquidation(ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER);
    assertThat(below.alice().healthFactor()).isGreaterThan(LiquidationLogic.CLOSE_FACTOR_HF_THRESHOLD);
    // The GHO position is worth $1,999.99999999 < $2,000: all of it may be repaid.
    assertThat(small.closeFactor().rule()).isEqualTo(CloseFactorRule.POSITION_BELOW_2000);
    assertThat(small.debtRepaid()).isEqualTo(wei("1999.99999999"));

    // Exactly $2,000 of GHO (and $1,000 USDC): both positions count, GHO is above half of $3,000: 1,500.
    Market at = new Market();
    at.open("1.75", "2000", "100000");
    at.pool.borrow(ALICE, USDC, Amount.of("1000"));
    at.price(ETH, "2000");
    var big = at.pool.previewLiquidation(ALICE, ETH, GHO, Amount.of("1000"));
    assertThat(big.closeFactor().rule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(big.closeFactor().maxLiquidatableDebt()).isEqualTo(wei("1500"));
    // A quirk of v3.3 kept on purpose: repaying the full 1,500 allowed would leave $500 of GHO debt, which
    // the dust rule forbids, so the largest liquidation the close factor allows is refused.
    assertThatThrownBy(() -> at.pool.previewLiquidation(ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER))
        .isInstanceOfSatisfying(AaveViolation.class,
            e -> assertThat(e.reason()).isEqualTo(new AaveError.MustNotLeaveDust(usd("500"), usd("1925"))));
    // The USDC position ($1,000) is below half the total: all of it, whatever the thresholds.
    var usdc = at.pool.previewLiquidation(ALICE, ETH, USDC, Pool.MAX_DEBT_TO_COVER);
    assertThat(usdc.closeFactor().rule()).isEqualTo(CloseFactorRule.POSITION_BELOW_2000);
    assertThat(usdc.debtRepaid()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
  }

  @Test
  void closeFactorLooksAtTheCollateralReservePositionNotTheTotal() {
    // 1.1 ETH ($2,200) and 0.65 wstETH ($1,300); $3,000 of GHO. The average LT is truncated to whole basis
    // points, (2,200 x 8,300 + 1,300 x 8,100) / 3,500 = 8,225(.71), so HF = 3,500 x 0.8225 / 3,000 = 0.9595833...
    Market m = new Market();
    m.price(WSTETH, "100000");
    m.pool.supply(ALICE, WSTETH, Amount.of("0.65"));
    m.open("1.1", "3000", "2000");
    m.price(WSTETH, "2000");
    assertThat(m.alice().healthFactor()).isEqualTo(wad("0.959583333333333333"));
    // Against ETH ($2,200 >= $2,000): half of the total debt.
    var eth = m.pool.previewLiquidation(ALICE, ETH, GHO, Amount.of("500"));
    assertThat(eth.closeFactor().rule()).isEqualTo(CloseFactorRule.HALF_OF_TOTAL_DEBT);
    assertThat(eth.closeFactor().maxLiquidatableDebt()).isEqualTo(wei("1500"));
    // Against wstETH ($1,300 < $2,000): the whole GHO debt may be covered, but the collateral runs out first:
    // all 0.65 wstETH is taken and the debt repaid is $1,300 / 1.06 = 1,226.41509433962264150(9) -> half up.
    var wst = m.pool.previewLiquidation(ALICE, WSTETH, GHO, Pool.MAX_DEBT_TO_COVER);
    assertThat(wst.closeFactor().rule()).isEqualTo(CloseFactorRule.POSITION_BELOW_2000);
    assertThat(wst.collateral().collateralTaken()).isEqualTo(wei("0.65"));
    assertThat(wst.debtRepaid()).isEqualTo(new BigInteger("1226415094339622641509"));
    assertThat(wst.deficits()).isEmpty();
  }

  @Test
  void partialLiquidationMustLeaveOneThousandDollarsOrClearThePosition() {
    // 1.2 ETH at $2,000 ($2,400 x 0.83 = $1,992) against 2,100 GHO: HF 0.9486 <= 0.95, full close factor.
    Market m = new Market();
    m.open("1.2", "2100", "2000");
    var pool = m.pool.snapshot();
    var book = m.book.snapshot();
    // Repaying 1,500 would leave $600 of debt. Collateral left, as v3.3.0 measures it (liquidator's share and
    // protocol fee both gone): 1.2 - 0.7875 = 0.4125 ETH = $825.
    assertThatThrownBy(() -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Amount.of("1500"), false))
        .isInstanceOfSatisfying(AaveViolation.class, e -> assertThat(e.reason())
            .isEqualTo(new AaveError.MustNotLeaveDust(usd("600"), usd("825"))))
        .hasMessage("debtToCover: must clear the debt or the collateral, or leave at least $1000 of each "
            + "(would leave $600 of debt and $825 of collateral)");
    assertThat(m.pool.snapshot()).isEqualTo(pool);
    assertThat(m.book.snapshot()).isEqualTo(book);

    // Repaying 1,000 leaves $1,100 of debt and $1,350 of collateral (1.2 - 0.525 ETH): allowed.
    var partial = m.pool.previewLiquidation(ALICE, ETH, GHO, Amount.of("1000"));
    assertThat(partial.debtRepaid()).isEqualTo(wei("1000"));
    // Clearing the whole 2,100 is allowed too: 1.1025 ETH taken, 0.0975 ETH left.
    var call = m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Amount.of("2100"), false);
    assertThat(call.debtRepaid()).isEqualTo(Amount.of("2100"));
    assertThat(m.pool.supplied(ALICE, ETH)).isEqualTo(Amount.of("0.0975"));
    assertThat(m.pool.debt(ALICE, GHO)).isEqualTo(Amount.ZERO);
    assertThat(m.alice().healthFactor()).isEqualTo(AaveMath.HEALTH_FACTOR_INFINITE);
  }

  @Test
  void collateralShortfallBecomesDeficitInEveryDebtReserve() {
    // 1 ETH backs 1,900 GHO and 100 USDC; ETH falls to $1,500: HF = 1,245 / 2,000 = 0.6225.
    Market m = new Market();
    m.open("1", "1900", "100000");
    m.pool.borrow(ALICE, USDC, Amount.of("100"));
    m.price(ETH, "1500");
    assertThat(m.alice().healthFactor()).isEqualTo(wad("0.6225"));

    var call = m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER, false);
    // 1,900 GHO would need 1.33 ETH: all 1 ETH is taken, and the debt repaid is $1,500 / 1.05
    // = 1,428.571428571428571428(57) -> half up.
    assertThat(call.debtRepaid()).isEqualTo(Amount.of("1428.571428571428571429"));
    // Bonus 1 - 1/1.05 = 0.047619047619047619 ETH; fee 10 % = 0.0047619047619047619 -> half up.
    assertThat(call.protocolFee()).isEqualTo(Amount.of("0.004761904761904762"));
    assertThat(call.collateralToLiquidator()).isEqualTo(Amount.of("0.995238095238095238"));
    // Nothing is left, so the rest of the GHO debt and the whole USDC debt become deficits.
    assertThat(call.deficits()).containsExactly(
        new AaveEvent.DeficitCreated(ALICE, GHO, Amount.of("471.428571428571428571")),
        new AaveEvent.DeficitCreated(ALICE, USDC, Amount.of("100")));
    assertThat(m.pool.deficit(GHO)).isEqualTo(Amount.of("471.428571428571428571"));
    assertThat(m.pool.deficit(USDC)).isEqualTo(Amount.of("100"));
    assertThat(m.pool.debt(ALICE, GHO)).isEqualTo(Amount.ZERO);
    assertThat(m.pool.debt(ALICE, USDC)).isEqualTo(Amount.ZERO);
    assertThat(m.pool.supplied(ALICE, ETH)).isEqualTo(Amount.ZERO);
    assertThat(m.events).contains(call.deficits().get(0), call.deficits().get(1), call);
    assertThat(m.events.indexOf(call)).isGreaterThan(m.events.indexOf(call.deficits().get(1)));
  }

  @Test
  void eModeUsesItsOwnLtvThresholdAndBonus() {
    Market m = new Market();
    m.pool.setUserEMode(ALICE, 1);
    m.pool.supply(ALICE, WSTETH, Amount.of("10"));
    // LTV 93 %: 9.3 ETH against 10 wstETH at equal prices is the limit.
    assertThatThrownBy(() -> m.pool.borrow(ALICE, ETH, Amount.of("9.31")))
        .isInstanceOfSatisfying(AaveViolation.class,
            e -> assertThat(e.reason()).isInstanceOf(AaveError.CollateralCannotCoverBorrow.class));
    m.pool.borrow(ALICE, ETH, Amount.of("9.3"));
    assertThatThrownBy(() -> m.pool.borrow(ALICE, GHO, Amount.of("1")))
        .hasMessage("asset: GHO cannot be borrowed in e-mode category 1");
    // wstETH slips to $1,900: HF = 19,000 x 0.95 / 18,600 = 0.97043010752688172(04).
    m.price(WSTETH, "1900");
    assertThat(m.alice().healthFactor()).isEqualTo(wad("0.970430107526881720"));
    var plan = m.pool.previewLiquidation(ALICE, WSTETH, ETH, Pool.MAX_DEBT_TO_COVER);
    assertThat(plan.liquidationBonusBps()).isEqualTo(10100);
    assertThat(plan.debtRepaid()).isEqualTo(wei("4.65"));
    // 4.65 x 2,000 / 1,900 = 4.894736842105263157 (truncated), x 1.01 = 4.943684210526315789 (half up).
    assertThat(plan.collateral().collateralTaken()).isEqualTo(new BigInteger("4943684210526315789"));
    // Leaving e-mode would put the account at LT 81 %: refused.
    assertThatThrownBy(() -> m.pool.setUserEMode(ALICE, 0))
        .isInstanceOfSatisfying(AaveViolation.class,
            e -> assertThat(e.reason()).isInstanceOf(AaveError.HealthFactorTooLow.class));
    assertThat(m.pool.userEMode(ALICE)).isEqualTo(1);
  }

  @Test
  void liquidationImprovesTheHealthFactorOnlyAboveLtTimesLb() {
    // HF' - HF = r (HF - LT*LB) / (B - r): with LT 0.83 and LB 1.05 the pivot is 0.8715.
    // 10,000 GHO of debt, 1,000 repaid, collateral C ETH at $2,000, so HF = C x 1,660 / 10,000.
    record Case(String eth, int sign) {}
    for (Case c : new Case[] {
        new Case("5", -1), new Case("5.2", -1), new Case("5.25", 0), new Case("5.3", 1), new Case("5.7", 1)}) {
      Market m = new Market();
      m.open(c.eth(), "10000", "2000");
      AccountData before = m.alice();
      var plan = m.pool.previewLiquidation(ALICE, ETH, GHO, Amount.of("1000"));
      double hf = before.healthFactorAsDouble();
      double expected = hf + 1000 * (hf - 0.83 * 1.05) / (10000 - 1000);
      assertThat(plan.after().healthFactorAsDouble()).as("HF after from %s", hf).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(1e-15));
      assertThat(plan.after().healthFactor().compareTo(before.healthFactor()))
          .as("direction at HF %s", hf).isEqualTo(c.sign());
      assertThat(Integer.signum(Double.compare(hf, 0.8715))).isEqualTo(c.sign());
    }
    // E-mode pivot: 0.95 x 1.01 = 0.9595.
    assertThat(AaveMath.percentMul(BigInteger.valueOf(9500), BigInteger.valueOf(10100))).isEqualTo(BigInteger.valueOf(9595));
    assertThat(AaveMath.percentMul(BigInteger.valueOf(8300), BigInteger.valueOf(10500))).isEqualTo(BigInteger.valueOf(8715));
  }

  @Test
  void launchParametersMoveThePivotToLtTimesLbOf0_90472() {
    // WETH at launch: LT 86 %, LB 5.2 %: 0.86 x 1.052 = 0.90472. 10 ETH at $2,000 x 0.86 = $17,200.
    for (String[] c : new String[][] {{"19000", "1"}, {"19100", "-1"}}) { // HF 0.90526..., 0.90052...
      Market m = new Market(ReserveConfig.wethAtLaunch());
      m.open("10", c[0], "2000");
      var plan = m.pool.previewLiquidation(ALICE, ETH, GHO, Amount.of("1000"));
      assertThat(plan.after().healthFactor().compareTo(plan.before().healthFactor())).isEqualTo(Integer.parseInt(c[1]));
    }
  }

  private static BigInteger wei(String tokens) {
    return Amount.of(tokens).wei();
  }
}
