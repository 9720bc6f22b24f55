package noliq.math;

import java.math.BigInteger;

/**
 * A token amount: an exact non-negative integer number of base units at 18 decimals (wei for ETH;
 * the same scale for P, N, shares and stable tokens). {@code Amount.of("1.5")} is 1.5 tokens.
 * Values are in {@code [0, 2^256)}; arithmetic that would leave that range throws.
 */
public record Amount(BigInteger wei) implements Comparable<Amount> {
  /** Decimal places of every token amount. */
  public static final int DECIMALS = 18;
  public static final Amount ZERO = new Amount(BigInteger.ZERO);
  /** One whole token, {@code 10^18} base units. */
  public static final Amount ONE = new Amount(Exact.WAD);

  public Amount {
    Exact.requireInRange(wei, "amount");
  }

  /** Parses an exact decimal such as {@code "1.5"}; bad text is rejected naming {@code "amount"}. */
  public static Amount of(String text) {
    return parse(text, "amount");
  }

  /** Parses an exact decimal, naming {@code field} in any rejection. */
  public static Amount parse(String text, String field) {
    return new Amount(Decimals.parse(text, DECIMALS, field));
  }

  /** {@code whole} tokens. */
  public static Amount of(long whole) {
    if (whole < 0) {
      throw new RuleViolation("amount", "must not be negative (was " + whole + ")");
    }
    return new Amount(BigInteger.valueOf(whole).multiply(Exact.WAD));
  }

  public static Amount ofWei(long wei) {
    return new Amount(BigInteger.valueOf(wei));
  }

  public static Amount ofWei(BigInteger wei) {
    return new Amount(wei);
  }

  /** The one conversion from {@code double}: the exact binary value, rounded as named. */
  public static Amount fromDouble(double tokens, Rounding rounding) {
    return new Amount(Decimals.fromDouble(tokens, DECIMALS, rounding, "amount"));
  }

  /** The nearest {@code double} number of whole tokens. */
  public double toDouble() {
    return Decimals.toDouble(wei, DECIMALS);
  }

  public Amount plus(Amount other) {
    return new Amount(Exact.add(wei, other.wei));
  }

  /** {@code this - other}; throws {@link ArithmeticException} if that would be negative. */
  public Amount minus(Amount other) {
    return new Amount(Exact.sub(wei, other.wei));
  }

  /** {@code this * numerator / denominator}, exact, rounded as named. */
  public Amount mulDiv(BigInteger numerator, BigInteger denominator, Rounding rounding) {
    return new Amount(Exact.mulDiv(wei, numerator, denominator, rounding));
  }

  /** {@code this * numerator / denominator} with both given as amounts (a ratio of like quantities). */
  public Amount mulDiv(Amount numerator, Amount denominator, Rounding rounding) {
    return mulDiv(numerator.wei, denominator.wei, rounding);
  }

  /** {@code this * n}. */
  public Amount times(long n) {
    return new Amount(Exact.mul(wei, BigInteger.valueOf(n)));
  }

  public boolean isZero() {
    return wei.signum() == 0;
  }

  public boolean isPositive() {
    return wei.signum() > 0;
  }

  public boolean isLessThan(Amount other) {
    return compareTo(other) < 0;
  }

  public boolean isGreaterThan(Amount other) {
    return compareTo(other) > 0;
  }

  public static Amount min(Amount a, Amount b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static Amount max(Amount a, Amount b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int compareTo(Amount o) {
    return wei.compareTo(o.wei);
  }

  /** The exact decimal, such as {@code "1.5"}. */
  @Override
  public String toString() {
    return Decimals.format(wei, DECIMALS);
  }
}
