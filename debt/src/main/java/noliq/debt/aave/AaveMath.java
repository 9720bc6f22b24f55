package noliq.debt.aave;

import java.math.BigInteger;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Rounding;

/**
 * The integer scales of Aave v3 and its two rounding helpers, reproduced on {@link Exact#mulDiv}.
 *
 * <ul>
 *   <li>Percentages are basis points: {@code 1e4} is 100 % ({@code PercentageMath.PERCENTAGE_FACTOR}).
 *   <li>Values in the base currency (USD) have 8 decimals, as the Chainlink USD feeds the oracle reads.
 *   <li>The health factor is a WAD ({@code 1e18} is 1.0).
 * </ul>
 *
 * <p>{@code percentMul}, {@code percentDiv} and {@code wadDiv} round half up because Aave's
 * PercentageMath and WadRayMath add half the divisor before dividing; that is the only reason
 * this package uses {@link Rounding#HALF_UP}. Every other division in the contract is Solidity's
 * truncating {@code /}, reproduced here with {@link Rounding#DOWN}.
 */
public final class AaveMath {
  /** 100 % in basis points. */
  public static final BigInteger PERCENTAGE_FACTOR = BigInteger.valueOf(10_000);
  private static final long PERCENTAGE_FACTOR_LONG = 10_000;
  /** Decimals of a value in the base currency. */
  public static final int BASE_DECIMALS = 8;
  /** One dollar in the base currency ({@code 1e8}). */
  public static final BigInteger ONE_DOLLAR = BigInteger.TEN.pow(BASE_DECIMALS);
  /** A health factor of exactly 1 ({@code HEALTH_FACTOR_LIQUIDATION_THRESHOLD}). */
  public static final BigInteger HEALTH_FACTOR_ONE = Exact.WAD;
  /** The health factor of an account without debt: {@code type(uint256).max}. */
  public static final BigInteger HEALTH_FACTOR_INFINITE = Exact.MAX;

  private static final BigInteger[] UNITS = new BigInteger[19];
  private static final long[] UNITS_LONG = new long[19];

  static {
    for (int d = 0; d < UNITS.length; d++) {
      UNITS[d] = BigInteger.TEN.pow(d);
      UNITS_LONG[d] = UNITS[d].longValueExact();
    }
  }

  private AaveMath() {}

  /** {@code value * bps / 1e4}, half up, as PercentageMath.percentMul. */
  public static BigInteger percentMul(BigInteger value, BigInteger bps) {
    return Exact.mulDiv(value, bps, PERCENTAGE_FACTOR, Rounding.HALF_UP);
  }

  /** {@code value * 1e4 / bps}, half up, as PercentageMath.percentDiv. */
  public static BigInteger percentDiv(BigInteger value, BigInteger bps) {
    return Exact.mulDiv(value, PERCENTAGE_FACTOR, bps, Rounding.HALF_UP);
  }

  /**
   * {@link #percentMul(BigInteger, BigInteger)} with the basis points as the {@code int} the
   * configuration holds: the same result, without a {@link BigInteger} made of them on each call.
   */
  public static BigInteger percentMul(BigInteger value, int bps) {
    return Exact.mulDiv(value, bps, PERCENTAGE_FACTOR_LONG, Rounding.HALF_UP);
  }

  /** {@link #percentDiv(BigInteger, BigInteger)} with {@code int} basis points, as {@link #percentMul(BigInteger, int)}. */
  public static BigInteger percentDiv(BigInteger value, int bps) {
    return Exact.mulDiv(value, PERCENTAGE_FACTOR_LONG, bps, Rounding.HALF_UP);
  }

  /** {@code a * 1e18 / b}, half up, as WadRayMath.wadDiv. */
  public static BigInteger wadDiv(BigInteger a, BigInteger b) {
    return Exact.mulDiv(a, Exact.WAD, b, Rounding.HALF_UP);
  }

  /** {@code 10^decimals}, the contract's {@code assetUnit}. */
  public static BigInteger unit(int decimals) {
    return UNITS[decimals];
  }

  /** {@code amount * price / unit}, truncated: a token amount's value in the base currency. */
  public static BigInteger toBase(BigInteger amount, BigInteger priceBase, int decimals) {
    // An 8-decimal price fits a long, and so does the unit: the small-factor mulDiv (same result)
    // skips measuring and splitting them on every valuation.
    return priceBase.signum() >= 0 && priceBase.bitLength() < 64
        ? Exact.mulDiv(amount, priceBase.longValue(), UNITS_LONG[decimals], Rounding.DOWN)
        : Exact.mulDiv(amount, priceBase, unit(decimals), Rounding.DOWN);
  }

  /** A base-currency value as dollars, e.g. {@code "$1999.5"}. */
  public static String dollars(BigInteger base) {
    return "$" + Decimals.format(base, BASE_DECIMALS);
  }

  /** A health factor (WAD) as a decimal, or {@code "infinite"} without debt. */
  public static String healthFactor(BigInteger wad) {
    return wad.equals(HEALTH_FACTOR_INFINITE) ? "infinite" : Decimals.format(wad, 18);
  }

  /** A basis-point value as a percentage, e.g. {@code "83%"}. */
  public static String percent(int bps) {
    return Decimals.format(BigInteger.valueOf(bps), 2) + "%";
  }
}
