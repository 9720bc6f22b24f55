package noliq.oracle;

import java.math.BigInteger;
import java.time.Duration;
import noliq.math.Amount;
import noliq.math.Exact;

/** Argument checks shared by the oracle packages; each failure is an {@link OracleException}. */
public final class Require {
  private Require() {}

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new OracleException(new OracleError.Missing(field));
    }
    return value;
  }

  public static Amount positive(Amount amount, String field) {
    present(amount, field);
    if (!amount.isPositive()) {
      throw new OracleException(new OracleError.OutOfRange(field, "positive", amount.toString()));
    }
    return amount;
  }

  public static Duration positive(Duration duration, String field) {
    present(duration, field);
    if (duration.isNegative() || duration.isZero()) {
      throw new OracleException(new OracleError.OutOfRange(field, "a positive duration", duration.toString()));
    }
    return duration;
  }

  public static Duration notNegative(Duration duration, String field) {
    present(duration, field);
    if (duration.isNegative()) {
      throw new OracleException(new OracleError.OutOfRange(field, "zero or positive", duration.toString()));
    }
    return duration;
  }

  /** A fraction at 18 decimals: {@code 0 <= wad <= 1e18}. */
  public static BigInteger fractionWad(BigInteger wad, String field) {
    present(wad, field);
    if (wad.signum() < 0 || wad.compareTo(Exact.WAD) > 0) {
      throw new OracleException(new OracleError.OutOfRange(field, "between 0 and 1", wad + " wad"));
    }
    return wad;
  }

  public static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new OracleException(new OracleError.OutOfRange(field, "at least " + min, Integer.toString(value)));
    }
    return value;
  }

  /** A finite double in {@code [min, max]}. */
  public static double between(double value, double min, double max, String field) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new OracleException(new OracleError.OutOfRange(field, "between " + min + " and " + max, Double.toString(value)));
    }
    return value;
  }

  /** A finite double {@code > 0}. */
  public static double positive(double value, String field) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new OracleException(new OracleError.OutOfRange(field, "positive and finite", Double.toString(value)));
    }
    return value;
  }

  /** A finite double {@code >= 0}. */
  public static double notNegative(double value, String field) {
    if (!Double.isFinite(value) || value < 0) {
      throw new OracleException(new OracleError.OutOfRange(field, "zero or positive and finite", Double.toString(value)));
    }
    return value;
  }
}
