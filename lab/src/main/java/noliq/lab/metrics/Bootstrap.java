package noliq.lab.metrics;

import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import noliq.math.RuleViolation;

/**
 * Percentile bootstrap intervals at 95%: the statistic is recomputed on {@link #RESAMPLES}
 * resamples drawn with replacement, and the interval runs between the 2.5% and 97.5% quantiles of
 * those replicates. A percentile interval lies inside the range the statistic can take on the data,
 * so the mean of a non-negative figure never gets a negative bound. The generator is seeded from a
 * fixed constant and the sample size, so the same data give the same interval on any run.
 */
public final class Bootstrap {
  /** Replicates per interval; with 1,999 the 2.5% and 97.5% points are the 50th and 1,950th replicates. */
  public static final int RESAMPLES = 1999;
  private static final long SEED = 0x6e6f6c6971L;
  /** The sample size from which a mean's replicates are summed on every core. */
  static final int PARALLEL_FROM = 256;

  private Bootstrap() {}

  /** {@code statistic} of {@code values} with its percentile interval; n is the number of values. */
  public static Estimate of(double[] values, ToDoubleFunction<double[]> statistic) {
    int n = values.length;
    if (n == 0) {
      throw new RuleViolation("values", "need at least one value for a bootstrap");
    }
    double value = statistic.applyAsDouble(values);
    if (n == 1) {
      return new Estimate(value, 1, Double.NaN, Double.NaN);
    }
    ResampleDraws draws = ResampleDraws.of(SEED ^ n, n, RESAMPLES);
    double[] replicate = new double[RESAMPLES];
    double[] resample = new double[n];
    for (int b = 0; b < RESAMPLES; b++) {
      for (int i = 0; i < n; i++) {
        resample[i] = values[draws.at(b, i)];
      }
      replicate[b] = statistic.applyAsDouble(resample);
    }
    return interval(value, n, replicate);
  }

  /** {@code value} with the percentile interval of {@code replicate} (reordered, not sorted: only four order statistics are read). */
  static Estimate interval(double value, int n, double[] replicate) {
    return new Estimate(value, n, Quantiles.ofUnsorted(replicate, 0.025), Quantiles.ofUnsorted(replicate, 0.975));
  }

  /** The mean of {@code values} with its percentile bootstrap interval. */
  public static Estimate mean(double[] values) {
    int n = values.length;
    if (n < 2) {
      return of(values, Bootstrap::average);
    }
    // of(values, Bootstrap::average) without copying each resample: the same draws summed in the same order
    ResampleDraws draws = ResampleDraws.of(SEED ^ n, n, RESAMPLES);
    double[] replicate = new double[RESAMPLES];
    IntConsumer resample = b -> {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[draws.at(b, i)];
      }
      replicate[b] = s / n;
    };
    if (draws.kept() && n >= PARALLEL_FROM) {
      // kept draws are read in any order: each replicate is its own sum, so the threads change no bit
      IntStream.range(0, RESAMPLES).parallel().forEach(resample);
    } else {
      for (int b = 0; b < RESAMPLES; b++) {
        resample.accept(b);
      }
    }
    return interval(average(values), n, replicate);
  }

  static double average(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
