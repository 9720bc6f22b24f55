package noliq.lab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's speed-ups change no interval: kept draws are the generator's, selection finds the
 * sort's order statistics, and the intervals are bit for bit those of the plain algorithm (drawn
 * afresh, copied into a resample, sorted).
 */
class BootstrapDrawsTest {
  private static final long SEED = 0x6e6f6c6971L;

  /** The plain percentile bootstrap, as it was written before the draws were kept. */
  private static Estimate plain(double[] values, long seed, ToDoubleFunction<double[]> statistic) {
    int n = values.length;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] replicate = new double[Bootstrap.RESAMPLES];
    double[] resample = new double[n];
    for (int b = 0; b < Bootstrap.RESAMPLES; b++) {
      for (int i = 0; i < n; i++) {
        resample[i] = values[rng.nextInt(n)];
      }
      replicate[b] = statistic.applyAsDouble(resample);
    }
    Arrays.sort(replicate);
    return new Estimate(statistic.applyAsDouble(values), n, Quantiles.ofSorted(replicate, 0.025),
        Quantiles.ofSorted(replicate, 0.975));
  }

  private static void assertSameBits(Estimate a, Estimate b) {
    assertThat(Double.doubleToRawLongBits(a.value())).isEqualTo(Double.doubleToRawLongBits(b.value()));
    assertThat(Double.doubleToRawLongBits(a.low())).isEqualTo(Double.doubleToRawLongBits(b.low()));
    assertThat(Double.doubleToRawLongBits(a.high())).isEqualTo(Double.doubleToRawLongBits(b.high()));
    assertThat(a.n()).isEqualTo(b.n());
  }

  @Test
  void keptDrawsAreTheGeneratorsInOrder() {
    for (int n : new int[] {2, 7, 100, 1024}) {
      ResampleDraws kept = ResampleDraws.of(SEED ^ n, n, Bootstrap.RESAMPLES);
      ResampleDraws again = ResampleDraws.of(SEED ^ n, n, Bootstrap.RESAMPLES);
      SplittableRandom rng = new SplittableRandom(SEED ^ n);
      for (int b = 0; b < Bootstrap.RESAMPLES; b++) {
        for (int i = 0; i < n; i++) {
          int expected = rng.nextInt(n);
          assertThat(kept.at(b, i)).isEqualTo(expected);
          assertThat(again.at(b, i)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aSampleTooLargeToKeepIsDrawnAsItIsRead() {
    int n = (int) (ResampleDraws.MAX_CACHED_INTS / 4 / 3) + 1; // more than a quarter of the cache over three replicates
    ResampleDraws drawn = ResampleDraws.of(42, n, 3);
    SplittableRandom rng = new SplittableRandom(42);
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < n; i += 1) {
        assertThat(drawn.at(b, i)).isEqualTo(rng.nextInt(n));
      }
    }
  }

  @Test
  void theMeansIntervalIsThePlainBootstrapsBitForBit() {
    SplittableRandom data = new SplittableRandom(20261203);
    for (int trial = 0; trial < 40; trial++) {
      int n = 2 + data.nextInt(trial < 30 ? 300 : 3000);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        // heavy tails and ties, as losses have
        v[i] = data.nextInt(4) == 0 ? 0 : Math.exp(3 * data.nextGaussian()) * (data.nextBoolean() ? 1 : -1);
      }
      assertSameBits(Bootstrap.mean(v), plain(v, SEED ^ n, Bootstrap::average));
      assertSameBits(Bootstrap.of(v, Figures::skewness), plain(v, SEED ^ n, Figures::skewness));
    }
  }

  @Test
  void theExpectedShortfallsIntervalIsTheFreshlyDrawnOnesBitForBit() {
    SplittableRandom data = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 3 + data.nextInt(500);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = Math.round(100 * data.nextGaussian()) / 10.0;
      }
      // the counts algorithm as it was, drawing afresh and sorting the replicates
      double[] sorted = Figures.denoised(v);
      Arrays.sort(sorted);
      int k = Math.max(1, (int) Math.ceil(n * (1 - 0.95) - 1e-9));
      SplittableRandom rng = new SplittableRandom(0x6573L ^ n);
      double[] replicate = new double[Bootstrap.RESAMPLES];
      for (int b = 0; b < Bootstrap.RESAMPLES; b++) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
          counts[rng.nextInt(n)]++;
        }
        int left = k;
        double sum = 0;
        for (int j = n - 1; j >= 0 && left > 0; j--) {
          int take = Math.min(counts[j], left);
          sum += take * sorted[j];
          left -= take;
        }
        replicate[b] = sum / k;
      }
      Arrays.sort(replicate);
      Estimate expected = new Estimate(Figures.tailMean(sorted, 0.95), n, Quantiles.ofSorted(replicate, 0.025),
          Quantiles.ofSorted(replicate, 0.975));
      assertSameBits(Figures.expectedShortfall(v, 0.95), expected);
    }
  }

  @Test
  void selectionGivesTheSortsQuantilesOnTiesZerosInfinitiesAndNaN() {
    SplittableRandom rng = new SplittableRandom(11);
    double[] specials = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.5, 1.5, -2};
    for (int trial = 0; trial < 20_000; trial++) {
      int n = 1 + rng.nextInt(trial < 10_000 ? 12 : 2500);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = rng.nextInt(3) == 0 ? specials[rng.nextInt(specials.length)] : rng.nextInt(50) - 25;
      }
      double p = switch (trial % 4) {
        case 0 -> 0.025;
        case 1 -> 0.975;
        case 2 -> rng.nextDouble();
        default -> rng.nextBoolean() ? 0 : 1;
      };
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double[] scratch = v.clone();
      assertThat(Double.doubleToRawLongBits(Quantiles.ofUnsorted(scratch, p)))
          .as("n %d p %s", n, p).isEqualTo(Double.doubleToRawLongBits(Quantiles.ofSorted(sorted, p)));
      // reordered, not changed
      Arrays.sort(scratch);
      assertThat(scratch).isEqualTo(sorted);
    }
  }
}
