package noliq.lab.scenarios;

import noliq.lab.engine.PathRandom;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/** A stochastic model of the price: turns a start price and a random stream into a path. */
public sealed interface PriceModel permits Gbm, MertonJumpDiffusion, GarchT, BlockBootstrap {
  /** The length of one step, in years (1/8760 for an hourly model). */
  double stepYears();

  /**
   * Writes one path into {@code out}: {@code out[0] = x0} and {@code out[t]} the price after step
   * t, for {@code t < out.length}. Reusing {@code out} across paths keeps a run's memory flat.
   */
  void fill(double x0, double[] out, UniformRandomProvider rng);

  /** A new path of {@code steps} steps from {@code x0}. */
  default double[] path(double x0, int steps, UniformRandomProvider rng) {
    if (!(x0 > 0) || Double.isInfinite(x0)) {
      throw new RuleViolation("x0", "must be a positive finite price (was " + x0 + ")");
    }
    if (steps < 0) {
      throw new RuleViolation("steps", "must not be negative (was " + steps + ")");
    }
    double[] out = new double[steps + 1];
    fill(x0, out, rng);
    return out;
  }

  /** Path {@code path} of a run seeded with {@code seed}: the stream {@link PathRandom#forPath(long, long)}. */
  default double[] path(double x0, int steps, long seed, long path) {
    return path(x0, steps, PathRandom.forPath(seed, path));
  }

  /**
   * The model's own forecast of the next 30 days' vol (per year) at every point of {@code prices} (one of
   * its own paths), or null when it has no view and the realised-vol mapping ({@link ImpliedVol}) should be
   * used. The path's implied level is this times the variance risk premium
   * ({@link ImpliedVolParameters#ivOverForwardRv}), an input. Deterministic in the path: a model's
   * conditional variance is a filter of its returns.
   */
  default double[] forwardVol(double[] prices) {
    return null;
  }

  /** Hourly steps: 1/8760 year. */
  double HOUR_YEARS = 1.0 / 8760.0;

  static void requireFinite(String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new RuleViolation(field, "must be a finite number (was " + v + ")");
    }
  }

  static void requirePositive(String field, double v) {
    requireFinite(field, v);
    if (v <= 0) {
      throw new RuleViolation(field, "must be positive (was " + v + ")");
    }
  }

  static void requireNonNegative(String field, double v) {
    requireFinite(field, v);
    if (v < 0) {
      throw new RuleViolation(field, "must not be negative (was " + v + ")");
    }
  }
}
