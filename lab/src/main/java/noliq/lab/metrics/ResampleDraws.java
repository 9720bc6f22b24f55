package noliq.lab.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The resampling indices of a bootstrap: replicate {@code b}'s draw {@code i} is the
 * {@code (b n + i)}-th {@code nextInt(n)} of a {@link SplittableRandom} seeded with {@code seed}.
 * The seeds depend only on the sample size, so a report's hundreds of intervals on samples of the
 * same size draw the same indices: they are drawn once and kept, up to {@link #MAX_CACHED_INTS}
 * in all (least recently used dropped first). Drawing them was half of building a report.
 */
final class ResampleDraws {
  /** The most draws kept at once: 12M ints, 48 MB (a 1,024-path sample's table is 2M). */
  static final long MAX_CACHED_INTS = 12L << 20;

  private static final Map<Key, int[]> CACHE = new LinkedHashMap<>(16, 0.75f, true);
  private static long cachedInts;

  private record Key(long seed, int n) {}

  private final int[] table;
  private final SplittableRandom rng;
  private final int n;

  private ResampleDraws(int[] table, SplittableRandom rng, int n) {
    this.table = table;
    this.rng = rng;
    this.n = n;
  }

  /** The draws of {@code replicates} resamples of {@code n} values from {@code seed}. */
  static ResampleDraws of(long seed, int n, int replicates) {
    long size = (long) n * replicates;
    if (size > MAX_CACHED_INTS / 4) {
      // too large to keep: drawn as they are read, in the same order
      return new ResampleDraws(null, new SplittableRandom(seed), n);
    }
    return new ResampleDraws(table(new Key(seed, n), (int) size), null, n);
  }

  private static synchronized int[] table(Key key, int size) {
    int[] t = CACHE.get(key);
    if (t != null && t.length == size) {
      return t;
    }
    SplittableRandom rng = new SplittableRandom(key.seed());
    t = new int[size];
    for (int k = 0; k < size; k++) {
      t[k] = rng.nextInt(key.n());
    }
    int[] old = CACHE.put(key, t);
    cachedInts += size - (old == null ? 0 : old.length);
    var it = CACHE.entrySet().iterator();
    while (cachedInts > MAX_CACHED_INTS && it.hasNext()) {
      var e = it.next();
      if (e.getKey().equals(key)) {
        continue;
      }
      cachedInts -= e.getValue().length;
      it.remove();
    }
    return t;
  }

  /** Whether the draws are kept: then they may be read in any order, from any thread. */
  boolean kept() {
    return table != null;
  }

  /** Draw {@code i} of replicate {@code b}; replicates and draws must be read in order, each once, when not cached. */
  int at(int b, int i) {
    return table != null ? table[b * n + i] : rng.nextInt(n);
  }
}
