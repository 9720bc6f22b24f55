package noliq.lab.study.debt;

import java.time.Duration;
import noliq.market.impact.ForcedSaleMarket;
import noliq.market.impact.ImpactCalibration;
import noliq.market.impact.ImpactCurve;
import noliq.math.RuleViolation;
import noliq.oracle.feeds.PushFeedConfig;

/**
 * How a book meets the market: the oracle feed the protocol reads, the forced-sale price impact
 * (or none, for the exogenous comparison), and the cap on liquidation rounds within one step.
 *
 * @param impact whether forced sales move the price (false: the endogenous path is the exogenous one)
 * @param calibration the forced-sale market's calibration (size/slippage point and recovery half-life)
 * @param shape the impact curve's shape
 * @param feed the protocol's price feed
 * @param maxRounds at most this many rounds of trigger, liquidate, sell within one step
 * @param marketVolumeMultiple the whole market's ETH volume over the path's (Binance ETH/USDT's): it only divides the
 *     forced-sales share of a day's volume; 1 reports the share of Binance ETH/USDT's volume alone
 */
public record Cascade(boolean impact, ImpactCalibration calibration, ImpactCurve.Shape shape, PushFeedConfig feed,
    int maxRounds, double marketVolumeMultiple) {

  /**
   * Impact on, calibrated to MakerDAO's 2021 point ($35M of ETH ~ 4% slippage) with a square-root
   * curve and a 30-minute recovery half-life ({@link ImpactCalibration#DEFAULT}); the feed is
   * Chainlink ETH/USD's (0.5% deviation, 1 h heartbeat) landing one block (12 s) after it triggers;
   * at most 32 rounds a step; a day's volume is Binance ETH/USDT's alone (multiple 1: an assumption to vary).
   */
  public static Cascade defaults() {
    return new Cascade(true, ImpactCalibration.DEFAULT, ImpactCurve.Shape.SQUARE_ROOT,
        PushFeedConfig.ethUsd(Duration.ofSeconds(12)), 32, 1.0);
  }

  public Cascade {
    if (calibration == null || shape == null || feed == null) {
      throw new RuleViolation("cascade", "needs a calibration, a shape and a feed");
    }
    if (maxRounds < 1) {
      throw new RuleViolation("maxRounds", "must be at least 1 (was " + maxRounds + ")");
    }
    if (!(marketVolumeMultiple >= 1) || Double.isInfinite(marketVolumeMultiple)) {
      throw new RuleViolation("marketVolumeMultiple", "must be at least 1 and finite (was " + marketVolumeMultiple + ")");
    }
  }

  /** The same settings with the price impact switched on or off. */
  public Cascade withImpact(boolean on) {
    return new Cascade(on, calibration, shape, feed, maxRounds, marketVolumeMultiple);
  }

  /** A fresh market for one path, or null when impact is off. */
  ForcedSaleMarket newMarket() {
    return impact ? ForcedSaleMarket.calibrated(calibration, shape) : null;
  }
}
