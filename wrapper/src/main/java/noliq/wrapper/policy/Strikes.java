package noliq.wrapper.policy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;

/** Small exact rules the policies share: strikes on a grid, maturities in whole seconds. */
final class Strikes {
  private Strikes() {}

  /**
   * The largest multiple of {@code step} strictly below {@code bound} (the post's "S < X/2"); when the
   * grid is too coarse for {@code bound}, the largest price strictly below it.
   */
  static Price strictlyBelow(Price bound, Price step) {
    BigInteger below = bound.units().subtract(BigInteger.ONE);
    if (below.signum() <= 0) {
      return new Price(BigInteger.ONE);
    }
    BigInteger steps = Exact.div(below, step.units(), Rounding.DOWN);
    if (steps.signum() == 0) {
      return new Price(below);
    }
    return new Price(steps.multiply(step.units()));
  }

  /** {@code now + days}, truncated to a whole second (series maturities are whole seconds). */
  static Instant daysAfter(Instant now, long days) {
    return now.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
  }

  static Instant daysBefore(Instant maturity, long days) {
    return maturity.minus(Duration.ofDays(days));
  }
}
