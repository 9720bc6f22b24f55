package noliq.lab.bench;

import static noliq.lab.bench.KernelConfig.DAYS_PER_YEAR;
import static noliq.lab.bench.KernelConfig.LIQUIDATION_THRESHOLD;
import static noliq.lab.bench.KernelConfig.MATURITY_DAYS;
import static noliq.lab.bench.KernelConfig.MIN_DAYS_LEFT;
import static noliq.lab.bench.KernelConfig.POSITIONS;
import static noliq.lab.bench.KernelConfig.ROLL_TRIGGER;
import static noliq.lab.bench.KernelConfig.SIGMA;
import static noliq.lab.bench.KernelConfig.STEPS_PER_DAY;
import static noliq.lab.bench.KernelConfig.STEPS_PER_YEAR;
import static noliq.lab.bench.KernelConfig.STRIKE_FRACTION;
import static noliq.lab.bench.KernelConfig.TARGET_USD;
import static noliq.lab.bench.KernelConfig.X0;

import java.util.Arrays;
import noliq.lab.engine.Parallel;
import noliq.lab.engine.PathRandom;
import noliq.lab.engine.Progress;
import noliq.lab.metrics.Moments;
import noliq.lab.metrics.Quantiles;
import noliq.pricing.InverseOptions;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The benchmark kernel. What makes it fast, without changing what it computes:
 * <ul>
 *   <li>the price evolves in log space: one Gaussian (commons-rng's ziggurat on XoRoShiRo128++)
 *       and one add per step, no {@code exp} except at a roll;</li>
 *   <li>the roll test compares the log price with {@code ln(1.5 S)} and the step counter with the
 *       deadline, and P is priced ({@link InverseOptions#pIndex}) only at rolls and at the end;</li>
 *   <li>the CDP book is sorted by liquidation price once: a position is liquidated during the year
 *       exactly when the path's running minimum fell below its liquidation price, so a path's
 *       liquidated debt is a prefix sum found by binary search on the running minimum, not a scan
 *       of every position on every step;</li>
 *   <li>paths run in parallel over a fixed partition, with per-path seeds, and the statistics are
 *       reduced in path order, so the figures are identical on 1 thread or on N.</li>
 * </ul>
 * Time is counted in whole steps: 1 day = 24 steps, so "30 days" and "fewer than 7 days left" are exact.
 */
public final class BenchKernel {
  private static final int PATHS_PER_CHUNK = 64;
  private static final int MATURITY_STEPS = MATURITY_DAYS * STEPS_PER_DAY;
  /** Roll when fewer than 7 days, i.e. fewer than 168 steps, are left. */
  private static final int MIN_STEPS_LEFT = MIN_DAYS_LEFT * STEPS_PER_DAY;

  private final KernelConfig config;
  /** Debt of positions 0..n-1 (descending: position 0 is the least healthy). */
  private final double[] debt;
  /** {@code liquidatedPrefix[k]} = debt of positions 0..k-1, the ones liquidated first. */
  private final double[] liquidatedPrefix;

  private BenchKernel(KernelConfig config) {
    this.config = config;
    this.debt = new double[POSITIONS];
    this.liquidatedPrefix = new double[POSITIONS + 1];
    for (int i = 0; i < POSITIONS; i++) {
      debt[i] = KernelConfig.debt(i);
      liquidatedPrefix[i + 1] = liquidatedPrefix[i] + debt[i];
    }
  }

  /** Runs the kernel and returns the specification's statistics and the timing. */
  public static KernelResult run(KernelConfig config) {
    return run(config, Progress.none());
  }

  /** Runs the kernel, reporting finished paths to {@code progress}. */
  public static KernelResult run(KernelConfig config, Progress progress) {
    BenchKernel kernel = new BenchKernel(config);
    int paths = config.paths();
    double[] logDeviation = new double[paths];
    int[] rolls = new int[paths];
    double[] liquidated = new double[paths];
    int chunks = (paths + PATHS_PER_CHUNK - 1) / PATHS_PER_CHUNK;
    progress.start(paths);
    long start = System.nanoTime();
    try {
      Parallel.forEachChunk(chunks, config.threads(), c -> {
        int from = c * PATHS_PER_CHUNK;
        int end = Math.min(paths, from + PATHS_PER_CHUNK);
        for (int p = from; p < end; p++) {
          kernel.simulatePath(p, logDeviation, rolls, liquidated);
          progress.advance(1);
        }
      });
    } finally {
      progress.finish();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    Moments logDev = new Moments();
    Moments liq = new Moments();
    long rollCount = 0;
    for (int p = 0; p < paths; p++) {
      logDev.add(logDeviation[p]);
      liq.add(liquidated[p]);
      rollCount += rolls[p];
    }
    Arrays.sort(liquidated);
    double rollsPerYear = (double) rollCount / paths / config.years();
    double pathSteps = (double) paths * config.steps();
    return new KernelResult(
        paths,
        config.steps(),
        seconds,
        pathSteps / seconds,
        paths < 2 ? 0.0 : logDev.standardDeviation(),
        rollsPerYear,
        liq.mean(),
        Quantiles.ofSorted(liquidated, 0.95));
  }

  private void simulatePath(int path, double[] logDeviation, int[] rolls, double[] liquidated) {
    ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(PathRandom.forPath(config.seed(), path));
    double dt = 1.0 / STEPS_PER_YEAR;
    double drift = -0.5 * SIGMA * SIGMA * dt;
    double diffusion = SIGMA * Math.sqrt(dt);
    int steps = config.steps();

    double logX = Math.log(X0);
    double minLogX = logX;
    double strike = STRIKE_FRACTION * X0;
    double logRollPrice = Math.log(ROLL_TRIGGER * strike);
    int maturityStep = MATURITY_STEPS;
    double units = TARGET_USD / InverseOptions.pIndex(X0, strike, yearsOf(MATURITY_STEPS), SIGMA);
    int rollCount = 0;

    for (int t = 1; t <= steps; t++) {
      logX += drift + diffusion * gaussian.sample();
      if (logX < minLogX) {
        minLogX = logX;
      }
      if (logX < logRollPrice || maturityStep - t < MIN_STEPS_LEFT) {
        double x = Math.exp(logX);
        double value = units * InverseOptions.pIndex(x, strike, yearsOf(maturityStep - t), SIGMA);
        strike = STRIKE_FRACTION * x;
        logRollPrice = Math.log(ROLL_TRIGGER * strike);
        maturityStep = t + MATURITY_STEPS;
        units = value / InverseOptions.pIndex(x, strike, yearsOf(MATURITY_STEPS), SIGMA);
        rollCount++;
      }
    }
    double xT = Math.exp(logX);
    double valueT = units * InverseOptions.pIndex(xT, strike, yearsOf(maturityStep - steps), SIGMA);
    logDeviation[path] = Math.log(valueT / TARGET_USD);
    rolls[path] = rollCount;
    liquidated[path] = liquidatedPrefix[liquidatedCount(Math.exp(minLogX))];
  }

  /**
   * How many positions were liquidated on a path whose lowest price was {@code minPrice}: position
   * i goes when {@code x LT < d_i} at some step, i.e. when {@code minPrice LT < d_i}. Debts fall
   * with i, so the liquidated positions are a prefix; binary search finds its length.
   */
  private int liquidatedCount(double minPrice) {
    double collateralValue = minPrice * LIQUIDATION_THRESHOLD;
    int lo = 0;
    int hi = POSITIONS;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (collateralValue < debt[mid]) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double yearsOf(int steps) {
    return steps / (double) STEPS_PER_DAY / DAYS_PER_YEAR;
  }
}
