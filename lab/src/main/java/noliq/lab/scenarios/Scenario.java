package noliq.lab.scenarios;

import java.time.Duration;
import java.time.Instant;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A source of price paths on the virtual clock, whatever its kind, so a study runs the same code
 * on every scenario: {@link #path} gives path after path from the engine's per-path streams.
 */
public sealed interface Scenario permits Scenario.Stochastic, Scenario.Crash, Scenario.Replay {
  /** The name a report shows. */
  String name();

  /** One path; a replay ignores {@code rng} and gives the same history every time. */
  PricePath path(UniformRandomProvider rng);

  /** Whether paths differ from one stream to the next (a replay does not: one path is enough). */
  default boolean random() {
    return true;
  }

  /**
   * A stochastic model from {@code x0} over {@code steps} steps starting at {@code start}.
   * The model's step must be a whole number of milliseconds (hourly models are).
   */
  record Stochastic(String name, PriceModel model, double x0, int steps, Instant start) implements Scenario {
    public Stochastic {
      PriceModel.requirePositive("x0", x0);
      if (steps < 1) {
        throw new RuleViolation("steps", "must be at least 1 (was " + steps + ")");
      }
    }

    public Duration step() {
      return Duration.ofMillis(Math.round(model.stepYears() * 365 * 86_400_000.0));
    }

    /** The model's path, then its intrabar lows and its traded volume ({@link TradedVolume}) from the same stream. */
    @Override
    public PricePath path(UniformRandomProvider rng) {
      double[] prices = model.path(x0, steps, rng);
      PricePath path = PricePath.generated(name, start, step(), prices).withLows(BridgeLows.of(prices, rng));
      path = path.withVolume(TradedVolume.model(path.epochMillis(), prices, rng));
      double[] forward = model.forwardVol(prices);
      return forward == null ? path : path.withForwardVol(forward);
    }
  }

  /** An event-anchored crash, scaled to open at {@code x0} (use the event's open for its own prices). */
  record Crash(EventAnchoredCrash crash, double x0) implements Scenario {
    public Crash {
      PriceModel.requirePositive("x0", x0);
    }

    public static Crash asItHappened(CrashEvent event) {
      return new Crash(EventAnchoredCrash.of(event), event.open().price());
    }

    @Override
    public String name() {
      return crash.event().id();
    }

    /**
     * The bridges through the event's pins, then their intrabar lows from the same stream
     * ({@link BridgeLows}), never below the event's published low, and the fitted model's traded volume ({@link TradedVolume}).
     */
    @Override
    public PricePath path(UniformRandomProvider rng) {
      double[] prices = crash.path(x0, rng);
      double[] lows = BridgeLows.of(prices, rng);
      // The bridges pass through the published low: no step goes below it.
      double pinned = java.util.Arrays.stream(prices).min().orElseThrow();
      for (int t = 0; t < lows.length; t++) {
        lows[t] = Math.max(lows[t], Math.min(pinned, t == 0 ? prices[0] : Math.min(prices[t - 1], prices[t])));
      }
      PricePath path = PricePath.crash(crash, prices).withLows(lows);
      return path.withVolume(TradedVolume.model(path.epochMillis(), prices, rng));
    }
  }

  /** Historical replay of OHLC bars, gaps and intrabar lows included. */
  record Replay(OhlcSeries series) implements Scenario {
    @Override
    public String name() {
      return series.source();
    }

    @Override
    public PricePath path(UniformRandomProvider rng) {
      PricePath path = PricePath.replay(series);
      return path.withDvol(ImpliedVol.dvol());
    }

    @Override
    public boolean random() {
      return false;
    }
  }
}
