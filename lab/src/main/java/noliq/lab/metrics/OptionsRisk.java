package noliq.lab.metrics;

import noliq.math.RuleViolation;

/**
 * The options side's figures (DESIGN.md): the P wrapper's tracking error against its target, its
 * three-way decomposition, roll cost per year and the 95th-percentile shortfall; the N holder's
 * ruin shares {@link DebtRisk#probabilityOfRuin}.
 */
public final class OptionsRisk {
  private OptionsRisk() {}

  /**
   * Annualised tracking error of one path: the sample standard deviation of the per-step changes in
   * the log deviation {@code ln(value / target)}, times {@code sqrt(steps per year)}.
   */
  public static double trackingError(double[] value, double[] target, double stepYears) {
    if (value.length != target.length) {
      throw new RuleViolation("target", "must have one entry per step (" + value.length + "; was " + target.length + ")");
    }
    double[] deviation = new double[value.length];
    for (int t = 0; t < value.length; t++) {
      deviation[t] = Math.log(value[t] / target[t]);
    }
    return annualisedStd(increments(deviation), stepYears);
  }

  /**
   * The three-way decomposition of the tracking error. Each argument is one source's contribution
   * to the per-step change in the log deviation (the three add up to the total change): (i) drift
   * from the put's delta between rolls, (ii) roll slippage and auction edge, (iii) settlement and
   * oracle error. Each source's share is its covariance with the total over the total's variance
   * (the Euler allocation), so the shares add up to 1 even when the sources are correlated.
   */
  public static TrackingDecomposition decompose(double[] deltaDrift, double[] rollSlippage, double[] settlement, double stepYears) {
    int n = deltaDrift.length;
    if (rollSlippage.length != n || settlement.length != n) {
      throw new RuleViolation("components", "must all have the same number of steps (" + n + ", " + rollSlippage.length + ", " + settlement.length + ")");
    }
    if (n < 2) {
      throw new RuleViolation("components", "need at least two steps");
    }
    double[] total = new double[n];
    for (int t = 0; t < n; t++) {
      total[t] = deltaDrift[t] + rollSlippage[t] + settlement[t];
    }
    double varTotal = covariance(total, total);
    double perYear = 1 / stepYears;
    return new TrackingDecomposition(
        Math.sqrt(varTotal * perYear),
        Math.sqrt(covariance(deltaDrift, deltaDrift) * perYear),
        Math.sqrt(covariance(rollSlippage, rollSlippage) * perYear),
        Math.sqrt(covariance(settlement, settlement) * perYear),
        varTotal == 0 ? Double.NaN : covariance(deltaDrift, total) / varTotal,
        varTotal == 0 ? Double.NaN : covariance(rollSlippage, total) / varTotal,
        varTotal == 0 ? Double.NaN : covariance(settlement, total) / varTotal);
  }

  /**
   * The decomposed tracking error: each source's annualised standard deviation on its own, and its
   * share of the total variance.
   */
  public record TrackingDecomposition(
      double total, double deltaDrift, double rollSlippage, double settlement,
      double deltaDriftShare, double rollSlippageShare, double settlementShare) {}

  /** Roll cost per year, as a fraction of the wrapper's average value: {@code cost / value / years}. */
  public static double rollCostPerYear(double totalCost, double averageValue, double years) {
    if (!(averageValue > 0)) {
      throw new RuleViolation("averageValue", "must be positive (was " + averageValue + ")");
    }
    if (!(years > 0)) {
      throw new RuleViolation("years", "must be positive (was " + years + ")");
    }
    return totalCost / averageValue / years;
  }

  /** The shortfall of a final value against its target, as a fraction of the target; 0 when on or above it. */
  public static double shortfall(double finalValue, double target) {
    if (!(target > 0)) {
      throw new RuleViolation("target", "must be positive (was " + target + ")");
    }
    return Math.max(0, 1 - finalValue / target);
  }

  /** The 95th percentile over paths of the shortfall against target. */
  public static Estimate shortfall95(double[] shortfallPerPath) {
    return Estimates.quantile(shortfallPerPath, 0.95);
  }

  /** The 95th percentile over paths of the roll volume, the options analogue of LaR95. */
  public static Estimate rollVolume95(double[] rollVolumePerPath) {
    return Estimates.quantile(rollVolumePerPath, 0.95);
  }

  static double[] increments(double[] series) {
    if (series.length < 3) {
      throw new RuleViolation("series", "needs at least three points for a tracking error (was " + series.length + ")");
    }
    double[] d = new double[series.length - 1];
    for (int t = 0; t < d.length; t++) {
      d[t] = series[t + 1] - series[t];
    }
    return d;
  }

  static double annualisedStd(double[] perStep, double stepYears) {
    if (!(stepYears > 0)) {
      throw new RuleViolation("stepYears", "must be positive (was " + stepYears + ")");
    }
    return Math.sqrt(covariance(perStep, perStep) / stepYears);
  }

  /** Sample covariance, divisor n - 1. */
  static double covariance(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (a[i] - ma) * (b[i] - mb);
    }
    return s / (n - 1);
  }
}
