package noliq.lab.study.debt;

import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The stated distribution a book's borrowers are drawn from, for every path afresh.
 *
 * <p>Collateral per position is log-normal (ETH holdings of DeFi accounts are heavy-tailed; the
 * median and spread are assumptions, not fitted). The initial distance to liquidation is a health
 * factor drawn uniformly on {@code [minHealth, maxHealth]}; it means the same on every protocol
 * (Aave's health factor, Maker's collateral ratio over {@code mat}, Liquity's ICR over the MCR), so
 * the three books carry the same risk before their rules differ. A position whose debt would fall
 * below the protocol's minimum is scaled up (collateral and debt together, health unchanged).
 *
 * @param positions number of borrowers
 * @param medianCollateralEth median collateral of a position, in ETH
 * @param collateralLogSigma standard deviation of the log of the collateral
 * @param minHealth lowest initial health factor (above 1: nobody starts liquidatable)
 * @param maxHealth highest initial health factor
 */
public record Population(int positions, double medianCollateralEth, double collateralLogSigma, double minHealth,
    double maxHealth) implements Borrowers {

  /**
   * The default population: 1,000 borrowers, median 10 ETH of collateral with log-sigma 1.5 (so
   * the top 1% hold over 300 ETH), health factors uniform on [1.05, 3.0]. An assumption stated
   * for the study, of the order of the spread Aave's and Maker's risk dashboards show; vary it.
   */
  public static Population defaults() {
    return new Population(1000, 10.0, 1.5, 1.05, 3.0);
  }

  public Population {
    if (positions < 1) {
      throw new RuleViolation("positions", "must be at least 1 (was " + positions + ")");
    }
    if (!(medianCollateralEth > 0) || Double.isInfinite(medianCollateralEth)) {
      throw new RuleViolation("medianCollateralEth", "must be positive and finite (was " + medianCollateralEth + ")");
    }
    if (!(collateralLogSigma >= 0) || Double.isInfinite(collateralLogSigma)) {
      throw new RuleViolation("collateralLogSigma", "must be non-negative and finite (was " + collateralLogSigma + ")");
    }
    if (!(minHealth > 1) || !(maxHealth >= minHealth) || Double.isInfinite(maxHealth)) {
      throw new RuleViolation("minHealth", "must satisfy 1 < minHealth <= maxHealth (was " + minHealth + ", " + maxHealth + ")");
    }
  }

  /** One borrower as drawn: collateral in ETH and initial health factor. */
  public record Draw(double collateralEth, double health) {}

  /** Draws the borrowers, in order, from {@code rng}. */
  @Override
  public Draw[] draw(UniformRandomProvider rng) {
    Draw[] out = new Draw[positions];
    for (int i = 0; i < positions; i++) {
      double z = gaussian(rng);
      double coll = medianCollateralEth * StrictMath.exp(collateralLogSigma * z);
      double health = minHealth + (maxHealth - minHealth) * rng.nextDouble();
      out[i] = new Draw(coll, health);
    }
    return out;
  }

  /** A standard normal by Box-Muller from two uniforms, so a draw uses exactly two numbers of the stream. */
  static double gaussian(UniformRandomProvider rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
