package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.book.Token;

/**
 * A reserve's risk parameters, at Aave's scales: percentages in basis points ({@code 8300} is
 * 83 %), the liquidation bonus as a multiplier in basis points ({@code 10500} pays 5 % on top).
 * The constructor applies PoolConfigurator's checks: {@code LTV <= LT}, and for a collateral
 * ({@code LT > 0}) {@code LB > 100 %} and {@code LT * LB <= 100 %}, so that a liquidation can
 * always be paid out of the collateral; a reserve with {@code LT = 0} is not collateral and must
 * have {@code LB = 0}.
 *
 * @param asset the underlying token, which names the reserve
 * @param decimals the token's decimals (0 to 18); amounts are held in these units
 * @param ltvBps loan-to-value: how much of the collateral's value can be borrowed
 * @param liquidationThresholdBps the share of the collateral's value counted in the health factor
 * @param liquidationBonusBps what a liquidator receives per unit of debt repaid, e.g. 10500
 * @param liquidationProtocolFeeBps the treasury's share of the bonus, e.g. 1000 (10 %)
 */
public record ReserveConfig(
    Token asset,
    int decimals,
    int ltvBps,
    int liquidationThresholdBps,
    int liquidationBonusBps,
    int liquidationProtocolFeeBps) {

  private static final int PERCENT_100 = 10_000;

  public ReserveConfig {
    if (asset == null) {
      throw invalid("asset", "is required");
    }
    if (decimals < 0 || decimals > 18) {
      throw invalid("decimals", "must be between 0 and 18 (was " + decimals + ")");
    }
    requireBps("ltv", ltvBps);
    requireBps("liquidationThreshold", liquidationThresholdBps);
    requireBps("liquidationProtocolFee", liquidationProtocolFeeBps);
    if (liquidationBonusBps < 0) {
      throw invalid("liquidationBonus", "must not be negative (was " + liquidationBonusBps + ")");
    }
    if (ltvBps > liquidationThresholdBps) {
      throw invalid("ltv", "must not exceed the liquidation threshold (" + AaveMath.percent(ltvBps)
          + " > " + AaveMath.percent(liquidationThresholdBps) + ")");
    }
    requireBonusFits(liquidationThresholdBps, liquidationBonusBps);
  }

  /** WETH after Chaos Labs' LTV/LT alignment (anchors B1): LTV 80 %, LT 83 %, LB 5 %, protocol fee 10 %. */
  public static ReserveConfig weth() {
    return new ReserveConfig(Token.ETH, 18, 8000, 8300, 10500, 1000);
  }

  /** WETH at the Aave v3 Ethereum launch (Gauntlet's recommendation, anchors B1): LTV 82.5 %, LT 86 %, LB 5.2 %, fee 10 %. */
  public static ReserveConfig wethAtLaunch() {
    return new ReserveConfig(Token.ETH, 18, 8250, 8600, 10520, 1000);
  }

  /** An illustrative wstETH reserve (LTV 78.5 %, LT 81 %, LB 6 %, fee 10 %). */
  public static ReserveConfig wsteth() {
    return new ReserveConfig(new Token("WSTETH"), 18, 7850, 8100, 10600, 1000);
  }

  /** USDC: 6 decimals, LTV 75 %, LT 78 %, LB 4.5 %, fee 10 %. */
  public static ReserveConfig usdc() {
    return new ReserveConfig(new Token("USDC"), 6, 7500, 7800, 10450, 1000);
  }

  /** GHO: 18 decimals, borrow only (LTV and LT 0), priced at $1. */
  public static ReserveConfig gho() {
    return new ReserveConfig(new Token("GHO"), 18, 0, 0, 0, 0);
  }

  /** True when supplying this asset counts as collateral ({@code LT != 0}). */
  public boolean isCollateral() {
    return liquidationThresholdBps != 0;
  }

  /** {@code 10^decimals}. */
  public BigInteger unit() {
    return AaveMath.unit(decimals);
  }

  static void requireBonusFits(int ltBps, int lbBps) {
    if (ltBps == 0) {
      if (lbBps != 0) {
        throw invalid("liquidationBonus", "must be 0 when the liquidation threshold is 0 (was " + lbBps + ")");
      }
      return;
    }
    if (lbBps <= PERCENT_100) {
      throw invalid("liquidationBonus", "must be above 100% (e.g. 10500 for a 5% bonus; was " + lbBps + ")");
    }
    BigInteger covered = AaveMath.percentMul(BigInteger.valueOf(ltBps), BigInteger.valueOf(lbBps));
    if (covered.compareTo(AaveMath.PERCENTAGE_FACTOR) > 0) {
      throw invalid("liquidationBonus", "times the liquidation threshold must not exceed 100% ("
          + AaveMath.percent(ltBps) + " x " + AaveMath.percent(lbBps) + ")");
    }
  }

  static void requireBps(String field, int bps) {
    if (bps < 0 || bps > PERCENT_100) {
      throw invalid(field, "must be between 0 and 10000 basis points (was " + bps + ")");
    }
  }

  static AaveViolation invalid(String field, String rule) {
    return new AaveViolation(new AaveError.InvalidParameter(field, rule));
  }
}
