package noliq.lab.study.debt;

import java.math.BigInteger;
import java.time.Duration;
import noliq.debt.aave.InterestRateStrategy;
import noliq.debt.maker.DssMath;
import noliq.debt.maker.Jug;
import noliq.debt.liquity.LiquityEngine;
import noliq.math.Decimals;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * How the debt books' debts accrue interest, each with its contract's rule (in {@code noliq.debt}):
 *
 * <ul>
 *   <li>Aave: the USDC reserve's rate curve on utilisation ({@link InterestRateStrategy}), compounded
 *       by the contract's three-term expansion, {@code aaveReserveFactor} to the treasury;
 *   <li>Maker: ETH-B's stability fee by {@link Jug#drip} ({@code rpow} of the per-second duty);
 *   <li>Liquity v2: each trove's own annual rate, drawn from a stated log-normal law and set on a
 *       {@value #LIQUITY_RATE_STEP_PCT} % grid (the grid groups troves, as v2's batches do, so that a
 *       book's index grows one rate at a time); simple interest between touches, compounding on each.
 * </ul>
 *
 * <p>The books collect interest every {@code accrualInterval} on the path (Aave and Maker for the
 * whole book, as a keeper's poke would; Liquity trove by trove, before any action on the trove and
 * at those times), so a position's debt lags the contract's by at most one interval's interest.
 *
 * @param accrualInterval how often the books collect interest
 * @param aaveOptimalUsage the USDC curve's kink (fraction)
 * @param aaveBaseRate its rate at zero usage (per year)
 * @param aaveSlope1 its rate added up to the kink (per year)
 * @param aaveSlope2 its rate added from the kink to full usage (per year)
 * @param aaveReserveFactor the treasury's share of interest
 * @param makerFeePerYear ETH-B's stability fee (per year, compounded per second)
 * @param liquityMedianRate the median user-set rate (per year)
 * @param liquityRateLogSd the log-spread of user-set rates
 */
public record Interest(Duration accrualInterval, double aaveOptimalUsage, double aaveBaseRate, double aaveSlope1,
    double aaveSlope2, double aaveReserveFactor, double makerFeePerYear, double liquityMedianRate,
    double liquityRateLogSd) {
  /** The grid user-set Liquity rates are set on [% a year]. */
  public static final double LIQUITY_RATE_STEP_PCT = 0.5;
  private static final double YEAR_SECONDS = 365.0 * 24 * 3600;

  /**
   * Aave: USDC on Aave v3 Ethereum from 2025-02-03 (optimal 92 %, base 0, slope1 9.5 %, slope2 35 %,
   * reserve factor 10 %; {@link InterestRateStrategy#usdcEthereum2025}). Maker: ETH-B 4 % from the
   * executive spell of 2022-02-04 ({@link Jug#ETH_B_DUTY_2022_02_04}). Liquity v2: median 5 % a year,
   * log-sd 0.5 (5th to 95th percentile 2.2 % to 11.4 %): an assumption to vary, not fitted (the
   * project has no Liquity v2 trove data). Weekly accrual: Aave's is a pass over every debt of the
   * reserve (each account rounded as the contract's balanceOf would), which daily would double the
   * Aave book's run time; the lag is at most a week's interest (0.18 % of the debt at 9.3 %).
   */
  public static Interest defaults() {
    InterestRateStrategy usdc = InterestRateStrategy.usdcEthereum2025();
    return new Interest(Duration.ofDays(7), usdc.optimalUsageBps() / 10_000.0, usdc.baseVariableBorrowRateBps() / 10_000.0,
        usdc.variableRateSlope1Bps() / 10_000.0, usdc.variableRateSlope2Bps() / 10_000.0,
        InterestRateStrategy.USDC_RESERVE_FACTOR_BPS / 10_000.0, 0.04, 0.05, 0.5);
  }

  /** No debt accrues anything: the books before interest was modelled. */
  public static final Interest NONE = new Interest(Duration.ofDays(1), 0.92, 0, 0, 0, 0.1, 0, 0, 0);

  public Interest {
    if (accrualInterval == null || accrualInterval.compareTo(Duration.ofMinutes(1)) < 0
        || accrualInterval.compareTo(Duration.ofDays(365)) > 0) {
      throw new RuleViolation("accrualInterval", "must be between 1 minute and 365 days");
    }
    if (!(aaveOptimalUsage >= 0.01) || aaveOptimalUsage > 0.99) {
      throw new RuleViolation("aaveOptimalUsage", "must be in [0.01, 0.99] (was " + aaveOptimalUsage + ")");
    }
    for (double r : new double[] {aaveBaseRate, aaveSlope1, aaveSlope2}) {
      if (!(r >= 0) || r > 10) {
        throw new RuleViolation("aaveRate", "base rate and slopes must be in [0, 10] a year (was " + r + ")");
      }
    }
    if (!(aaveReserveFactor >= 0) || aaveReserveFactor > 1) {
      throw new RuleViolation("aaveReserveFactor", "must be in [0, 1] (was " + aaveReserveFactor + ")");
    }
    if (!(makerFeePerYear >= 0) || makerFeePerYear > 10) {
      throw new RuleViolation("makerFeePerYear", "must be in [0, 10] (was " + makerFeePerYear + ")");
    }
    if (!(liquityMedianRate >= 0) || liquityMedianRate > 2.5) {
      throw new RuleViolation("liquityMedianRate", "must be in [0, 2.5] (was " + liquityMedianRate + ")");
    }
    if (!(liquityRateLogSd >= 0) || liquityRateLogSd > 5) {
      throw new RuleViolation("liquityRateLogSd", "must be in [0, 5] (was " + liquityRateLogSd + ")");
    }
    // The contract's own checks on the curve (slope1 <= slope2, kink range, max rate).
    if (aaveSlope1 > 0 || aaveSlope2 > 0 || aaveBaseRate > 0) {
      strategyOf(aaveOptimalUsage, aaveBaseRate, aaveSlope1, aaveSlope2);
    }
  }

  /** Whether Aave's debt accrues. */
  public boolean aaveAccrues() {
    return aaveBaseRate > 0 || aaveSlope1 > 0 || aaveSlope2 > 0;
  }

  /** The Aave curve in the contract's basis points. */
  public InterestRateStrategy aaveStrategy() {
    return strategyOf(aaveOptimalUsage, aaveBaseRate, aaveSlope1, aaveSlope2);
  }

  public int aaveReserveFactorBps() {
    return (int) Math.round(aaveReserveFactor * 10_000);
  }

  private static InterestRateStrategy strategyOf(double optimal, double base, double slope1, double slope2) {
    return new InterestRateStrategy((int) Math.round(optimal * 10_000), (int) Math.round(base * 10_000),
        (int) Math.round(slope1 * 10_000), (int) Math.round(slope2 * 10_000));
  }

  /**
   * Maker's per-second {@code duty} [ray] for the annual fee: the spell's constant at 4 %, else
   * {@code 1 + ln(1 + fee) / 31,536,000} (the spells' {@code e(l(1+fee)/secs)}), to 27 decimals,
   * truncated; 1 (no fee) at 0.
   */
  public BigInteger makerDuty() {
    if (makerFeePerYear == 0.04) {
      return Jug.ETH_B_DUTY_2022_02_04;
    }
    double perSecond = Math.log1p(makerFeePerYear) / YEAR_SECONDS;
    return DssMath.RAY.add(Decimals.fromDouble(perSecond, 27, Rounding.DOWN, "makerFeePerYear"));
  }

  /** Whether Maker's debt accrues. */
  public boolean makerAccrues() {
    return makerFeePerYear > 0;
  }

  /**
   * A trove's user-set rate [per year] from a standard normal {@code z}: {@code median · e^(sd·z)},
   * on the {@value #LIQUITY_RATE_STEP_PCT} % grid, within v2's [0.5 %, 250 %]; 0 when Liquity's
   * rates are off (median 0).
   */
  public double liquityRate(double z) {
    if (liquityMedianRate == 0) {
      return 0;
    }
    double r = liquityMedianRate * Math.exp(liquityRateLogSd * z);
    double step = LIQUITY_RATE_STEP_PCT / 100;
    double min = Decimals.toDouble(LiquityEngine.MIN_ANNUAL_INTEREST_RATE, 18);
    double max = Decimals.toDouble(LiquityEngine.MAX_ANNUAL_INTEREST_RATE, 18);
    return Math.min(max, Math.max(min, Math.round(r / step) * step));
  }

  /** Every book's debt accrues nothing. */
  public boolean none() {
    return !aaveAccrues() && !makerAccrues() && liquityMedianRate == 0;
  }
}
