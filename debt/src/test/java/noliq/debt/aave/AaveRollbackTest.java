package noliq.debt.aave;

import static noliq.debt.aave.Market.ALICE;
import static noliq.debt.aave.Market.ETH;
import static noliq.debt.aave.Market.GHO;
import static noliq.debt.aave.Market.LIQUIDATOR;
import static noliq.debt.aave.Market.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import noliq.math.Amount;
import noliq.math.testing.AbortedTransactions;
import org.junit.jupiter.api.Test;

/**
 * The pool is all-or-nothing inside a caller's transaction (a liquidator bot, a study step): an
 * operation aborted after it ran leaves every reserve's per-user positions, totals and deficit,
 * and the book, as they were; run again for real, it gives the same result as on a pool that never
 * saw the aborted attempt.
 */
class AaveRollbackTest {

  static void abortedAfter(Market m, Runnable op) {
    AbortedTransactions.assertAbortLeavesUnchanged(m.book, () -> List.of(m.pool.snapshot(), m.book.snapshot()), op);
  }

  @Test
  void anAbortedSupplyBorrowAndRepayLeaveThePoolAsItWas() {
    Market m = new Market();
    abortedAfter(m, () -> m.pool.supply(ALICE, ETH, Amount.of("1")));
    m.open("1", "1000", "2000");
    abortedAfter(m, () -> m.pool.borrow(ALICE, USDC, Amount.of("100")));
    abortedAfter(m, () -> m.pool.repay(ALICE, ALICE, GHO, Amount.of("400")));
    abortedAfter(m, () -> m.pool.withdraw(ALICE, ETH, Amount.of("0.1")));
    assertThat(m.pool.debt(ALICE, GHO)).isEqualTo(Amount.of("1000"));
    assertThat(m.pool.totalDebt(GHO)).isEqualTo(Amount.of("1000"));
    assertThat(m.pool.debt(ALICE, USDC)).isEqualTo(Amount.ZERO);
    assertThat(m.pool.supplied(ALICE, ETH)).isEqualTo(Amount.of("1"));
  }

  @Test
  void anAbortedLiquidationWithADeficitLeavesNoDeficitAndReplaysTheSame() {
    // the case of AaveLiquidationTest.collateralShortfallBecomesDeficitInEveryDebtReserve
    Market m = new Market();
    m.open("1", "1900", "100000");
    m.pool.borrow(ALICE, USDC, Amount.of("100"));
    m.price(ETH, "1500");
    abortedAfter(m, () -> m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER, true));
    assertThat(m.pool.deficit(GHO)).isEqualTo(Amount.ZERO);
    assertThat(m.pool.deficit(USDC)).isEqualTo(Amount.ZERO);
    assertThat(m.pool.supplied(LIQUIDATOR, ETH)).isEqualTo(Amount.ZERO);
    var call = m.pool.liquidate(LIQUIDATOR, ALICE, ETH, GHO, Pool.MAX_DEBT_TO_COVER, true);
    // the same figures as on a pool that never saw the attempt
    assertThat(call.debtRepaid()).isEqualTo(Amount.of("1428.571428571428571429"));
    assertThat(m.pool.deficit(GHO)).isEqualTo(Amount.of("471.428571428571428571"));
    assertThat(m.pool.deficit(USDC)).isEqualTo(Amount.of("100"));
    // received as aTokens: 1 ETH less the 10% fee on the bonus
    assertThat(m.pool.supplied(LIQUIDATOR, ETH)).isEqualTo(Amount.of("0.995238095238095238"));
  }
}
