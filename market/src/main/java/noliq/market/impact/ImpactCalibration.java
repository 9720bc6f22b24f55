package noliq.market.impact;

import java.time.Duration;
import noliq.math.RuleViolation;

/**
 * The calibration of the forced-sale market, as data with its sources.
 *
 * @param slippagePoint the size/slippage point the impact curve passes through
 * @param volElasticityLow the low end of the volatility response (see {@link VolatilityResponse})
 * @param volElasticityHigh the high end
 * @param volSource where the volatility response comes from
 * @param recoveryHalfLife how fast the price's deviation from the exogenous price halves
 * @param halfLifeSource why that half-life
 */
public record ImpactCalibration(
    CalibrationPoint slippagePoint,
    double volElasticityLow,
    double volElasticityHigh,
    String volSource,
    Duration recoveryHalfLife,
    String halfLifeSource) {

  /**
   * MakerDAO's risk team, setting the Liquidations 2.0 parameters for ETH-A/B/C (2021): "$35M of
   * ETH ≈ 4.0% on-chain slippage" (anchors B2).
   */
  public static final CalibrationPoint MAKER_2021 = new CalibrationPoint(35_000_000.0, 0.040,
      "MakerDAO forum, 'ETH and WBTC vaults: Liquidations 2.0 parameters' (2021): $35M of ETH ~ 4.0% "
          + "on-chain slippage; https://forum.makerdao.com/t/eth-and-wbtc-vaults-liquidations-2-0-parameters/7628");

  /** OECD (2023): a 1% increase in USD liquidated debt goes with +0.017% to +0.024% post-liquidation volatility. */
  public static final double OECD_LOW = 0.017;
  public static final double OECD_HIGH = 0.024;
  public static final String OECD_SOURCE = "OECD (2023), 'DeFi liquidations: Volatility and liquidity', OECD Finance "
      + "Working Paper; Aave, Compound and Maker, Dec 2020 - Dec 2022, 1-minute DEX prices, 2-hour volatility window, "
      + "2SLS; https://www.oecd.org/investment/defi-liquidations-0524faaf-en.htm (anchors C5)";

  /**
   * No published figure for how fast on-chain ETH liquidity refills after a forced sale was found.
   * 30 minutes is of the order of Maker's measured auction cycle (20 min ETH-B, 30 min others, Nov
   * 2021), the time in which keepers and arbitrage restored depth between cycles. An assumption;
   * vary it.
   */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofMinutes(30);

  public static final ImpactCalibration DEFAULT = new ImpactCalibration(MAKER_2021, OECD_LOW, OECD_HIGH, OECD_SOURCE,
      DEFAULT_HALF_LIFE, "assumption: of the order of Maker's 20-30 minute auction cycle (forum, Nov 2021; anchors B2)");

  public ImpactCalibration {
    if (slippagePoint == null) {
      throw new RuleViolation("slippagePoint", "is required");
    }
    if (!(volElasticityLow >= 0 && volElasticityHigh >= volElasticityLow && volElasticityHigh < 1)) {
      throw new RuleViolation("volElasticity", "must satisfy 0 <= low <= high < 1 (was " + volElasticityLow + ", "
          + volElasticityHigh + ")");
    }
    if (recoveryHalfLife == null || recoveryHalfLife.isNegative() || recoveryHalfLife.isZero()) {
      throw new RuleViolation("recoveryHalfLife", "must be positive (was " + recoveryHalfLife + ")");
    }
  }

  /** The midpoint of the OECD range. */
  public double volElasticity() {
    return 0.5 * (volElasticityLow + volElasticityHigh);
  }

  /** The impact curve of the chosen shape, passing through {@link #slippagePoint}. */
  public ImpactCurve curve(ImpactCurve.Shape shape) {
    return ImpactCurve.calibrated(shape, slippagePoint);
  }
}
