package noliq.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact conversions between fixed-point integers and text or {@code double}. This is the one place
 * where money crosses from {@code double} (pricing, paths, statistics) into protocol integers.
 */
public final class Decimals {
  private static final double TWO_POW_53 = 0x1p53;

  private Decimals() {}

  /**
   * Parses a plain non-negative decimal ({@code "1"}, {@code "1.5"}, {@code "0.000000000000000001"})
   * into units at {@code scale} decimals, exactly. Rejects, naming {@code field}: blanks, signs,
   * exponents, NaN and infinity, separators, more than {@code scale} decimals, and values of
   * {@code 2^256} units or more.
   */
  public static BigInteger parse(String text, int scale, String field) {
    if (text == null || text.isBlank()) {
      throw new RuleViolation(field, "is required (a decimal number such as 1.5)");
    }
    String s = text.strip();
    if (s.startsWith("-")) {
      throw new RuleViolation(field, "must not be negative (was " + s + ")");
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "" : s.substring(dot + 1);
    if (whole.isEmpty() || !allDigits(whole) || (dot >= 0 && (frac.isEmpty() || !allDigits(frac)))) {
      throw new RuleViolation(field, "must be a plain decimal number such as 1.5 (was '" + s + "')");
    }
    if (frac.length() > scale) {
      throw new RuleViolation(
          field, "has more than " + scale + " decimal places (was " + s + ")");
    }
    BigInteger units = new BigInteger(whole + frac + "0".repeat(scale - frac.length()));
    if (units.bitLength() > 256) {
      throw new RuleViolation(field, "is too large (must be below 2^256 units)");
    }
    return units;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Formats units at {@code scale} decimals as the shortest exact decimal: {@code "1.5"}, {@code "2"}. */
  public static String format(BigInteger units, int scale) {
    BigDecimal d = new BigDecimal(units, scale).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /**
   * The exact binary value of {@code value}, rounded as named to units at {@code scale} decimals.
   * Rejects NaN, infinities, negatives and values too large, naming {@code field}.
   */
  public static BigInteger fromDouble(double value, int scale, Rounding rounding, String field) {
    if (Double.isNaN(value)) {
      throw new RuleViolation(field, "must be a number (was NaN)");
    }
    if (Double.isInfinite(value)) {
      throw new RuleViolation(field, "must be finite (was " + value + ")");
    }
    if (value < 0) {
      throw new RuleViolation(field, "must not be negative (was " + value + ")");
    }
    if (value == 0) {
      return BigInteger.ZERO;
    }
    if (scale >= 0 && scale < Wide.POW5.length) {
      BigInteger fast = fromDoubleWide(value, scale, rounding);
      if (fast != null) {
        return fast;
      }
    }
    RoundingMode mode = switch (rounding) {
      case DOWN -> RoundingMode.DOWN;
      case UP -> RoundingMode.UP;
      case HALF_UP -> RoundingMode.HALF_UP;
    };
    BigInteger units = new BigDecimal(value).setScale(scale, mode).unscaledValue();
    if (units.bitLength() > 256) {
      throw new RuleViolation(field, "is too large (must be below 2^256 units)");
    }
    return units;
  }

  /** The nearest {@code double} to {@code units / 10^scale}. */
  public static double toDouble(BigInteger units, int scale) {
    if (units.bitLength() < 53 && scale <= 22) {
      // Both operands are exact doubles, so one IEEE division is correctly rounded.
      double u = units.longValue();
      if (u < TWO_POW_53) {
        return u / Math.pow(10, scale);
      }
    }
    if (units.signum() > 0 && units.bitLength() <= 126 && scale >= 0 && scale < Wide.POW5.length) {
      return toDoubleWide(units.bitLength() < 64 ? 0 : units.shiftRight(64).longValue(), units.longValue(), scale);
    }
    return new BigDecimal(units, scale).doubleValue();
  }

  /**
   * {@link #fromDouble} without {@link BigDecimal}: {@code value = m * 2^e} exactly, so
   * {@code value * 10^scale = (m * 5^scale) * 2^(e + scale)}, a 116-bit product shifted, the bits
   * shifted out rounded as named. Returns null when the result would not fit in 128 bits.
   */
  private static BigInteger fromDoubleWide(double value, int scale, Rounding rounding) {
    long bits = Double.doubleToRawLongBits(value);
    int exponent = (int) (bits >>> 52) & 0x7ff;
    long m = bits & ((1L << 52) - 1);
    int e;
    if (exponent == 0) {
      e = -1074; // subnormal
    } else {
      m |= 1L << 52;
      e = exponent - 1075;
    }
    long pow5 = Wide.POW5[scale];
    long hi = Math.multiplyHigh(m, pow5); // m, 5^scale >= 0: the unsigned high word
    long lo = m * pow5;
    int shift = e + scale;
    if (shift >= 0) {
      int bitLength = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
      if (bitLength + shift > 127) {
        return null;
      }
      if (shift > 0) {
        hi = shift >= 64 ? lo << (shift - 64) : (hi << shift) | (lo >>> (64 - shift));
        lo = shift >= 64 ? 0 : lo << shift;
      }
      return Wide.toBigInteger(hi, lo);
    }
    int t = -shift;
    long qhi;
    long qlo;
    boolean inexact;
    boolean half;
    if (t >= 128) {
      qhi = 0;
      qlo = 0;
      inexact = true; // the product is positive and every bit is shifted out
      half = false; // the highest bit shifted out, bit t - 1 >= 127, is above the product's 116 bits
    } else if (t >= 64) {
      qhi = 0;
      qlo = hi >>> (t - 64);
      long lostHi = t == 64 ? 0 : hi << (128 - t); // bits of hi shifted out (nonzero iff any)
      inexact = lostHi != 0 || lo != 0;
      half = t == 64 ? lo < 0 : ((hi >>> (t - 65)) & 1) != 0;
    } else {
      qhi = hi >>> t;
      qlo = t == 0 ? lo : (lo >>> t) | (hi << (64 - t));
      inexact = t != 0 && (lo << (64 - t)) != 0;
      half = t != 0 && ((lo >>> (t - 1)) & 1) != 0;
    }
    boolean up = switch (rounding) {
      case DOWN -> false;
      case UP -> inexact;
      case HALF_UP -> half;
    };
    if (up) {
      qlo++;
      if (qlo == 0) {
        qhi++;
      }
    }
    return Wide.toBigInteger(qhi, qlo);
  }

  /**
   * {@link #toDouble} for {@code 0 < units < 2^126} without {@link BigDecimal}: as
   * {@code units / 10^scale = (units / 5^scale) * 2^-scale}, divides {@code units * 2^k} by
   * {@code 5^scale} to a quotient of 62 or 63 bits, folds the remainder (and any bits shifted out)
   * into its lowest bit as a sticky bit, and lets the one correctly rounded {@code long} to
   * {@code double} conversion round it; scaling by a power of two is exact.
   */
  private static double toDoubleWide(long hi, long lo, int scale) {
    long divisor = Wide.POW5[scale];
    int bitLength = hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
    int divisorBits = 64 - Long.numberOfLeadingZeros(divisor);
    int k = 62 - bitLength + divisorBits; // units * 2^k / divisor lies in (2^61, 2^63)
    long nhi;
    long nlo;
    boolean sticky = false;
    if (k >= 64) {
      nhi = lo << (k - 64);
      nlo = 0;
    } else if (k > 0) {
      nhi = (hi << k) | (lo >>> (64 - k));
      nlo = lo << k;
    } else if (k == 0) {
      nhi = hi;
      nlo = lo;
    } else {
      int r = -k; // 1..63, as bitLength <= 126 and divisorBits >= 1
      sticky = (lo << (64 - r)) != 0;
      nlo = (lo >>> r) | (hi << (64 - r));
      nhi = hi >>> r;
    }
    long q = Wide.divideByPowerOfFive(nhi, nlo, scale);
    long rem = nlo - q * divisor;
    if (rem != 0 || sticky) {
      q |= 1;
    }
    return Math.scalb((double) q, -k - scale);
  }
}
