package noliq.debt.liquity;

import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;

/** What the Liquity engine did, one record per accepted operation. Amounts are exact. */
public sealed interface LiquityEvent {
  record PriceUpdated(Price price) implements LiquityEvent {}

  /** A trove was opened: {@code debt} includes the fee and the gas compensation. */
  record TroveOpened(AccountId owner, Amount coll, Amount borrowed, Amount fee, Amount debt, Amount stake)
      implements LiquityEvent {}

  /** What an adjustment did; {@code coll} and {@code debt} are the trove's new totals. */
  enum Adjustment { ADD_COLLATERAL, WITHDRAW_COLLATERAL, BORROW, REPAY, INTEREST }

  record TroveAdjusted(AccountId owner, Adjustment kind, Amount amount, Amount fee, Amount coll, Amount debt)
      implements LiquityEvent {}

  /** A trove's owner set its annual interest rate (v2) [18 decimals: 5e16 is 5 % a year]. */
  record InterestRateSet(AccountId owner, java.math.BigInteger annualRate) implements LiquityEvent {}

  record TroveClosed(AccountId owner, Amount collReturned, Amount debtRepaid) implements LiquityEvent {}

  /** A trove was liquidated by {@code liquidator}; {@code split} says where each part went. */
  record TroveLiquidated(AccountId owner, AccountId liquidator, LiquidationSplit split) implements LiquityEvent {}

  /** A Stability Pool deposit changed; {@code ethGain} was paid out to the depositor at the same time. */
  record PoolDeposited(AccountId depositor, Amount amount, Amount ethGain, Amount newDeposit) implements LiquityEvent {}

  record PoolWithdrawn(AccountId depositor, Amount amount, Amount ethGain, Amount newDeposit) implements LiquityEvent {}

  record SurplusClaimed(AccountId owner, Amount coll) implements LiquityEvent {}
}
