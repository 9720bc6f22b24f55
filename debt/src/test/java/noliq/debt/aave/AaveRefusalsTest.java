package noliq.debt.aave;

import static noliq.debt.aave.Market.ALICE;
import static noliq.debt.aave.Market.BOB;
import static noliq.debt.aave.Market.ETH;
import static noliq.debt.aave.Market.GHO;
import static noliq.debt.aave.Market.LIQUIDATOR;
import static noliq.debt.aave.Market.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.Token;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message naming the field and the rule, and nothing changes. */
class AaveRefusalsTest {
  private final Market m = new Market();

  private void refused(ThrowingCallable call, String message) {
    refused(call, message, reason -> { });
  }

  private void refused(ThrowingCallable call, String message, Consumer<AaveError> reason) {
    var pool = m.pool.snapshot();
    var book = m.book.snapshot();
    int events = m.events.size();
    assertThatThrownBy(call).isInstanceOf(RuleViolation.class).hasMessage(message)
        .satisfies(e -> {
          if (e instanceof AaveViolation v) {
            reason.accept(v.reason());
          }
        });
    assertThat(m.pool.snapshot()).isEqualTo(pool);
    assertThat(m.book.snapshot()).isEqualTo(book);
    assertThat(m.events).hasSize(events);
  }

  @Test
  void unknownReserve() {
    Token dai = new Token("DAI");
    refused(() -> m.pool.supply(ALICE, dai, Amount.ONE), "asset: no reserve is listed for DAI",
        r -> assertThat(r).isEqualTo(new AaveError.UnknownReserve("asset", dai)));
    refused(() -> m.pool.setPrice(dai, Price.of(1)), "asset: no reserve is listed for DAI");
    refused(() -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, dai, Amount.ONE, false),
        "debtAsset: no reserve is listed for DAI");
    refused(() -> m.pool.listReserve(ReserveConfig.usdc()), "asset: USDC is already listed");
  }

  @Test
  void amountsMustBePositiveAndFitTheTokenDecimals() {
    assertThatThrownBy(() -> Amount.of("-1")).hasMessage("amount: must not be negative (was -1)");
    assertThatThrownBy(() -> Amount.ofWei(-5)).hasMessage("amount: must not be negative (was -5)");
    refused(() -> m.pool.supply(ALICE, ETH, Amount.ZERO), "amount: must be positive (was 0)",
        r -> assertThat(r).isEqualTo(new AaveError.NotPositive("amount", Amount.ZERO)));
    refused(() -> m.pool.borrow(ALICE, USDC, Amount.of("1.0000001")),
        "amount: has more decimals than USDC's 6 (was 1.0000001)");
    refused(() -> m.pool.supply(ALICE, USDC, Amount.ofWei(1)), "amount: must be positive (was 0.000000000000000001)");
  }

  @Test
  void pricesMustBePositiveAtTheOraclesEightDecimals() {
    refused(() -> m.pool.setPrice(ETH, Price.ZERO),
        "price: must be at least 0.00000001 (the oracle's 8 decimals) for ETH (was 0)");
    refused(() -> m.pool.setPrice(ETH, Price.of("0.000000009")),
        "price: must be at least 0.00000001 (the oracle's 8 decimals) for ETH (was 0.000000009)",
        r -> assertThat(r).isInstanceOf(AaveError.PriceNotPositive.class));
    m.pool.setPrice(ETH, Price.of("1234.123456789"));
    assertThat(m.pool.priceBase(ETH)).isEqualTo(java.math.BigInteger.valueOf(123412345678L));
  }

  @Test
  void liquidatingAHealthyPositionIsRefused() {
    m.pool.supply(ALICE, ETH, Amount.of("10"));
    m.pool.borrow(ALICE, GHO, Amount.of("10000"));
    // 20,000 x 0.83 / 10,000 = 1.66
    refused(() -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Amount.of("100"), false),
        "user: alice cannot be liquidated: health factor 1.66 is not below 1",
        r -> assertThat(r).isInstanceOf(AaveError.HealthyPosition.class));
    refused(() -> m.pool.liquidate(LIQUIDATOR, BOB, ETH, GHO, Amount.of("100"), false),
        "user: bob cannot be liquidated: health factor infinite is not below 1");
    m.price(ETH, "1000");
    refused(() -> m.pool.liquidate(LIQUIDATOR, ALICE, USDC, GHO, Amount.of("100"), false),
        "collateralAsset: alice holds no USDC that counts as collateral");
    refused(() -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, USDC, Amount.of("100"), false),
        "debtAsset: alice has no USDC debt");
    refused(() -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Amount.ZERO, false),
        "debtToCover: must be positive (was 0)");
    // A liquidator without the debt token: the book refuses, and the whole liquidation is undone.
    refused(() -> m.pool.liquidate(noliq.math.book.AccountId.of("poor"),
            ALICE, ETH, GHO, Amount.of("100"), false),
        "amount: exceeds the balance of poor (needs 100 GHO, holds 0)");
  }

  @Test
  void borrowingIsRefusedBeyondTheLoanToValue() {
    m.pool.supply(ALICE, ETH, Amount.of("1"));
    // $2,000 x 80 % = $1,600.
    refused(() -> m.pool.borrow(ALICE, GHO, Amount.of("1600.01")),
        "amount: exceeds the borrowing power: at a loan-to-value of 80% the debt needs $2000.0125 of "
            + "collateral, the account holds $2000");
    m.pool.borrow(ALICE, GHO, Amount.of("1600"));
    refused(() -> m.pool.borrow(BOB, GHO, Amount.of("1")), "user: bob has no collateral to borrow against");
    // 0.9 ETH x $2,000 x 0.83 = $1,494 against $1,600.
    refused(() -> m.pool.withdraw(ALICE, ETH, Amount.of("0.1")),
        "amount: would leave alice with health factor 0.93375, below 1");
    refused(() -> m.pool.repay(BOB, BOB, GHO, Amount.ONE), "onBehalfOf: bob has no GHO debt");
    refused(() -> m.pool.withdraw(BOB, ETH, Amount.ONE), "amount: exceeds bob's ETH supply (0)");
    refused(() -> m.pool.setUserEMode(ALICE, 7), "category: no e-mode category 7 is defined");
    refused(() -> m.pool.setUserEMode(ALICE, 1), "asset: GHO cannot be borrowed in e-mode category 1");
    // $1,500 x 0.83 / $1,600 = 0.778125: no new borrow, however small.
    m.price(ETH, "1500");
    refused(() -> m.pool.borrow(ALICE, USDC, Amount.of("1")),
        "user: alice's health factor 0.778125 must be above 1 to borrow",
        r -> assertThat(r).isInstanceOf(AaveError.HealthFactorNotAboveOne.class));
  }

  @Test
  void reserveParametersFollowThePoolConfiguratorChecks() {
    assertThatThrownBy(() -> new ReserveConfig(ETH, 18, 8400, 8300, 10500, 1000))
        .hasMessage("ltv: must not exceed the liquidation threshold (84% > 83%)");
    assertThatThrownBy(() -> new ReserveConfig(ETH, 18, 8000, 8300, 10000, 1000))
        .hasMessage("liquidationBonus: must be above 100% (e.g. 10500 for a 5% bonus; was 10000)");
    assertThatThrownBy(() -> new ReserveConfig(ETH, 18, 8000, 9700, 10500, 1000))
        .hasMessage("liquidationBonus: times the liquidation threshold must not exceed 100% (97% x 105%)");
    assertThatThrownBy(() -> new ReserveConfig(ETH, 19, 8000, 8300, 10500, 1000))
        .hasMessage("decimals: must be between 0 and 18 (was 19)");
  }

  @Test
  void repayTakesAtMostTheDebtAndWithdrawReturnsCollateral() {
    m.pool.supply(ALICE, ETH, Amount.of("1"));
    m.pool.borrow(ALICE, GHO, Amount.of("100"));
    var repaid = m.pool.repay(BOB, ALICE, GHO, Pool.MAX_DEBT_TO_COVER);
    assertThat(repaid.amount()).isEqualTo(Amount.of("100"));
    assertThat(m.pool.debt(ALICE, GHO)).isEqualTo(Amount.ZERO);
    m.pool.withdraw(ALICE, ETH, Amount.of("1"));
    assertThat(m.book.balanceOf(ALICE, ETH)).isEqualTo(Market.RICH);
    assertThat(m.pool.accounts()).doesNotContain(ALICE);
  }
}
