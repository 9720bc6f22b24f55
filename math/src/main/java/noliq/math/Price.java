package noliq.math;

import java.math.BigInteger;

/**
 * An index value: the price of 1 ETH in index units (for ETH/USD, dollars per ETH), exact at
 * 18 decimals. Strikes S and oracle values x are prices. Non-negative; rules that need a positive
 * price (a strike, a settlement value) check it and name their own field.
 */
public record Price(BigInteger units) implements Comparable<Price> {
  public static final int DECIMALS = 18;
  public static final Price ZERO = new Price(BigInteger.ZERO);

  public Price {
    Exact.requireInRange(units, "price");
  }

  public static Price of(String text) {
    return parse(text, "price");
  }

  public static Price parse(String text, String field) {
    return new Price(Decimals.parse(text, DECIMALS, field));
  }

  public static Price of(long whole) {
    if (whole < 0) {
      throw new RuleViolation("price", "must not be negative (was " + whole + ")");
    }
    return new Price(BigInteger.valueOf(whole).multiply(Exact.WAD));
  }

  /** The one conversion from {@code double}: the exact binary value, rounded as named. */
  public static Price fromDouble(double value, Rounding rounding) {
    return new Price(Decimals.fromDouble(value, DECIMALS, rounding, "price"));
  }

  public double toDouble() {
    return Decimals.toDouble(units, DECIMALS);
  }

  public boolean isPositive() {
    return units.signum() > 0;
  }

  /** {@code this * numerator / denominator}, exact, rounded as named. */
  public Price mulDiv(BigInteger numerator, BigInteger denominator, Rounding rounding) {
    return new Price(Exact.mulDiv(units, numerator, denominator, rounding));
  }

  @Override
  public int compareTo(Price o) {
    return units.compareTo(o.units);
  }

  public static Price min(Price a, Price b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String toString() {
    return Decimals.format(units, DECIMALS);
  }
}
