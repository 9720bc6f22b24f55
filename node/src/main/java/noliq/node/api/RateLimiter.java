package noliq.node.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code perSecond} requests a second on average, bursts up to
 * {@code burst}. The map holds one small bucket per key seen (API keys, or client addresses for
 * the unauthenticated account creation), bounded by {@link #MAX_KEYS}.
 */
final class RateLimiter {
  static final int MAX_KEYS = 100_000;

  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long last) {
      this.tokens = tokens;
      this.last = last;
    }
  }

  RateLimiter(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes one request's token for {@code key}; false when the key is over its rate. */
  boolean allow(String key) {
    long now = System.nanoTime();
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
      b.last = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  double perSecond() {
    return perSecond;
  }
}
