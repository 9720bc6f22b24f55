package noliq.wrapper.policy;

import java.time.Instant;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.pricing.VolSurface;

/**
 * What a policy sees when it decides: the spot x (index units per ETH, from whichever price source
 * its runner trusts), the time, and the implied-vol surface its runner values P with, at each
 * series' own strike and maturity. {@code vol} is the surface's 30-day at-the-money level.
 */
public record Observation(Price spot, Instant now, double vol, VolSurface surface) {
  /** One flat vol at every strike and maturity. */
  public Observation(Price spot, Instant now, double vol) {
    this(spot, now, vol, flatOrNull(vol));
  }

  /** The market's surface; {@code vol} is its 30-day at-the-money level. */
  public Observation(Price spot, Instant now, VolSurface surface) {
    this(spot, now, surface == null ? Double.NaN : surface.atm30(), surface);
  }

  private static VolSurface flatOrNull(double vol) {
    return vol > 0 && vol <= 10 ? VolSurface.flat(vol) : null;
  }

  /** The vol at {@code strike} (index units) and {@code days} to maturity, from the surface. */
  public double volAt(double strike, double days) {
    return surface.volDays(spot.toDouble(), strike, days);
  }

  public Observation {
    if (spot == null || !spot.isPositive()) {
      throw new RuleViolation("spot", "must be positive (was " + spot + ")");
    }
    if (now == null) {
      throw new RuleViolation("now", "is required");
    }
    if (!(vol > 0) || Double.isInfinite(vol)) {
      throw new RuleViolation("vol", "must be a positive finite number (was " + vol + ")");
    }
    if (surface == null) {
      throw new RuleViolation("vol", "must be in (0, 10] (was " + vol + ")");
    }
  }
}
