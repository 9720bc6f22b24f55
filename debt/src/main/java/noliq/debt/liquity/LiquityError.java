package noliq.debt.liquity;

import noliq.math.Decimals;
import java.math.BigInteger;

/** Why the Liquity engine refused an operation; each names the field and the rule it broke. */
public sealed interface LiquityError {
  String field();

  String rule();

  private static String pct(BigInteger ratio) {
    if (ratio.bitLength() > 200) {
      return "infinite";
    }
    return Decimals.format(ratio.multiply(BigInteger.valueOf(100)), 18) + "%";
  }

  record NonPositive(String field, Object was) implements LiquityError {
    public String rule() {
      return "must be positive (was " + was + ")";
    }
  }

  /** A v2 trove's annual interest rate outside [MIN_ANNUAL_INTEREST_RATE, MAX_ANNUAL_INTEREST_RATE]. */
  record InterestRateOutOfRange(BigInteger rate, BigInteger min, BigInteger max) implements LiquityError {
    public String field() {
      return "annualInterestRate";
    }

    public String rule() {
      return "must be between " + pct(min) + " and " + pct(max) + " a year (was " + pct(rate) + ")";
    }
  }

  record NoPrice() implements LiquityError {
    public String field() {
      return "price";
    }

    public String rule() {
      return "no price has been set yet";
    }
  }

  record UnknownTrove(String owner) implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "has no active trove (" + owner + ")";
    }
  }

  record TroveExists(String owner) implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "already has an active trove (" + owner + ")";
    }
  }

  record BelowMinNetDebt(BigInteger netDebt, BigInteger min) implements LiquityError {
    public String field() {
      return "debt";
    }

    public String rule() {
      return "net debt " + Decimals.format(netDebt, 18) + " is below the minimum " + Decimals.format(min, 18);
    }
  }

  record IcrBelow(String field, BigInteger icr, BigInteger limit, String name) implements LiquityError {
    public String rule() {
      return "would leave the trove's ICR at " + pct(icr) + ", below the " + name + " of " + pct(limit);
    }
  }

  record TcrBelowCcr(String field, BigInteger tcr, BigInteger ccr) implements LiquityError {
    public String rule() {
      return "would bring the system's TCR to " + pct(tcr) + ", below the CCR of " + pct(ccr);
    }
  }

  record ForbiddenInRecoveryMode(String field, String what) implements LiquityError {
    public String rule() {
      return what + " is not allowed in Recovery Mode";
    }
  }

  record IcrMustNotDecrease(BigInteger before, BigInteger after) implements LiquityError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "must not lower the ICR in Recovery Mode (from " + pct(before) + " to " + pct(after) + ")";
    }
  }

  record RepaysTooMuch(BigInteger amount, BigInteger max) implements LiquityError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds the repayable debt " + Decimals.format(max, 18) + " (was " + Decimals.format(amount, 18)
          + "; the rest is the gas compensation and the minimum debt)";
    }
  }

  record WithdrawsTooMuch(BigInteger amount, BigInteger coll) implements LiquityError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "exceeds the trove's collateral " + Decimals.format(coll, 18) + " (was " + Decimals.format(amount, 18) + ")";
    }
  }

  record OnlyOneTrove() implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "is the only trove in the system, which cannot be closed or liquidated";
    }
  }

  record NotLiquidatable(String owner, BigInteger icr, String why) implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "trove " + owner + " cannot be liquidated: ICR " + pct(icr) + " " + why;
    }
  }

  record NoDeposit(String depositor) implements LiquityError {
    public String field() {
      return "depositor";
    }

    public String rule() {
      return "has no deposit in the Stability Pool (" + depositor + ")";
    }
  }

  record UndercollateralizedTroves() implements LiquityError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "cannot be withdrawn from the Stability Pool while a trove is below the MCR";
    }
  }

  record NothingToClaim(String owner) implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "has no collateral surplus to claim (" + owner + ")";
    }
  }

  record NoStakes() implements LiquityError {
    public String field() {
      return "owner";
    }

    public String rule() {
      return "cannot be liquidated by redistribution: no other trove has stake";
    }
  }

  record LeavesPoolBelowMinimum(BigInteger minimum) implements LiquityError {
    public String field() {
      return "amount";
    }

    public String rule() {
      return "would leave less than " + Decimals.format(minimum, 18) + " in the Stability Pool";
    }
  }
}
