package noliq.lab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The precision every number of a report's files is written at: {@value #SIGNIFICANT} significant
 * digits, rounded half-even. A study's figures carry 95% intervals wider than a part in a thousand,
 * and its per-path values are draws of a model, so digits beyond the seventh describe floating-point
 * arithmetic, not the question; the 17 of a double's full form made the report's files half as
 * large again. The in-memory figures stay exact; only the files are rounded. Plain decimal where a
 * person reads it ({@code 1234567}, {@code 0.001234567}), an exponent for the very small and the very
 * large ({@code 1.234568E+12}), which {@code pandas.read_csv}, {@code jq} and Java all parse.
 */
public final class Digits {
  /** Significant digits of every number in a report's files. */
  public static final int SIGNIFICANT = 7;
  private static final MathContext CONTEXT = new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN);

  private Digits() {}

  /** {@code v} to {@value #SIGNIFICANT} significant digits; empty for NaN or an infinity (a missing value or bound). */
  public static String of(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal r = new BigDecimal(v).round(CONTEXT).stripTrailingZeros();
    // whole numbers up to 15 digits plainly (a count, a dollar amount), the rest in BigDecimal's short form
    return r.scale() <= 0 && r.precision() - r.scale() <= 15 ? r.toPlainString() : r.toString();
  }

  /** The double nearest to {@code v} rounded to {@value #SIGNIFICANT} significant digits (NaN and infinities as they are). */
  public static double rounded(double v) {
    return Double.isFinite(v) && v != 0 ? new BigDecimal(v).round(CONTEXT).doubleValue() : v;
  }

  /** {@link #rounded(double)} of a boxed value, null as null. */
  public static Double rounded(Double v) {
    return v == null ? null : rounded(v.doubleValue());
  }
}
