package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.Decimals;

/**
 * What {@code Pool.getUserAccountData} returns: totals in the base currency (8 decimals), the
 * collateral-weighted average LTV and liquidation threshold (basis points), and the health factor
 * (WAD; {@link AaveMath#HEALTH_FACTOR_INFINITE} without debt).
 */
public record AccountData(
    BigInteger totalCollateralBase,
    BigInteger totalDebtBase,
    int averageLtvBps,
    int averageLiquidationThresholdBps,
    BigInteger healthFactor,
    boolean hasZeroLtvCollateral) {

  /** Liquidation is allowed only below a health factor of 1. */
  public boolean isLiquidatable() {
    return healthFactor.compareTo(AaveMath.HEALTH_FACTOR_ONE) < 0;
  }

  /** The health factor as a double, for display and statistics ({@code +Infinity} without debt). */
  public double healthFactorAsDouble() {
    return healthFactor.equals(AaveMath.HEALTH_FACTOR_INFINITE)
        ? Double.POSITIVE_INFINITY
        : Decimals.toDouble(healthFactor, 18);
  }
}
