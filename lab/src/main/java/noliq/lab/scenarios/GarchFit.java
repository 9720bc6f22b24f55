package noliq.lab.scenarios;

import noliq.math.RuleViolation;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.special.Gamma;

/**
 * Maximum-likelihood fit of a {@link GarchT} to a series of log returns.
 *
 * <p>The mean {@code mu} is the sample mean (fitted separately, as is usual for hourly data where
 * it is tiny next to the noise). alpha, beta and nu are found by Nelder–Mead (Hipparchus)
 * on an unconstrained reparametrisation that keeps the model valid everywhere:
 * {@code alpha + beta = logistic(a)}, {@code alpha = (alpha + beta) logistic(b)},
 * {@code nu = 2 + exp(c)}; {@code v}, the sample variance, also starts the variance
 * recursion. The search is restarted from its own optimum until it stops improving, since a single
 * Nelder–Mead run can stall short of the optimum. Variance targeting ({@code omega = v (1 - alpha - beta)})
 * pins the long-run variance to the sample's: left free, hourly crypto data drives
 * {@code alpha + beta} to 1 and the long-run variance to infinity. Returns across a gap in the data
 * are left out by the caller ({@link OhlcSeries#logReturns()}); the recursion runs on over the gap.
 *
 * @param model the fitted model
 * @param logLikelihood the maximised log-likelihood
 * @param observations the number of returns fitted
 */
public record GarchFit(GarchT model, double logLikelihood, int observations) {
  private static final int MAX_EVALUATIONS = 20_000;
  private static final int MAX_RESTARTS = 6;

  /** Fits returns measured over steps of {@code stepYears}. */
  public static GarchFit fit(double[] logReturns, double stepYears) {
    if (logReturns.length < 100) {
      throw new RuleViolation("logReturns", "need at least 100 returns to fit a GARCH(1,1) (was " + logReturns.length + ")");
    }
    double mu = 0;
    for (double r : logReturns) {
      mu += r;
    }
    mu /= logReturns.length;
    double[] e = new double[logReturns.length];
    double variance = 0;
    for (int i = 0; i < e.length; i++) {
      e[i] = logReturns[i] - mu;
      variance += e[i] * e[i];
    }
    variance /= e.length - 1;
    double v = variance;

    ObjectiveFunction negLogLikelihood = new ObjectiveFunction(theta -> -logLikelihood(e, v, theta));
    double[] start = {logit(0.95), logit(0.05 / 0.95), Math.log(3.0)};
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
    PointValuePair best = null;
    for (int restart = 0; restart < MAX_RESTARTS; restart++) {
      PointValuePair found = optimizer.optimize(
          new MaxEval(MAX_EVALUATIONS),
          negLogLikelihood,
          GoalType.MINIMIZE,
          new InitialGuess(best == null ? start : best.getPoint()),
          new NelderMeadSimplex(3, 0.3));
      boolean improved = best == null || found.getValue() < best.getValue() - 1e-9 * Math.abs(best.getValue());
      if (best == null || found.getValue() < best.getValue()) {
        best = found;
      }
      if (!improved) {
        break;
      }
    }
    double[] p = parameters(v, best.getPoint());
    return new GarchFit(new GarchT(mu, p[0], p[1], p[2], p[3], stepYears), -best.getValue(), logReturns.length);
  }

  /** The log-likelihood of returns {@code logReturns} under {@code model}, the recursion started at the sample variance. */
  public static double logLikelihood(double[] logReturns, GarchT model) {
    double[] e = new double[logReturns.length];
    double variance = 0;
    double mean = 0;
    for (double r : logReturns) {
      mean += r;
    }
    mean /= logReturns.length;
    for (int i = 0; i < e.length; i++) {
      e[i] = logReturns[i] - model.mu();
      variance += (logReturns[i] - mean) * (logReturns[i] - mean);
    }
    variance /= e.length - 1;
    return logLikelihood(e, variance, model.omega(), model.alpha(), model.beta(), model.nu());
  }

  /** {omega, alpha, beta, nu} from the unconstrained {@code theta}; omega by variance targeting. */
  private static double[] parameters(double v, double[] theta) {
    double persistence = logistic(theta[0]);
    double alpha = persistence * logistic(theta[1]);
    return new double[] {v * (1 - persistence), alpha, persistence - alpha, 2 + Math.exp(theta[2])};
  }

  private static double logLikelihood(double[] e, double v, double[] theta) {
    double[] p = parameters(v, theta);
    return logLikelihood(e, v, p[0], p[1], p[2], p[3]);
  }

  private static double logLikelihood(double[] e, double h0, double omega, double alpha, double beta, double nu) {
    if (!(nu > 2) || !(omega > 0) || alpha + beta >= 1) {
      return Double.NEGATIVE_INFINITY;
    }
    double constant = Gamma.logGamma((nu + 1) / 2) - Gamma.logGamma(nu / 2) - 0.5 * Math.log(Math.PI * (nu - 2));
    double halfNuPlusOne = 0.5 * (nu + 1);
    double scale = nu - 2;
    double h = h0;
    double sum = 0;
    for (double shock : e) {
      sum += -0.5 * Math.log(h) - halfNuPlusOne * Math.log1p(shock * shock / (scale * h));
      h = omega + alpha * shock * shock + beta * h;
    }
    double ll = e.length * constant + sum;
    return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
