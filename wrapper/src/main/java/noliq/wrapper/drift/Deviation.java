package noliq.wrapper.drift;

import java.math.BigInteger;
import noliq.math.Decimals;
import noliq.math.Price;

/**
 * A signed value in index units at 18 decimals (like {@link Price}, which cannot be negative): a
 * gain or a shortfall against a target. Sums of deviations are exact.
 */
public record Deviation(BigInteger units) implements Comparable<Deviation> {
  public static final Deviation ZERO = new Deviation(BigInteger.ZERO);

  public Deviation {
    if (units == null) {
      throw new IllegalArgumentException("units is required");
    }
  }

  /** {@code to - from}. */
  public static Deviation between(Price from, Price to) {
    return new Deviation(to.units().subtract(from.units()));
  }

  public Deviation plus(Deviation other) {
    return new Deviation(units.add(other.units));
  }

  public Deviation negate() {
    return new Deviation(units.negate());
  }

  public int signum() {
    return units.signum();
  }

  public double toDouble() {
    return units.signum() < 0 ? -Decimals.toDouble(units.negate(), 18) : Decimals.toDouble(units, 18);
  }

  @Override
  public int compareTo(Deviation o) {
    return units.compareTo(o.units);
  }

  @Override
  public String toString() {
    return units.signum() < 0 ? "-" + Decimals.format(units.negate(), 18) : Decimals.format(units, 18);
  }
}
