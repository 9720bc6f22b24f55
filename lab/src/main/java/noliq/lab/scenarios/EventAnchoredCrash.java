package noliq.lab.scenarios;

import java.time.Duration;
import java.time.Instant;
import noliq.lab.scenarios.CrashEvent.Pin;
import noliq.math.RuleViolation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Random paths through a {@link CrashEvent}'s pins: between consecutive pins the log price is a
 * Brownian bridge with volatility {@code volatility} per year, so every path opens, bottoms and
 * closes exactly as the market did and differs only in between. Each pin sits on the step nearest
 * its time. A bridge may dip under the event's low; such points are reflected about the low (the
 * reflection principle), so the published low is the path's minimum and is reached exactly at its time.
 *
 * @param event the facts
 * @param step the step of the path (pins whose times are whole steps apart stay exact)
 * @param volatility of the bridges, per year
 */
public record EventAnchoredCrash(CrashEvent event, Duration step, double volatility) {
  /** Five minutes: every pin of {@link CrashEvents} is on this grid. */
  public static final Duration DEFAULT_STEP = Duration.ofMinutes(5);
  private static final double SECONDS_PER_YEAR = 365.0 * 86_400;

  public EventAnchoredCrash {
    if (step.isNegative() || step.isZero()) {
      throw new RuleViolation("step", "must be positive (was " + step + ")");
    }
    PriceModel.requireNonNegative("volatility", volatility);
    int[] at = stepsOf(event, step);
    for (int i = 1; i < at.length; i++) {
      if (at[i] <= at[i - 1]) {
        throw new RuleViolation("step", "is too coarse for " + event.id() + ": two pins fall on the same step (" + step + ")");
      }
    }
  }

  /** Five-minute steps, bridges at the event's own realised volatility. */
  public static EventAnchoredCrash of(CrashEvent event) {
    return new EventAnchoredCrash(event, DEFAULT_STEP, event.realisedVolatility());
  }

  /** The number of steps from the first pin to the last. */
  public int steps() {
    int[] at = stepsOf(event, step);
    return at[at.length - 1];
  }

  /** The time of step {@code t}. */
  public Instant time(int t) {
    return event.open().time().plus(step.multipliedBy(t));
  }

  /** The step each pin sits on. */
  public int[] pinSteps() {
    return stepsOf(event, step);
  }

  /** A path through the event's own prices: {@code steps() + 1} points. */
  public double[] path(UniformRandomProvider rng) {
    return path(event.open().price(), rng);
  }

  /** A path scaled to open at {@code x0}: every pin is multiplied by {@code x0 / open}. */
  public double[] path(double x0, UniformRandomProvider rng) {
    PriceModel.requirePositive("x0", x0);
    double[] out = new double[steps() + 1];
    fill(x0, out, rng);
    return out;
  }

  /** Writes a path scaled to open at {@code x0} into {@code out}, whose length must be {@code steps() + 1}. */
  public void fill(double x0, double[] out, UniformRandomProvider rng) {
    int[] at = pinSteps();
    if (out.length != at[at.length - 1] + 1) {
      throw new RuleViolation("out", "must hold " + (at[at.length - 1] + 1) + " points (was " + out.length + ")");
    }
    NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
    double shift = Math.log(x0 / event.open().price());
    double logLow = Math.log(event.low().price()) + shift;
    double sdStep = volatility * Math.sqrt(step.toSeconds() / SECONDS_PER_YEAR);
    double y = Math.log(event.open().price()) + shift;
    out[0] = Math.exp(y);
    for (int k = 1; k < at.length; k++) {
      Pin target = event.pins().get(k);
      double yEnd = Math.log(target.price()) + shift;
      for (int t = at[k - 1]; t < at[k]; t++) {
        int left = at[k] - t;
        if (left == 1) {
          y = yEnd;
        } else {
          double mean = y + (yEnd - y) / left;
          double sd = sdStep * Math.sqrt((left - 1.0) / left);
          y = mean + sd * z.sample();
          if (y < logLow) {
            y = 2 * logLow - y;
          }
        }
        out[t + 1] = Math.exp(y);
      }
      out[at[k]] = x0 * (target.price() / event.open().price());
    }
    out[0] = x0;
  }

  private static int[] stepsOf(CrashEvent event, Duration step) {
    Instant start = event.open().time();
    int[] at = new int[event.pins().size()];
    double stepSeconds = step.toNanos() / 1e9;
    for (int i = 0; i < at.length; i++) {
      double seconds = Duration.between(start, event.pins().get(i).time()).toNanos() / 1e9;
      at[i] = (int) Math.round(seconds / stepSeconds);
    }
    return at;
  }
}
