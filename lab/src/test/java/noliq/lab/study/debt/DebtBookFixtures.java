package noliq.lab.study.debt;

import java.time.Duration;
import java.time.Instant;
import noliq.lab.engine.PathRandom;
import noliq.lab.scenarios.PricePath;
import noliq.lab.study.DesignModel;
import noliq.lab.study.Trace;

/** Small books and paths the debt tests share. */
final class DebtBookFixtures {
  private DebtBookFixtures() {}

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  /** Three borrowers of 10 ETH at health 1.1, 1.5 and 2.0: at $2,000 they become liquidatable below 1818, 1333 and 1000. */
  static final Borrowers THREE = Borrowers.listed(
      new Population.Draw(10, 1.1), new Population.Draw(10, 1.5), new Population.Draw(10, 2.0));

  /** One bot, 12 s behind the feed, no gas, a billion of float: every liquidation that pays at all is done. */
  static final Liquidators ONE_BOT = new Liquidators(1, 12, 12, 0, 0, 0, 1e9, 1e9);

  static final Cascade NO_IMPACT = Cascade.defaults().withImpact(false);

  static PricePath hourly(double... prices) {
    return PricePath.generated("test", START, Duration.ofHours(1), prices);
  }

  /** A linear fall from 2,000 to {@code low} over {@code hours} hourly steps. */
  static PricePath crash(double low, int hours) {
    double[] p = new double[hours + 1];
    for (int i = 0; i <= hours; i++) {
      p[i] = 2000 + (low - 2000) * i / hours;
    }
    return hourly(p);
  }

  static double[] run(DesignModel model, PricePath path, long seed) {
    return run(model.newRun(), model, path, seed);
  }

  static double[] run(DesignModel.Run run, DesignModel model, PricePath path, long seed) {
    double[] out = new double[model.metrics().size()];
    run.simulate(path, PathRandom.forPath(seed, 0), Trace.NONE, out, 0);
    return out;
  }
}
