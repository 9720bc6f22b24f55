package noliq.wrapper.port;

import java.time.Instant;
import noliq.pricing.VolSurface;

/**
 * The implied-vol surface a runner reads at a moment: the market's state, given as data. The local agent
 * values its P (and reports its exposure) on it, at the held series' own strike and maturity, as marks and
 * makers do; the lab passes the path's surface at the virtual clock's time, the daemon a surface its user states.
 */
@FunctionalInterface
public interface VolFeed {
  VolSurface surface(Instant now);

  /** The same surface at every moment. */
  static VolFeed constant(VolSurface surface) {
    if (surface == null) {
      throw new noliq.math.RuleViolation("surface", "is required");
    }
    return now -> surface;
  }
}
