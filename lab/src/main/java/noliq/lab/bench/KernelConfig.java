package noliq.lab.bench;

import noliq.lab.engine.Parallel;
import noliq.math.RuleViolation;

/**
 * The kernel's inputs: {@code paths} Monte Carlo paths of {@code steps} hourly steps from
 * {@code seed}, run on {@code threads} threads. Everything else is fixed by the specification and
 * listed here as constants. The results depend on (paths, steps, seed) only, never on threads.
 */
public record KernelConfig(int paths, int steps, long seed, int threads) {
  public static final int DEFAULT_PATHS = 10_000;
  public static final int DEFAULT_STEPS = 8_760;
  public static final long DEFAULT_SEED = 1L;

  /** Steps per year: dt = 1/8760 year, one hour. */
  public static final int STEPS_PER_YEAR = 8_760;
  /** Steps per day: 8760 / 365 = 24 exactly, so all the spec's day counts are whole steps. */
  public static final int STEPS_PER_DAY = 24;
  public static final double DAYS_PER_YEAR = 365.0;

  public static final double X0 = 2_500.0;
  public static final double SIGMA = 0.80;

  /** The wrapper: strike = 0.5 x, 30-day maturity, roll when x < 1.5 S or fewer than 7 days are left. */
  public static final double STRIKE_FRACTION = 0.5;
  public static final double ROLL_TRIGGER = 1.5;
  public static final int MATURITY_DAYS = 30;
  public static final int MIN_DAYS_LEFT = 7;
  public static final double TARGET_USD = 1_000.0;

  /** The CDP book: n positions of 1 ETH, health factors spread evenly over [1.05, 3.0]. */
  public static final int POSITIONS = 10_000;
  public static final double LIQUIDATION_THRESHOLD = 0.83;
  public static final double LIQUIDATION_BONUS = 0.05;
  public static final double MIN_HEALTH = 1.05;
  public static final double MAX_HEALTH = 3.0;

  public KernelConfig {
    if (paths < 1) {
      throw new RuleViolation("paths", "must be at least 1 (was " + paths + ")");
    }
    if (steps < 1) {
      throw new RuleViolation("steps", "must be at least 1 (was " + steps + ")");
    }
    if (threads < 1) {
      throw new RuleViolation("threads", "must be at least 1 (was " + threads + ")");
    }
  }

  /** The spec's defaults, on one thread per core. */
  public static KernelConfig defaults() {
    return new KernelConfig(DEFAULT_PATHS, DEFAULT_STEPS, DEFAULT_SEED, Parallel.defaultThreads());
  }

  public KernelConfig withThreads(int newThreads) {
    return new KernelConfig(paths, steps, seed, newThreads);
  }

  /** The simulated horizon in years. */
  public double years() {
    return (double) steps / STEPS_PER_YEAR;
  }

  /** Debt of CDP position i: {@code x0 LT / h_i} USD with {@code h_i = 1.05 + (3.0 - 1.05) i / (n - 1)}. */
  public static double debt(int i) {
    double h = MIN_HEALTH + (MAX_HEALTH - MIN_HEALTH) * i / (POSITIONS - 1);
    return X0 * LIQUIDATION_THRESHOLD / h;
  }
}
