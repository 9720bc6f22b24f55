package noliq.oracle.feeds;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.Require;

/**
 * The time-weighted average price over a window, as a Uniswap v2 oracle reads it: the arithmetic
 * mean of the pool's price step function over {@code [now - window, now]}, weighted by seconds,
 * exact and rounded down.
 */
public final class Twap {
  private Twap() {}

  /** The TWAP of {@code source} over the {@code window} that ends at {@code now}. */
  public static Price over(ObservationSource source, Duration window, Instant now) {
    Require.present(source, "source");
    Require.positive(window, "window");
    Require.present(now, "now");
    if (window.toNanos() % 1_000_000_000L != 0) {
      throw new OracleException(new OracleError.OutOfRange("window", "a whole number of seconds", window.toString()));
    }
    List<PriceObservation> obs = source.observations();
    Instant start = now.minus(window);
    int first = lastAtOrBefore(obs, start);
    if (first < 0) {
      throw new OracleException(new OracleError.NotAllowed("window",
          "needs an observation at or before " + start + " (history starts "
              + (obs.isEmpty() ? "nowhere" : obs.getFirst().at().toString()) + ")"));
    }
    BigInteger weighted = BigInteger.ZERO;
    Instant from = start;
    for (int i = first; i < obs.size() && obs.get(i).at().isBefore(now); i++) {
      Instant segmentStart = i == first ? start : obs.get(i).at();
      Instant segmentEnd = i + 1 < obs.size() && obs.get(i + 1).at().isBefore(now) ? obs.get(i + 1).at() : now;
      long seconds = Duration.between(segmentStart, segmentEnd).toSeconds();
      weighted = weighted.add(obs.get(i).price().units().multiply(BigInteger.valueOf(seconds)));
      from = segmentEnd;
    }
    if (from.isBefore(now)) {
      throw new IllegalStateException("TWAP segments did not reach " + now);
    }
    return new Price(Exact.div(weighted, BigInteger.valueOf(window.toSeconds()), Rounding.DOWN));
  }

  /** The index of the last observation at or before {@code t}, or -1. Binary search: the log may be long. */
  static int lastAtOrBefore(List<PriceObservation> obs, Instant t) {
    int lo = 0;
    int hi = obs.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!obs.get(mid).at().isAfter(t)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
