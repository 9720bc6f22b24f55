package noliq.debt.aave;

import java.math.BigInteger;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * Everything the Aave pool accepted, one record per operation (after Aave's own events), so that a
 * node can journal them. Token amounts are {@link Amount}s; values in the base currency and health
 * factors keep Aave's scales (8 decimals, WAD).
 */
public sealed interface AaveEvent {
  record ReserveListed(ReserveConfig config) implements AaveEvent {}

  record EModeCategorySet(EModeCategory category) implements AaveEvent {}

  /** The oracle's new price, as stored (8 decimals). */
  record PriceUpdated(Token asset, Price requested, BigInteger priceBase) implements AaveEvent {}

  record Supplied(AccountId user, Token asset, Amount amount) implements AaveEvent {}

  record Withdrawn(AccountId user, Token asset, Amount amount) implements AaveEvent {}

  record Borrowed(AccountId user, Token asset, Amount amount, BigInteger healthFactorAfter) implements AaveEvent {}

  record Repaid(AccountId payer, AccountId onBehalfOf, Token asset, Amount amount) implements AaveEvent {}

  /** A reserve's rate curve and reserve factor were set; {@code rate} is its variable borrow rate now [ray]. */
  record InterestRateStrategySet(Token asset, InterestRateStrategy strategy, int reserveFactorBps, BigInteger rate)
      implements AaveEvent {}

  /**
   * {@code seconds} of interest at {@code rate} [ray a year]: debts grew by {@code factor} [ray],
   * {@code increase} in all, of which {@code toTreasury} went to the treasury's supply and the rest
   * to the suppliers; {@code newRate} is the rate set afterwards.
   */
  record InterestAccrued(Token asset, long seconds, BigInteger rate, BigInteger factor, Amount increase,
      Amount toTreasury, BigInteger newRate) implements AaveEvent {}

  record UserEModeSet(AccountId user, int category) implements AaveEvent {}

  /** Debt of a collateral-less account written off into the reserve's deficit. */
  record DeficitCreated(AccountId user, Token asset, Amount amount) implements AaveEvent {}

  /**
   * A liquidation. {@code collateralToLiquidator + protocolFee} left the user's collateral; the
   * liquidator paid {@code debtRepaid}; {@code deficits} (also published on their own) wrote off
   * the rest of the user's debt when no collateral was left.
   */
  record LiquidationCall(
      Token collateralAsset,
      Token debtAsset,
      AccountId user,
      AccountId liquidator,
      Amount debtRepaid,
      Amount collateralToLiquidator,
      Amount protocolFee,
      boolean receiveAToken,
      LiquidationLogic.CloseFactorRule closeFactorRule,
      BigInteger healthFactorBefore,
      BigInteger healthFactorAfter,
      List<DeficitCreated> deficits) implements AaveEvent {}
}
