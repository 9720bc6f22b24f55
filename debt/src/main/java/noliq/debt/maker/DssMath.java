package noliq.debt.maker;

import java.math.BigInteger;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Rounding;

/**
 * The fixed-point helpers of dss at their three scales: WAD (10^18: amounts of collateral,
 * {@code chop}, {@code chip}), RAY (10^27: {@code rate}, {@code spot}, prices, {@code buf},
 * {@code cusp}, {@code cut}) and RAD (10^45 = WAD·RAY: DAI balances, {@code tab}, {@code dust},
 * {@code hole}). Every helper rounds exactly as its Solidity namesake does.
 */
public final class DssMath {
  public static final BigInteger WAD = Exact.WAD;
  public static final BigInteger RAY = Exact.RAY;
  public static final BigInteger RAD = Exact.WAD.multiply(Exact.RAY);
  /** {@code 10^9}, which lifts a WAD oracle value to a RAY. */
  public static final BigInteger BLN = BigInteger.TEN.pow(9);

  private DssMath() {}

  /** {@code x * y / RAY}, rounded down, as {@code rmul} in clip.sol and abaci.sol. */
  public static BigInteger rmul(BigInteger x, BigInteger y) {
    return Exact.mulDiv(x, y, RAY, Rounding.DOWN);
  }

  /** {@code x * RAY / y}, rounded down, as {@code rdiv} in clip.sol and spot.sol. */
  public static BigInteger rdiv(BigInteger x, BigInteger y) {
    return Exact.mulDiv(x, RAY, y, Rounding.DOWN);
  }

  /** {@code x * y / WAD}, rounded down, as {@code wmul} in clip.sol. */
  public static BigInteger wmul(BigInteger x, BigInteger y) {
    return Exact.mulDiv(x, y, WAD, Rounding.DOWN);
  }

  /**
   * {@code x^n} at base {@code b} by squaring, rounding every intermediate product half up, as the
   * assembly {@code rpow} in abaci.sol (and jug.sol) does. The half-up rounding is the contract's,
   * reproduced on purpose: it is why the curve's numbers match the chain's to the last unit.
   */
  public static BigInteger rpow(BigInteger x, long n, BigInteger b) {
    if (n < 0) {
      throw new IllegalArgumentException("rpow exponent must not be negative: " + n);
    }
    if (n == 0) {
      return b;
    }
    if (x.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigInteger z = (n & 1) == 0 ? b : x;
    for (n >>= 1; n != 0; n >>= 1) {
      x = Exact.mulDiv(x, x, b, Rounding.HALF_UP);
      if ((n & 1) != 0) {
        z = Exact.mulDiv(z, x, b, Rounding.HALF_UP);
      }
    }
    return z;
  }

  /** Parses a decimal into WAD units ({@code "1.13"} is 1.13·10^18), naming {@code field} on bad text. */
  public static BigInteger wad(String text, String field) {
    return Decimals.parse(text, 18, field);
  }

  /** Parses a decimal into RAY units. */
  public static BigInteger ray(String text, String field) {
    return Decimals.parse(text, 27, field);
  }

  /** Parses a decimal into RAD units. */
  public static BigInteger rad(String text, String field) {
    return Decimals.parse(text, 45, field);
  }

  public static BigInteger wad(String text) {
    return wad(text, "wad");
  }

  public static BigInteger ray(String text) {
    return ray(text, "ray");
  }

  public static BigInteger rad(String text) {
    return rad(text, "rad");
  }

  /** The value as an exact decimal, for events and tables: {@code format(v, 27)} for a RAY. */
  public static String format(BigInteger units, int scale) {
    return Decimals.format(units, scale);
  }

  /** The nearest double of a RAY, for display only. */
  public static double rayToDouble(BigInteger ray) {
    return Decimals.toDouble(ray, 27);
  }

  /** The nearest double of a RAD, for display only. */
  public static double radToDouble(BigInteger rad) {
    return Decimals.toDouble(rad, 45);
  }
}
