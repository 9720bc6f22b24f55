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
    return constantVol(PricePath.generated("gbm-" + seed, T0, Duration.ofHours(1), p), vol);
  }

  /** The path with its implied 30-day at-the-money level held at {@code vol} throughout. */
  static PricePath constantVol(PricePath path, double vol) {
    double[] atm = new double[path.size()];
    java.util.Arrays.fill(atm, vol);
    return path.withImpliedAtm(atm);
  }

  /** The study's default surface at a 30-day level of 0.8, read at {@code strike} and {@code days}: the marks' vol. */
  static double vol(double spot, double strike, double days) {
    return OptionsAssumptions.DEFAULTS.market().reaction().surface(0.8).volDays(spot, strike, days);
  }

  static PricePath flat(int hours, double price) {
    double[] p = new double[hours + 1];
    java.util.Arrays.fill(p, price);
    return constantVol(PricePath.generated("flat", T0, Duration.ofHours(1), p), 0.8);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
