package noliq.lab.scenarios;

import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;

/**
 * GARCH(1,1) log returns with Student-t innovations scaled to unit variance:
 * {@code r_t = mu + sigma_t z_t}, {@code sigma_t^2 = omega + alpha (r_{t-1} - mu)^2 + beta sigma_{t-1}^2},
 * {@code z_t = T_nu sqrt((nu - 2) / nu)}. All per step. A path starts at the unconditional
 * variance {@code omega / (1 - alpha - beta)}.
 *
 * @param mu mean log return per step
 * @param omega constant of the variance recursion, per step squared
 * @param alpha weight of the last squared shock
 * @param beta weight of the last variance
 * @param nu degrees of freedom of the innovations (more than 2)
 * @param stepYears the step, in years
 */
public record GarchT(double mu, double omega, double alpha, double beta, double nu, double stepYears)
    implements PriceModel {
  public GarchT {
    PriceModel.requireFinite("mu", mu);
    PriceModel.requirePositive("omega", omega);
    PriceModel.requireNonNegative("alpha", alpha);
    PriceModel.requireNonNegative("beta", beta);
    PriceModel.requireFinite("nu", nu);
    PriceModel.requirePositive("stepYears", stepYears);
    if (alpha + beta >= 1) {
      throw new RuleViolation("alpha + beta", "must be below 1 for a stationary variance (was " + (alpha + beta) + ")");
    }
    if (nu <= 2) {
      throw new RuleViolation("nu", "must be above 2 for a finite variance (was " + nu + ")");
    }
  }

  /** The long-run variance of one step's log return. */
  public double unconditionalVariance() {
    return omega / (1 - alpha - beta);
  }

  /** The long-run volatility per year, {@code sqrt(variance / stepYears)}. */
  public double annualVolatility() {
    return Math.sqrt(unconditionalVariance() / stepYears);
  }

  @Override
  public void fill(double x0, double[] out, UniformRandomProvider rng) {
    TSampler t = TSampler.of(rng, nu);
    double scale = Math.sqrt((nu - 2) / nu);
    double variance = unconditionalVariance();
    double logX = Math.log(x0);
    out[0] = x0;
    for (int i = 1; i < out.length; i++) {
      double shock = Math.sqrt(variance) * scale * t.sample();
      logX += mu + shock;
      out[i] = Math.exp(logX);
      variance = omega + alpha * shock * shock + beta * variance;
    }
  }

  /** The conditional variance filtered from the path's returns, turned into a 30-day vol forecast ({@link ImpliedVol#garchForwardVol}). */
  @Override
  public double[] forwardVol(double[] prices) {
    double[] out = new double[prices.length];
    double h = unconditionalVariance();
    out[0] = ImpliedVol.garchForwardVol(this, h);
    for (int i = 1; i < prices.length; i++) {
      double shock = Math.log(prices[i] / prices[i - 1]) - mu;
      h = omega + alpha * shock * shock + beta * h;
      out[i] = ImpliedVol.garchForwardVol(this, h);
    }
    return out;
  }
}
