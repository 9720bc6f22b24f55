package noliq.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.regex.Pattern;
import noliq.math.RuleViolation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The stated range of every kind of input the command line takes, checked at the edge. Each check
 * refuses with a {@link RuleViolation} naming the option and the rule, so the user sees one line and
 * exit code 2. Bounds are physical where physics gives one (a volatility of 1,000%/yr, a century to
 * maturity) and otherwise keep memory and time bounded (paths, steps, table rows, file sizes).
 */
final class Limits {
  /** An ETH price in index units (USD): up to a billion. */
  static final double MAX_PRICE = 1e9;
  /** A dollar amount (bond, value at stake, trade size): up to a quadrillion, ten times world GDP. */
  static final double MAX_USD = 1e15;
  /** An ETH amount: up to a billion, about eight times the supply. */
  static final double MAX_ETH = 1e9;
  /** Days to a maturity: up to a century. */
  static final double MAX_DAYS = 36_500;
  /** Days to a maturity: at least 0.001 (86.4 s), so that vol x sqrt(T) stays a number. */
  static final double MIN_DAYS = 0.001;
  /** Volatility per year: 1,000%/yr is above anything ETH has shown (its highest is about 300%). */
  static final double MAX_VOL = 10;
  /** Volatility per year: at least 0.1%/yr. */
  static final double MIN_VOL = 0.001;
  /** An interest rate or yield per year: within plus or minus 100%. */
  static final double MAX_RATE = 1;
  /** A {@code --config} file. */
  static final long MAX_CONFIG_BYTES = 1L << 20;
  /** A {@code --sources} file. */
  static final long MAX_SOURCES_BYTES = 64L << 10;
  /** A {@code --prices} history: the whole ETH hourly history is under 5 MB; minute bars of a decade fit. */
  static final long MAX_PRICES_BYTES = 512L << 20;
  /** An argument file ({@code @FILE}). */
  static final long MAX_ARGUMENT_FILE_BYTES = 64L << 10;
  /** Values in one comma-separated list option ({@code --at}, {@code --size-usd}, ...). */
  static final int MAX_LIST = 1000;

  private Limits() {}

  static double price(String option, double v) {
    return between(option, v, 0, false, MAX_PRICE, "index units per ETH");
  }

  static double usd(String option, double v, boolean zeroAllowed) {
    return between(option, v, 0, zeroAllowed, MAX_USD, "USD");
  }

  static double days(String option, double v) {
    finite(option, v);
    if (v < MIN_DAYS || v > MAX_DAYS) {
      throw new RuleViolation(option, "must be between 0.001 (86.4 seconds) and " + num(MAX_DAYS)
          + " days, a century (was " + num(v) + ")");
    }
    return v;
  }

  /** A volatility per year as a fraction: refused above 10 with the hint that 0.7 means 70%. */
  static double vol(String option, double v) {
    finite(option, v);
    if (v > MAX_VOL) {
      throw new RuleViolation(option, "must be at most " + num(MAX_VOL) + " (1,000%/yr); it is a fraction: 0.7 means 70% (was "
          + num(v) + ")");
    }
    if (v < MIN_VOL) {
      throw new RuleViolation(option, "must be at least " + num(MIN_VOL) + " (0.1%/yr); 0.7 means 70% (was " + num(v) + ")");
    }
    return v;
  }

  /** A rate or yield per year as a fraction, within plus or minus 1 (100%). */
  static double rate(String option, double v) {
    finite(option, v);
    if (Math.abs(v) > MAX_RATE) {
      throw new RuleViolation(option, "must be between -1 and 1 per year; it is a fraction: 0.05 means 5% (was " + num(v) + ")");
    }
    return v;
  }

  /** A number in ({@code min}, {@code max}], or [{@code min}, {@code max}] with {@code minAllowed}. */
  static double between(String option, double v, double min, boolean minAllowed, double max, String unit) {
    finite(option, v);
    if (v < min || (!minAllowed && v == min) || v > max) {
      String low = minAllowed ? "at least " + num(min) : "above " + num(min);
      throw new RuleViolation(option, "must be " + low + " and at most " + num(max) + " " + unit + " (was " + num(v) + ")");
    }
    return v;
  }

  static long between(String option, long v, long min, long max) {
    if (v < min || v > max) {
      throw new RuleViolation(option, "must be between " + min + " and " + max + " (was " + v + ")");
    }
    return v;
  }

  /** An exact amount (wei or index units at {@code scale} decimals), at most {@code max} whole units. */
  static BigInteger atMost(String option, BigInteger units, int scale, double max, String unit) {
    if (units.compareTo(BigInteger.TEN.pow(scale).multiply(BigInteger.valueOf((long) max))) > 0) {
      throw new RuleViolation(option, "must be at most " + num(max) + " " + unit);
    }
    return units;
  }

  private static void finite(String option, double v) {
    if (!Double.isFinite(v)) {
      throw new RuleViolation(option, "must be a finite number (was " + v + ")");
    }
  }

  /**
   * A file the user names: it must exist, be a regular file (not a directory, FIFO or device) and
   * hold at most {@code maxBytes}.
   */
  static Path regularFile(String option, Path file, long maxBytes) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      throw new RuleViolation(option, "no such file: " + file);
    }
    if (!a.isRegularFile()) {
      throw new RuleViolation(option, file + " is not a regular file (" + (a.isDirectory() ? "a directory" : "a device, FIFO or socket") + ")");
    }
    if (a.size() > maxBytes) {
      throw new RuleViolation(option, file + " holds " + a.size() + " bytes, more than the limit of " + maxBytes);
    }
    if (!Files.isReadable(file)) {
      throw new RuleViolation(option, "cannot read " + file + " (permission denied)");
    }
    return file;
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) <= 1e18) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return Double.toString(v);
  }

  /** Plain decimal notation only: no hex ({@code 0x1p3}), no {@code NaN}/{@code Infinity}, no type suffixes. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");

  /** Reads a {@code double} option as a decimal number; registered for every double option of the CLI. */
  static final class DecimalConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String s = value.strip();
      if (!DECIMAL.matcher(s).matches()) {
        throw new TypeConversionException("must be a finite number in decimal notation such as 2500 or 0.7 (was '" + value + "')");
      }
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new TypeConversionException("must be a finite number (was '" + value + "', beyond the range of a double)");
      }
      return d;
    }
  }

  /** Reads a path option; a path the file system cannot name (a NUL character) is refused. */
  static final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return Path.of(value);
      } catch (java.nio.file.InvalidPathException e) {
        throw new TypeConversionException("is not a valid path (" + e.getReason() + ")");
      }
    }
  }

  /** Reads a {@code long} option as a decimal integer. */
  static final class LongConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String s = value.strip();
      if (!INTEGER.matcher(s).matches()) {
        throw new TypeConversionException("must be a whole number in decimal notation (was '" + value + "')");
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("must be a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
            + " (was '" + value + "')");
      }
    }
  }

  /** Reads an {@code int} option as a decimal integer. */
  static final class IntConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long v = new LongConverter().convert(value);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new TypeConversionException("must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
            + " (was '" + value + "')");
      }
      return (int) v;
    }
  }
}
