package noliq.pricing;

import noliq.math.RuleViolation;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The volatility at which a leg's model value equals an observed price. Searched in
 * {@code [MIN_VOL, MAX_VOL]}; a price no volatility in that range can produce is refused with the
 * range of prices that would have been possible.
 */
public final class ImpliedVolatility {
  public static final double MIN_VOL = 1e-4;
  public static final double MAX_VOL = 10.0;
  private static final double ABSOLUTE_ACCURACY = 1e-10;

  private ImpliedVolatility() {}

  /** Solves for vol; {@code inputs.vol()} is ignored. */
  public static double solve(Leg leg, double observedPrice, OptionInputs inputs) {
    if (Double.isNaN(observedPrice) || Double.isInfinite(observedPrice)) {
      throw new RuleViolation("price", "must be a finite number (was " + observedPrice + ")");
    }
    if (inputs.days() <= 0) {
      throw new RuleViolation("days", "must be positive to imply a volatility (at maturity the value is the payoff)");
    }
    double lo = leg.of(InverseOptions.value(inputs.withVol(MIN_VOL)));
    double hi = leg.of(InverseOptions.value(inputs.withVol(MAX_VOL)));
    double min = Math.min(lo, hi);
    double max = Math.max(lo, hi);
    if (observedPrice < min || observedPrice > max) {
      throw new RuleViolation("price", String.format(
          "no volatility in [%s, %s] gives %s = %s; it must lie between %.10g and %.10g",
          MIN_VOL, MAX_VOL, leg, observedPrice, min, max));
    }
    try {
      return new BrentSolver(ABSOLUTE_ACCURACY)
          .solve(200, v -> leg.of(InverseOptions.value(inputs.withVol(v))) - observedPrice, MIN_VOL, MAX_VOL);
    } catch (MathIllegalStateException e) {
      throw new RuleViolation("price", "the volatility search did not converge: " + e.getMessage());
    }
  }
}
