package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.Exact;
import noliq.math.Rounding;

/**
 * Aave v3.3's {@code DefaultReserveInterestRateStrategyV2} for one reserve, and the compounding of
 * {@code MathUtils.calculateCompoundedInterest}.
 *
 * <p>The variable borrow rate is a function of the borrow usage ratio
 * {@code U = totalDebt / (availableLiquidity + totalDebt)} (both rayDiv, half up): below the
 * optimal point {@code base + slope1 · U / Uopt}, above it
 * {@code base + slope1 + slope2 · (U − Uopt) / (1 − Uopt)}; without debt it is {@code base}. The
 * parameters are basis points, turned into rays by {@code × 1e23}, as the contract stores them. The
 * constructor applies {@code _setInterestRateParams}'s checks: optimal point within [1 %, 99 %],
 * {@code slope1 <= slope2}, {@code base + slope1 + slope2 <= 1000 %}.
 *
 * @param optimalUsageBps the kink of the curve [bps]
 * @param baseVariableBorrowRateBps the rate at zero usage [bps a year]
 * @param variableRateSlope1Bps the rate added up to the kink [bps a year]
 * @param variableRateSlope2Bps the rate added from the kink to full usage [bps a year]
 */
public record InterestRateStrategy(int optimalUsageBps, int baseVariableBorrowRateBps, int variableRateSlope1Bps,
    int variableRateSlope2Bps) {
  /** WadRayMath.RAY. */
  public static final BigInteger RAY = Exact.RAY;
  /** MathUtils.SECONDS_PER_YEAR: 365 days, ignoring leap years. */
  public static final long SECONDS_PER_YEAR = 365L * 24 * 3600;
  private static final BigInteger BPS_TO_RAY = BigInteger.TEN.pow(23);
  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger SIX = BigInteger.valueOf(6);
  private static final BigInteger YEAR = BigInteger.valueOf(SECONDS_PER_YEAR);

  public InterestRateStrategy {
    if (optimalUsageBps < 100 || optimalUsageBps > 9_900) {
      throw ReserveConfig.invalid("optimalUsageRatio", "must be between 100 and 9900 basis points (was " + optimalUsageBps + ")");
    }
    if (baseVariableBorrowRateBps < 0 || variableRateSlope1Bps < 0 || variableRateSlope2Bps < 0) {
      throw ReserveConfig.invalid("variableRateSlope", "base rate and slopes must not be negative");
    }
    if (variableRateSlope1Bps > variableRateSlope2Bps) {
      throw ReserveConfig.invalid("variableRateSlope2", "must be at least slope1 (SLOPE_2_MUST_BE_GTE_SLOPE_1; was "
          + variableRateSlope2Bps + " < " + variableRateSlope1Bps + ")");
    }
    if ((long) baseVariableBorrowRateBps + variableRateSlope1Bps + variableRateSlope2Bps > 100_000) {
      throw ReserveConfig.invalid("variableRateSlope2", "base + slope1 + slope2 must not exceed 100000 basis points (INVALID_MAXRATE)");
    }
  }

  /**
   * USDC on Aave v3 Ethereum (core instance) in force from 2025-02-03: optimal usage 92 %, base 0,
   * slope1 9.5 %, slope2 35 %. Source: the governance payload diff in bgd-labs/aave-proposals-v3 that
   * moved slope1 from 11.5 % to 9.5 % (slope2 35 %, optimal 92 % unchanged; the reserve's
   * last-update timestamp in that diff is 0x67a135e7 = 2025-02-03 21:32 UTC). The rates change by
   * governance every few months: an input to vary, not a constant of the protocol.
   */
  public static InterestRateStrategy usdcEthereum2025() {
    return new InterestRateStrategy(9_200, 0, 950, 3_500);
  }

  /** USDC's reserve factor on Aave v3 Ethereum: the treasury's share of interest, 10 % [bps]. */
  public static final int USDC_RESERVE_FACTOR_BPS = 1_000;

  /**
   * The variable borrow rate [ray a year] at {@code totalDebt} over {@code availableLiquidity}
   * (same units), as {@code calculateInterestRates} computes it.
   */
  public BigInteger variableBorrowRate(BigInteger totalDebt, BigInteger availableLiquidity) {
    BigInteger base = bpsToRay(baseVariableBorrowRateBps);
    if (totalDebt.signum() == 0) {
      return base;
    }
    BigInteger usage = rayDiv(totalDebt, availableLiquidity.add(totalDebt));
    BigInteger optimal = bpsToRay(optimalUsageBps);
    BigInteger slope1 = bpsToRay(variableRateSlope1Bps);
    if (usage.compareTo(optimal) > 0) {
      BigInteger excess = rayDiv(usage.subtract(optimal), RAY.subtract(optimal));
      return base.add(slope1).add(rayMul(bpsToRay(variableRateSlope2Bps), excess));
    }
    return base.add(rayDiv(rayMul(slope1, usage), optimal));
  }

  /**
   * {@code MathUtils.calculateCompoundedInterest}: the factor [ray] by which a debt grows at
   * {@code rateRay} a year over {@code seconds}, by the contract's three-term expansion
   * {@code 1 + x + x·(x/2 + x·x/6)} with {@code x = rate · seconds / SECONDS_PER_YEAR} (truncated),
   * the products by rayMul (half up) and the halves and sixths truncated, as in the contract. It
   * undercharges borrowers slightly against {@code e^x}.
   */
  public static BigInteger compoundedInterest(BigInteger rateRay, long seconds) {
    if (seconds < 0) {
      throw ReserveConfig.invalid("seconds", "must not be negative (was " + seconds + ")");
    }
    if (seconds == 0) {
      return RAY;
    }
    BigInteger x = Exact.mulDiv(rateRay, BigInteger.valueOf(seconds), YEAR, Rounding.DOWN);
    BigInteger inner = Exact.div(x, TWO, Rounding.DOWN).add(rayMul(x, Exact.div(x, SIX, Rounding.DOWN)));
    return RAY.add(x).add(rayMul(x, inner));
  }

  /** {@code a · b / RAY}, half up, as WadRayMath.rayMul. */
  static BigInteger rayMul(BigInteger a, BigInteger b) {
    return Exact.mulDiv(a, b, RAY, Rounding.HALF_UP);
  }

  /** {@code a · RAY / b}, half up, as WadRayMath.rayDiv (v3.3). */
  static BigInteger rayDiv(BigInteger a, BigInteger b) {
    return Exact.mulDiv(a, RAY, b, Rounding.HALF_UP);
  }

  private static BigInteger bpsToRay(int bps) {
    return BigInteger.valueOf(bps).multiply(BPS_TO_RAY);
  }
}
