package noliq.lab.scenarios;

import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Merton's jump-diffusion: GBM plus a Poisson number of jumps per step, each multiplying the price
 * by {@code exp(J)} with {@code J ~ Normal(jumpMean, jumpStd^2)}. The drift is compensated for the
 * jumps ({@code - intensity k} with {@code k = E[e^J] - 1}), so {@code drift} keeps its GBM meaning.
 *
 * @param drift per year, as in {@link Gbm}
 * @param volatility of the diffusion part, per year
 * @param jumpIntensity expected jumps per year
 * @param jumpMean mean log jump ({@code -0.1} is a typical 10% drop)
 * @param jumpStd standard deviation of the log jump
 * @param stepYears the step, in years
 */
public record MertonJumpDiffusion(
    double drift, double volatility, double jumpIntensity, double jumpMean, double jumpStd, double stepYears)
    implements PriceModel {
  public MertonJumpDiffusion {
    PriceModel.requireFinite("drift", drift);
    PriceModel.requireNonNegative("volatility", volatility);
    PriceModel.requireNonNegative("jumpIntensity", jumpIntensity);
    PriceModel.requireFinite("jumpMean", jumpMean);
    PriceModel.requireNonNegative("jumpStd", jumpStd);
    PriceModel.requirePositive("stepYears", stepYears);
    if (jumpIntensity * stepYears > 1) {
      throw new RuleViolation("jumpIntensity", "must give at most one expected jump per step (was "
          + jumpIntensity * stepYears + " per step)");
    }
  }

  /** {@code E[e^J] - 1}, the mean relative size of a jump. */
  public double meanJump() {
    return Math.exp(jumpMean + 0.5 * jumpStd * jumpStd) - 1;
  }

  @Override
  public void fill(double x0, double[] out, UniformRandomProvider rng) {
    NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    double lambdaDt = jumpIntensity * stepYears;
    PoissonSampler jumps = lambdaDt > 0 ? new PoissonSampler(rng, lambdaDt) : null;
    double mean = (drift - 0.5 * volatility * volatility - jumpIntensity * meanJump()) * stepYears;
    double sd = volatility * Math.sqrt(stepYears);
    double logX = Math.log(x0);
    out[0] = x0;
    for (int t = 1; t < out.length; t++) {
      logX += mean + sd * z.sample();
      int n = jumps == null ? 0 : jumps.sample();
      if (n > 0) {
        logX += n * jumpMean + Math.sqrt(n) * jumpStd * z.sample();
      }
      out[t] = Math.exp(logX);
    }
  }

  /** Its total volatility (diffusion plus jumps' variance, {@code σ² + λ(μJ² + σJ²)}), at every point. */
  @Override
  public double[] forwardVol(double[] prices) {
    double total = Math.sqrt(volatility * volatility + jumpIntensity * (jumpMean * jumpMean + jumpStd * jumpStd));
    double[] out = new double[prices.length];
    java.util.Arrays.fill(out, total);
    return out;
  }
}
