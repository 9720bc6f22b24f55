package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.Amount;
import noliq.math.Decimals;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * Why the Aave pool refused an operation. Each reason names the field at fault and the rule it
 * broke; {@link AaveViolation} carries one. The names follow Aave's {@code Errors} library where
 * it has one (e.g. {@link MustNotLeaveDust} is {@code MUST_NOT_LEAVE_DUST}).
 */
public sealed interface AaveError {
  /** The field, option or parameter at fault. */
  String field();

  /** The broken rule, phrased so that {@code field + ": " + rule} reads as a sentence. */
  String rule();

  record UnknownReserve(String field, Token asset) implements AaveError {
    public String rule() {
      return "no reserve is listed for " + asset;
    }
  }

  record ReserveAlreadyListed(Token asset) implements AaveError {
    public String field() {
      return "asset";
    }

    public String rule() {
      return asset + " is already listed";
    }
  }

  record InvalidParameter(String field, String rule) implements AaveError {}

  record NotPositive(String field, Amount value) implements AaveError {
    public String rule() {
      return "must be positive (was " + value + ")";
    }
  }

  record TooPrecise(String field, Token asset, int decimals, Amount value) implements AaveError {
    public String rule() {
      return "has more decimals than " + asset + "'s " + decimals + " (was " + value + ")";
    }
  }

  record PriceNotPositive(Token asset, Price price) implements AaveError {
    public String field() {
      return "price";
    }

    public String rule() {
      return "must be at least 0.00000001 (the oracle's 8 decimals) for " + asset + " (was " + price + ")";
    }
  }

  record PriceMissing(Token asset) implements AaveError {
    public String field() {
      return "price";
    }

    public String rule() {
      return asset + " has no oracle price yet";
    }
  }

  /** {@code HEALTH_FACTOR_NOT_BELOW_THRESHOLD}: only a health factor below 1 can be liquidated. */
  record HealthyPosition(AccountId user, BigInteger healthFactor) implements AaveError {
    public String field() {
      return "user";
    }

    public String rule() {
      return user + " cannot be liquidated: health factor " + AaveMath.healthFactor(healthFactor)
          + " is not below 1";
    }
  }

  /** {@code COLLATERAL_CANNOT_BE_LIQUIDATED}. */
  record CollateralCannotBeLiquidated(AccountId user, Token asset) implements AaveError {
    public String field() {
      return "collateralAsset";
    }

    public String rule() {
      return user + " holds no " + asset + " that counts as collateral";
    }
  }

  /** {@code SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER} (and {@code NO_DEBT_OF_SELECTED_TYPE} on repay). */
  record NoDebt(String field, AccountId user, Token asset) implements AaveError {
    public String rule() {
      return user + " has no " + asset + " debt";
    }
  }

  /** {@code MUST_NOT_LEAVE_DUST}: a partial liquidation must leave $1,000 of debt and of collateral. */
  record MustNotLeaveDust(BigInteger debtLeftBase, BigInteger collateralLeftBase) implements AaveError {
    public String field() {
      return "debtToCover";
    }

    public String rule() {
      return "must clear the debt or the collateral, or leave at least "
          + AaveMath.dollars(LiquidationLogic.MIN_LEFTOVER_BASE) + " of each (would leave "
          + AaveMath.dollars(debtLeftBase) + " of debt and " + AaveMath.dollars(collateralLeftBase)
          + " of collateral)";
    }
  }

  /** {@code COLLATERAL_BALANCE_IS_ZERO}. */
  record NoCollateral(AccountId user) implements AaveError {
    public String field() {
      return "user";
    }

    public String rule() {
      return user + " has no collateral to borrow against";
    }
  }

  /** {@code LTV_VALIDATION_FAILED}. */
  record ZeroLtv(AccountId user) implements AaveError {
    public String field() {
      return "user";
    }

    public String rule() {
      return user + "'s collateral has a loan-to-value of 0, so it cannot back a borrow";
    }
  }

  /** {@code HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD}. */
  record HealthFactorTooLow(String field, AccountId user, BigInteger healthFactor) implements AaveError {
    public String rule() {
      return "would leave " + user + " with health factor " + AaveMath.healthFactor(healthFactor)
          + ", below 1";
    }
  }

  /** {@code HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD} on a borrow: the account is already at or below 1. */
  record HealthFactorNotAboveOne(AccountId user, BigInteger healthFactor) implements AaveError {
    public String field() {
      return "user";
    }

    public String rule() {
      return user + "'s health factor " + AaveMath.healthFactor(healthFactor) + " must be above 1 to borrow";
    }
  }

  /** {@code COLLATERAL_CANNOT_COVER_NEW_BORROW}: the borrow would exceed the loan-to-value. */
  record CollateralCannotCoverBorrow(BigInteger collateralNeededBase, BigInteger collateralBase, int ltvBps)
      implements AaveError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds the borrowing power: at a loan-to-value of " + AaveMath.percent(ltvBps)
          + " the debt needs " + AaveMath.dollars(collateralNeededBase) + " of collateral, "
          + "the account holds " + AaveMath.dollars(collateralBase);
    }
  }

  /** Not enough cash in the reserve (the borrowed share is not there to withdraw or seize). */
  record InsufficientLiquidity(Token asset, BigInteger available, int decimals) implements AaveError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds the " + asset + " available in the reserve (" + Decimals.format(available, decimals) + ")";
    }
  }

  /** {@code NOT_ENOUGH_AVAILABLE_USER_BALANCE}. */
  record ExceedsSupplied(AccountId user, Token asset, BigInteger supplied, int decimals) implements AaveError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds " + user + "'s " + asset + " supply (" + Decimals.format(supplied, decimals) + ")";
    }
  }

  record UnknownEModeCategory(int id) implements AaveError {
    public String field() {
      return "category";
    }

    public String rule() {
      return "no e-mode category " + id + " is defined";
    }
  }

  /** {@code NOT_BORROWABLE_IN_EMODE}. */
  record NotBorrowableInEMode(Token asset, int category) implements AaveError {
    public String field() {
      return "asset";
    }

    public String rule() {
      return asset + " cannot be borrowed in e-mode category " + category;
    }
  }
}
