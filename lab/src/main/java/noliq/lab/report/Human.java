package noliq.lab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import noliq.lab.metrics.Estimate;

/**
 * Numbers as people write them: {@code $18.9M}, {@code 0.65%/yr}, {@code 1,234}, three significant
 * digits, thousands separated, no exponent for anything a report shows; floating-point noise (below
 * 1e-10) reads 0. Fixed locale, so the same figure always reads the same.
 */
public final class Human {
  private Human() {}

  /** {@code value} in {@code unit}: USD as {@code $18.9M}, % units with their sign, counts and ratios plain. */
  public static String of(double value, String unit) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "-∞";
    }
    double v = Math.abs(value) < 1e-10 ? 0 : value;
    return switch (unit) {
      case "USD" -> usd(v);
      case "%", "%/yr", "%^2" -> plain(v) + unit.replace("^2", "²");
      case "share" -> plain(100 * v) + "%";
      case "", "count", "ratio", "indicator", "0/1", "1", "x" -> plain(v);
      default -> plain(v) + " " + unit;
    };
  }

  /** {@code value [low, high]} in the unit, or the value alone when there is no interval. */
  public static String of(Estimate e, String unit) {
    String value = of(e.value(), unit);
    if (!Double.isFinite(e.low()) && !Double.isFinite(e.high())) {
      return value;
    }
    return value + " [" + of(e.low(), unit) + ", " + of(e.high(), unit) + "]";
  }

  /** {@code $18.9M}, {@code $950}, {@code -$1.2K}. */
  public static String usd(double v) {
    String sign = v < 0 ? "-" : "";
    double a = Math.abs(v);
    if (a >= 1e9) {
      return sign + "$" + sig(a / 1e9) + "B";
    }
    if (a >= 1e6) {
      return sign + "$" + sig(a / 1e6) + "M";
    }
    if (a >= 1e4) {
      return sign + "$" + sig(a / 1e3) + "K";
    }
    return sign + "$" + plain(a);
  }

  /** Three significant digits, thousands separated, never an exponent ({@code 0.000123}, {@code 12,300}). */
  public static String plain(double v) {
    if (v == 0) {
      return "0";
    }
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", new BigDecimal(v).round(new MathContext(3)).doubleValue());
    }
    return sig(v);
  }

  private static String sig(double v) {
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
