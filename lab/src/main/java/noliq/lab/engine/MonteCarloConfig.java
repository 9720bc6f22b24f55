package noliq.lab.engine;

import noliq.math.RuleViolation;

/**
 * A Monte Carlo run: {@code paths} paths from {@code seed} on {@code threads} threads. Results
 * depend on (paths, seed) only.
 */
public record MonteCarloConfig(int paths, long seed, int threads) {
  /**
   * Paths per chunk: the fixed partition (it must not depend on the thread count). Results do not
   * depend on it either ({@link noliq.lab.metrics.Sample#merge}); small chunks keep both cores busy
   * on a scenario of a few hundred paths and leave little of a scenario's last chunk to one core.
   */
  public static final int PATHS_PER_CHUNK = 16;

  public MonteCarloConfig {
    if (paths < 1) {
      throw new RuleViolation("paths", "must be at least 1 (was " + paths + ")");
    }
    if (threads < 1) {
      throw new RuleViolation("threads", "must be at least 1 (was " + threads + ")");
    }
  }

  /** One thread per core. */
  public static MonteCarloConfig of(int paths, long seed) {
    return new MonteCarloConfig(paths, seed, Parallel.defaultThreads());
  }

  public MonteCarloConfig withThreads(int newThreads) {
    return new MonteCarloConfig(paths, seed, newThreads);
  }

  int chunks() {
    return (paths + PATHS_PER_CHUNK - 1) / PATHS_PER_CHUNK;
  }
}
