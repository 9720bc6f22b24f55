package noliq.wrapper.policy;

import java.math.BigInteger;
import noliq.math.Decimals;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * A policy parameter that scales a price (the 1.5 in "below 1.5·S", the 1/2 in "S' = x/2"), exact at
 * 18 decimals so that a policy's strikes and triggers are exact functions of exact prices.
 */
public record Factor(BigInteger wad) implements Comparable<Factor> {
  public Factor {
    Exact.requireInRange(wad, "factor");
  }

  /** Parses a plain decimal such as {@code 1.5}; a bad value is refused naming {@code field}. */
  public static Factor parse(String text, String field) {
    return new Factor(Decimals.parse(text, 18, field));
  }

  public static Factor of(String text) {
    return parse(text, "factor");
  }

  /** {@code price × this}, rounded as named. */
  public Price times(Price price, Rounding rounding) {
    return price.mulDiv(wad, Exact.WAD, rounding);
  }

  /** {@code price / this}, rounded as named. */
  public Price divide(Price price, Rounding rounding) {
    return price.mulDiv(Exact.WAD, wad, rounding);
  }

  public boolean isPositive() {
    return wad.signum() > 0;
  }

  public double toDouble() {
    return Decimals.toDouble(wad, 18);
  }

  @Override
  public int compareTo(Factor o) {
    return wad.compareTo(o.wad);
  }

  @Override
  public String toString() {
    return Decimals.format(wad, 18);
  }
}
