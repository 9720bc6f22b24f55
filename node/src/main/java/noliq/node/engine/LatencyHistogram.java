package noliq.node.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations counted in buckets of an eighth of a decade from 1 µs (1 µs to 10^8 µs in 64 buckets, the
 * last open-ended), safe to record into from many threads. A quantile is read as its bucket's upper
 * edge, so it is never understated, and overstated by at most a factor 10^(1/8) = 1.33.
 */
public final class LatencyHistogram {
  public static final int BUCKETS = 8 * 8;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** The bucket {@code nanos} falls in. */
  static int bucket(long nanos) {
    double micros = Math.max(1, nanos / 1000.0);
    return (int) Math.min(BUCKETS - 1, Math.floor(Math.log10(micros) * 8));
  }

  /** The bucket's upper edge in milliseconds. */
  static double upperMillis(int bucket) {
    return Math.pow(10, (bucket + 1) / 8.0) / 1000.0;
  }

  public void record(long nanos) {
    record(nanos, 1);
  }

  /** {@code count} events that each took {@code nanos} (the commands of one request). */
  public void record(long nanos, long count) {
    counts.addAndGet(bucket(nanos), count);
  }

  /** The counts now, to subtract an earlier copy from (an interval's histogram). */
  public long[] counts() {
    long[] out = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      out[i] = counts.get(i);
    }
    return out;
  }

  public static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** The {@code q} quantile (0 < q <= 1) in milliseconds, as its bucket's upper edge; 0 when empty. */
  public static double quantileMillis(long[] counts, double q) {
    long n = total(counts);
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (n > 0 && seen >= rank && counts[i] > 0) {
        return upperMillis(i);
      }
    }
    return 0;
  }
}
