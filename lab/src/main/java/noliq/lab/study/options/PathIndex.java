package noliq.lab.study.options;

import java.time.Instant;
import noliq.lab.scenarios.PricePath;
import noliq.oracle.feeds.IndexPath;

/** A price path as the oracle module's {@link IndexPath}: the price of the last point at or before a time. */
final class PathIndex implements IndexPath {
  private final long[] millis;
  private final double[] prices;

  PathIndex(PricePath path) {
    millis = new long[path.size()];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = path.time(i).toEpochMilli();
    }
    prices = path.prices();
  }

  @Override
  public double valueAt(Instant t) {
    int i = java.util.Arrays.binarySearch(millis, t.toEpochMilli());
    if (i < 0) {
      i = Math.max(0, -i - 2);
    }
    return prices[i];
  }
}
