package noliq.lab.metrics;

import noliq.math.RuleViolation;

/**
 * The debt side's figures, with Gauntlet's definitions (DESIGN.md): per path, the insolvent debt
 * (debt the collateral no longer covers, summed over insolvent accounts) and the liquidation volume;
 * across paths, their 95th percentiles, VaR95 and LaR95.
 */
public final class DebtRisk {
  private DebtRisk() {}

  /**
   * Insolvent debt of one state of the book: {@code sum over accounts of max(0, debt - collateral value)}.
   * Only insolvent accounts count; a surplus elsewhere does not offset it.
   */
  public static double insolventDebt(double[] debt, double[] collateralValue) {
    if (debt.length != collateralValue.length) {
      throw new RuleViolation("collateralValue", "must have one entry per account (" + debt.length + "; was " + collateralValue.length + ")");
    }
    double sum = 0;
    for (int i = 0; i < debt.length; i++) {
      sum += Math.max(0, debt[i] - collateralValue[i]);
    }
    return sum;
  }

  /** VaR95: the 95th percentile over paths of the insolvent debt (one value per path). */
  public static Estimate valueAtRisk95(double[] insolventDebtPerPath) {
    return Estimates.quantile(insolventDebtPerPath, 0.95);
  }

  /** LaR95: the 95th percentile over paths of the liquidation volume (one value per path). */
  public static Estimate liquidationsAtRisk95(double[] liquidationVolumePerPath) {
    return Estimates.quantile(liquidationVolumePerPath, 0.95);
  }

  /**
   * The penalty a liquidation takes from a borrower: the collateral seized, valued at the price,
   * minus the debt repaid. With a bonus b and no cap this is {@code b * repaid}.
   */
  public static double penalty(double debtRepaid, double collateralSeized, double price) {
    return collateralSeized * price - debtRepaid;
  }

  /** The largest fall from a running peak, as a fraction of the peak (0.4 = a 40% drawdown). */
  public static double maxDrawdown(double[] path) {
    if (path.length == 0) {
      throw new RuleViolation("path", "must not be empty");
    }
    double peak = path[0];
    double worst = 0;
    for (double x : path) {
      peak = Math.max(peak, x);
      worst = Math.max(worst, 1 - x / peak);
    }
    return worst;
  }

  /**
   * Cascade amplification: how much forced sales deepen a crash. The drawdown of the path with the
   * liquidations' price impact fed back, over the drawdown of the exogenous path; 1 means no
   * amplification.
   */
  public static double cascadeAmplification(double[] exogenous, double[] withFeedback) {
    double base = maxDrawdown(exogenous);
    if (base == 0) {
      throw new RuleViolation("exogenous", "has no drawdown to amplify");
    }
    return maxDrawdown(withFeedback) / base;
  }

  /**
   * The probability of ruin: the share of paths whose final P&L, as a fraction of the initial
   * equity, is at or below {@code -ruinFraction} (1.0 = everything lost), with Wilson's interval.
   */
  public static Estimate probabilityOfRuin(double[] pnlFraction, double ruinFraction) {
    long ruined = 0;
    for (double x : pnlFraction) {
      if (x <= -ruinFraction) {
        ruined++;
      }
    }
    return Estimates.proportion(ruined, pnlFraction.length);
  }
}
