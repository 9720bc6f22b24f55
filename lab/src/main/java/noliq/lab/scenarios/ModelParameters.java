package noliq.lab.scenarios;

import noliq.math.RuleViolation;

/**
 * The parameters of the stochastic scenarios that a study may vary: the long-run volatility of the
 * fitted GARCH(1,1)-t (its persistence and tails stay as fitted; only {@code omega} is rescaled),
 * the volatility of the GBM, and the Merton model's diffusion and jumps. The defaults are the
 * standard models of {@link Scenarios#model(String)}, bit for bit.
 *
 * @param garchVolatility long-run annual volatility of {@code default} / {@code garch-t}
 * @param gbmVolatility annual volatility of {@code gbm}
 * @param mertonVolatility annual volatility of {@code merton}'s diffusion part
 * @param mertonJumpsPerYear expected jumps a year of {@code merton}
 * @param mertonJumpMean mean log jump of {@code merton}
 * @param mertonJumpStd standard deviation of the log jump of {@code merton}
 */
public record ModelParameters(double garchVolatility, double gbmVolatility, double mertonVolatility,
    double mertonJumpsPerYear, double mertonJumpMean, double mertonJumpStd) {

  /** The standard models: the fitted GARCH's own long-run volatility, GBM at 80%, Merton at 65% with 4 jumps of -8% (sd 6%) a year. */
  public static final ModelParameters DEFAULTS = new ModelParameters(FittedModels.ethHourly().annualVolatility(), 0.80,
      0.65, 4, -0.08, 0.06);

  public ModelParameters {
    positive("garchVolatility", garchVolatility);
    positive("gbmVolatility", gbmVolatility);
    positive("mertonVolatility", mertonVolatility);
    if (!(mertonJumpsPerYear >= 0) || Double.isInfinite(mertonJumpsPerYear)) {
      throw new RuleViolation("mertonJumpsPerYear", "must be non-negative and finite (was " + mertonJumpsPerYear + ")");
    }
    if (!Double.isFinite(mertonJumpMean)) {
      throw new RuleViolation("mertonJumpMean", "must be finite (was " + mertonJumpMean + ")");
    }
    if (!(mertonJumpStd >= 0) || Double.isInfinite(mertonJumpStd)) {
      throw new RuleViolation("mertonJumpStd", "must be non-negative and finite (was " + mertonJumpStd + ")");
    }
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new RuleViolation(field, "must be positive and finite (was " + v + ")");
    }
  }

  /**
   * The fitted GARCH at {@link #garchVolatility()}: the fitted model itself at its own volatility,
   * else the same persistence and tails with {@code omega} set so that the long-run volatility is the one asked.
   */
  public GarchT garch() {
    GarchT fitted = FittedModels.ethHourly();
    if (garchVolatility == fitted.annualVolatility()) {
      return fitted;
    }
    double omega = garchVolatility * garchVolatility * fitted.stepYears() * (1 - fitted.alpha() - fitted.beta());
    return new GarchT(fitted.mu(), omega, fitted.alpha(), fitted.beta(), fitted.nu(), fitted.stepYears());
  }

  public Gbm gbm() {
    return Gbm.hourly(0.0, gbmVolatility);
  }

  public MertonJumpDiffusion merton() {
    return new MertonJumpDiffusion(0.0, mertonVolatility, mertonJumpsPerYear, mertonJumpMean, mertonJumpStd, PriceModel.HOUR_YEARS);
  }
}
