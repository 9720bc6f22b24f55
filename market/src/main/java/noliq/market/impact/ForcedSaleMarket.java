package noliq.market.impact;

import java.time.Duration;
import java.time.Instant;
import noliq.math.RuleViolation;

/**
 * The ETH spot market as forced sellers meet it. The exogenous price (from a path) comes in at
 * each call; sales push the market price below it along an {@link ImpactCurve}, and the
 * deviation halves every {@code halfLife} as arbitrage refills liquidity. Later sales start from
 * the depressed price, which is how forced sales feed a cascade. No clock: time is passed in.
 */
public final class ForcedSaleMarket {
  /** One forced sale: {@code eth} sold from {@code priceBefore}, for {@code proceedsUsd} in all. */
  public record Sale(double eth, double priceBefore, double averagePrice, double proceedsUsd, double priceAfter,
      Instant at) {
    /** The average execution cost against the exogenous price the sale started from. */
    public double slippage(double exogenousPrice) {
      return 1 - averagePrice / exogenousPrice;
    }
  }

  private final ImpactCurve curve;
  private final Duration halfLife;
  private double deviation;
  private Instant lastUpdate;

  public ForcedSaleMarket(ImpactCurve curve, Duration halfLife) {
    if (curve == null) {
      throw new RuleViolation("curve", "is required");
    }
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new RuleViolation("halfLife", "must be positive (was " + halfLife + ")");
    }
    this.curve = curve;
    this.halfLife = halfLife;
  }

  public static ForcedSaleMarket calibrated(ImpactCalibration calibration, ImpactCurve.Shape shape) {
    return new ForcedSaleMarket(calibration.curve(shape), calibration.recoveryHalfLife());
  }

  public ImpactCurve curve() {
    return curve;
  }

  /** The market price now: the exogenous price less the deviation left by past sales. */
  public double price(double exogenousPrice, Instant now) {
    requirePrice(exogenousPrice);
    decay(now);
    return exogenousPrice * (1 - deviation);
  }

  /** The current relative deviation below the exogenous price. */
  public double deviation(Instant now) {
    decay(now);
    return deviation;
  }

  /** Sells {@code eth} at once at {@code now}. */
  public Sale sell(double eth, double exogenousPrice, Instant now) {
    if (!(eth > 0) || Double.isInfinite(eth)) {
      throw new RuleViolation("eth", "must be a positive finite number (was " + eth + ")");
    }
    requirePrice(exogenousPrice);
    decay(now);
    double before = exogenousPrice * (1 - deviation);
    double v0 = curve.volumeAt(deviation);
    double q = eth * exogenousPrice;
    double shortfall = curve.shortfall(v0 + q) - curve.shortfall(v0);
    double proceeds = Math.max(q - shortfall, 0);
    deviation = curve.impact(v0 + q);
    return new Sale(eth, before, proceeds / eth, proceeds, exogenousPrice * (1 - deviation), now);
  }

  private void decay(Instant now) {
    if (now == null) {
      throw new RuleViolation("now", "is required");
    }
    if (lastUpdate != null) {
      if (now.isBefore(lastUpdate)) {
        throw new RuleViolation("now", "must not go back in time (last " + lastUpdate + ", now " + now + ")");
      }
      if (now.equals(lastUpdate)) {
        // No time passed: the factor would be 0.5^0 = 1 exactly. A crash's rounds read the price many times an instant.
        return;
      }
      double halves = Duration.between(lastUpdate, now).toNanos() / (double) halfLife.toNanos();
      deviation *= Math.pow(0.5, halves);
    }
    lastUpdate = now;
  }

  private static void requirePrice(double p) {
    if (!(p > 0) || Double.isInfinite(p)) {
      throw new RuleViolation("exogenousPrice", "must be a positive finite number (was " + p + ")");
    }
  }
}
