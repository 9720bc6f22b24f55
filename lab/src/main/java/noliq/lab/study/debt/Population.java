package noliq.lab.study.debt;

import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The borrowers of a book, drawn afresh on every path from distributions fitted on real data, and
 * the same on every protocol.
 *
 * <p><b>What is drawn.</b> Each of {@code positions} representative borrowers gets a debt, as it
 * would be under Maker ETH-B's rules, with {@code ln(debt)} ~ N(fit.logDebtMean, fit.logDebtSd)
 * (redrawn when under {@code minDebtUsd}), and a distance to liquidation, the health
 * {@code h = 1 + exp(N(fit.logExcessHealthMean, fit.logExcessHealthSd))} ({@link EthBCalibration}).
 * Its collateral is worth {@code debt · 1.3 · h} USD (the ETH-B collateral ratio that gives that
 * health) at the path's first price.
 *
 * <p><b>The mapping to each protocol.</b> Every book gives the borrower that same USD collateral and
 * the same health under its own liquidation ratio r (Aave 1/LT = 1/0.83, Maker mat 1.3, Liquity
 * MCR 1.1): its debt there is {@code collateral / (r · h)}, so each borrower is liquidated after the
 * same fall of the price, {@code 1 − 1/h}, on every protocol (Aave's debt is 7.9% larger than
 * Maker's, Liquity's 18.2%). {@code minDebtUsd} (33,000 by default: 1.1 × Maker's 30,000 dust, the
 * largest protocol minimum) keeps every borrower above every protocol's minimum, so no book resizes
 * anyone.
 *
 * <p><b>Scale.</b> A real book holds far more positions than a run can afford; the
 * {@code positions} representatives stand for all of them with one weight, chosen on each path so
 * that their Maker-mapped debt adds up to {@code bookDebtUsd}: every USD figure and count a book
 * reports is the representatives' figure times the weight, and its forced sales reach the market
 * at the book's scale.
 *
 * @param positions representative borrowers simulated
 * @param fit the fitted size and health distributions
 * @param minDebtUsd the smallest debt a borrower draws (Maker mapping) [USD]
 * @param bookDebtUsd the debt the book stands for (Maker mapping) [USD]
 */
public record Population(int positions, EthBCalibration.Fit fit, double minDebtUsd, double bookDebtUsd)
    implements Borrowers {
  /** Maker ETH-B's liquidation ratio: the fitted debts and healths are ETH-B's. */
  static final double FIT_RATIO = EthBCalibration.MAT;
  /** The largest protocol minimum (Maker ETH-B's 30,000 DAI dust) with a 10% margin. */
  public static final double DEFAULT_MIN_DEBT_USD = 33_000;
  /**
   * The default book: $1B of ETH-collateral debt. An assumption to vary: Maker ETH-B alone held
   * $44M on 2021-06-01 and $237M at its peak on 2022-06-18 (summed from the event files, no fee
   * accrual), and Aave v3's ETH-collateral debt on Ethereum in 2025 ran to several $B (not sourced
   * in the project).
   */
  public static final double DEFAULT_BOOK_DEBT_USD = 1e9;
  /** Bound on redraws of a debt under the minimum (each has probability about 5% with the fit). */
  private static final int MAX_REDRAWS = 64;

  /** 1,000 representatives of a $1B book drawn from the committed ETH-B fit. */
  public static Population defaults() {
    return new Population(1000, EthBCalibration.COMMITTED, DEFAULT_MIN_DEBT_USD, DEFAULT_BOOK_DEBT_USD);
  }

  public Population {
    if (positions < 1 || positions > 1_000_000) {
      throw new RuleViolation("positions", "must be in [1, 1000000] (was " + positions + ")");
    }
    if (fit == null) {
      throw new RuleViolation("fit", "is required");
    }
    if (!(minDebtUsd > 0) || Double.isInfinite(minDebtUsd)) {
      throw new RuleViolation("minDebtUsd", "must be positive and finite (was " + minDebtUsd + ")");
    }
    if (!(bookDebtUsd >= minDebtUsd * positions) || Double.isInfinite(bookDebtUsd)) {
      throw new RuleViolation("bookDebtUsd", "must be finite and at least positions x minDebtUsd (was " + bookDebtUsd + ")");
    }
  }

  /** The same population with a book of {@code usd}. */
  public Population withBookDebt(double usd) {
    return new Population(positions, fit, minDebtUsd, usd);
  }

  /** One borrower as drawn: collateral in ETH and initial health factor. */
  public record Draw(double collateralEth, double health) {}

  /** The borrowers of one path and how many real positions each stands for. */
  public record Drawn(Draw[] draws, double weight) {}

  /** Draws the borrowers, in order, from {@code rng}, with their collateral at {@code price}. */
  @Override
  public Drawn draw(UniformRandomProvider rng, double price) {
    Draw[] out = new Draw[positions];
    double total = 0;
    for (int i = 0; i < positions; i++) {
      double debt = 0;
      for (int k = 0; k < MAX_REDRAWS && debt < minDebtUsd; k++) {
        debt = StrictMath.exp(fit.logDebtMean() + fit.logDebtSd() * gaussian(rng));
      }
      debt = Math.max(debt, minDebtUsd);
      double health = 1 + StrictMath.exp(fit.logExcessHealthMean() + fit.logExcessHealthSd() * gaussian(rng));
      out[i] = new Draw(debt * FIT_RATIO * health / price, health);
      total += debt;
    }
    return new Drawn(out, bookDebtUsd / total);
  }

  /** A standard normal by Box-Muller from two uniforms, so a draw uses exactly two numbers of the stream. */
  static double gaussian(UniformRandomProvider rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
