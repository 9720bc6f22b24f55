package noliq.lab.study.options;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.lab.scenarios.PricePath;

/** Test paths: a seeded hourly GBM and a flat path. */
final class Paths {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Paths() {}

  static PricePath gbm(long seed, int hours, double vol) {
    SplittableRandom rng = new SplittableRandom(seed);
    double dt = 1.0 / (365 * 24);
    double[] p = new double[hours + 1];
    p[0] = 3000;
    for (int i = 1; i <= hours; i++) {
      double z = gaussian(rng);
      p[i] = p[i - 1] * Math.exp(-0.5 * vol * vol * dt + vol * Math.sqrt(dt) * z);
    }
    return PricePath.generated("gbm-" + seed, T0, Duration.ofHours(1), p);
  }

  static PricePath flat(int hours, double price) {
    double[] p = new double[hours + 1];
    java.util.Arrays.fill(p, price);
    return PricePath.generated("flat", T0, Duration.ofHours(1), p);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
