package noliq.lab.scenarios;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Geometric Brownian motion: {@code x[t+1] = x[t] exp((drift - vol^2/2) dt + vol sqrt(dt) Z)}.
 *
 * @param drift expected log-growth plus {@code vol^2/2}, per year (0 = a martingale)
 * @param volatility per year (0.8 = 80%)
 * @param stepYears the step, in years
 */
public record Gbm(double drift, double volatility, double stepYears) implements PriceModel {
  public Gbm {
    PriceModel.requireFinite("drift", drift);
    PriceModel.requireNonNegative("volatility", volatility);
    PriceModel.requirePositive("stepYears", stepYears);
  }

  /** Hourly steps. */
  public static Gbm hourly(double drift, double volatility) {
    return new Gbm(drift, volatility, HOUR_YEARS);
  }

  @Override
  public void fill(double x0, double[] out, UniformRandomProvider rng) {
    NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    double mean = (drift - 0.5 * volatility * volatility) * stepYears;
    double sd = volatility * Math.sqrt(stepYears);
    double logX = Math.log(x0);
    out[0] = x0;
    for (int t = 1; t < out.length; t++) {
      logX += mean + sd * z.sample();
      out[t] = Math.exp(logX);
    }
  }

  /** Its own volatility, at every point. */
  @Override
  public double[] forwardVol(double[] prices) {
    double[] out = new double[prices.length];
    java.util.Arrays.fill(out, volatility);
    return out;
  }
}
