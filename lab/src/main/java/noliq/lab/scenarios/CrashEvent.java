package noliq.lab.scenarios;

import java.time.Instant;
import java.util.List;
import noliq.math.RuleViolation;

/**
 * A market crash pinned to published facts: the open, the low, the close (and any other fixed
 * points) with their times. Paths of an {@link EventAnchoredCrash} pass through every pin.
 *
 * @param id short name used on the command line, e.g. {@code mar-2020}
 * @param name what happened
 * @param pins the facts, in time order; exactly one has kind {@link Pin.Kind#LOW} and it is the lowest
 * @param realisedVolatility the event's realised volatility per year (close-to-close log returns of
 *     the finest bars available over the window), the default volatility of the bridges between pins
 */
public record CrashEvent(String id, String name, List<Pin> pins, double realisedVolatility) {
  /**
   * One published fact.
   *
   * @param kind what the price is
   * @param time when it was (for a close: the end of the bar; for a low: the open of the finest bar holding it)
   * @param price ETH in USD(T)
   * @param source where the fact is published and how it was checked
   */
  public record Pin(Kind kind, Instant time, double price, String source) {
    public enum Kind { OPEN, CLOSE, LOW }
  }

  public CrashEvent {
    pins = List.copyOf(pins);
    if (!(realisedVolatility >= 0) || Double.isInfinite(realisedVolatility)) {
      throw new RuleViolation("realisedVolatility", "must be a non-negative number (was " + realisedVolatility + ")");
    }
    if (pins.size() < 2) {
      throw new RuleViolation("pins", "need at least an open and a close (was " + pins.size() + ")");
    }
    long lows = pins.stream().filter(p -> p.kind() == Pin.Kind.LOW).count();
    if (lows != 1) {
      throw new RuleViolation("pins", "need exactly one low (was " + lows + ")");
    }
    for (int i = 0; i < pins.size(); i++) {
      Pin p = pins.get(i);
      if (!(p.price() > 0) || Double.isInfinite(p.price())) {
        throw new RuleViolation("pins[" + i + "].price", "must be a positive price (was " + p.price() + ")");
      }
      if (i > 0 && !p.time().isAfter(pins.get(i - 1).time())) {
        throw new RuleViolation("pins[" + i + "].time", "must be after the previous pin (was " + p.time() + ")");
      }
    }
    double low = pins.stream().filter(p -> p.kind() == Pin.Kind.LOW).findFirst().orElseThrow().price();
    for (Pin p : pins) {
      if (p.price() < low) {
        throw new RuleViolation("pins", "the low " + low + " must be the lowest pin (" + p.kind() + " at " + p.time() + " is " + p.price() + ")");
      }
    }
  }

  public Pin open() {
    return pins.get(0);
  }

  public Pin close() {
    return pins.get(pins.size() - 1);
  }

  public Pin low() {
    return pins.stream().filter(p -> p.kind() == Pin.Kind.LOW).findFirst().orElseThrow();
  }

  /** The fall from the open to the low, as a fraction of the open. */
  public double drawdown() {
    return 1 - low().price() / open().price();
  }
}
