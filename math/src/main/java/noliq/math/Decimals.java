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
    return new BigDecimal(units, scale).doubleValue();
  }
}
