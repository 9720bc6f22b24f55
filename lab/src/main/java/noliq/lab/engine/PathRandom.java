package noliq.lab.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The random stream of one path, derived from the run's seed and the path's index alone. Because a
 * path's numbers never depend on which thread runs it or on which paths ran before, a run gives the
 * same results on 1 thread or on N.
 *
 * <p>The 128-bit generator state is two SplitMix64 outputs of a key that mixes the seed, the path
 * index and a stream number (so several independent streams can serve one path, e.g. the price and
 * an agent's choices). XoRoShiRo128++ is small, fast and passes BigCrush.
 */
public final class PathRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private PathRandom() {}

  /** The stream for {@code path} of a run seeded with {@code seed} (stream 0). */
  public static UniformRandomProvider forPath(long seed, long path) {
    return forPath(seed, path, 0);
  }

  /** Stream number {@code stream} of {@code path} in a run seeded with {@code seed}. */
  public static UniformRandomProvider forPath(long seed, long path, int stream) {
    long key = mix64(seed ^ mix64(path * GOLDEN_GAMMA + 0x632be59bd9b4e019L) ^ mix64(stream + 0x2545f4914f6cdd1dL));
    long s0 = mix64(key + GOLDEN_GAMMA);
    long s1 = mix64(key + 2 * GOLDEN_GAMMA);
    if ((s0 | s1) == 0) {
      s1 = GOLDEN_GAMMA; // the all-zero state is the one state XoRoShiRo cannot leave
    }
    return new XoRoShiRo128PlusPlus(s0, s1);
  }

  /** SplitMix64's finaliser (Stafford variant 13): a bijection that spreads every input bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
