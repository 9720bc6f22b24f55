package noliq.wrapper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import noliq.math.Price;
import noliq.math.Rounding;
import org.junit.jupiter.api.Test;

/**
 * Every named policy over random spots, times, volatilities and held positions (fixed seeds): what it
 * buys is strictly below the spot and matures in the future, it decides the same way on the same
 * inputs, and a position it has just rolled into is not due again at once (no roll loops).
 */
class PolicyPropertyTest {
  static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void targetsAreDeepInTheMoneyInTheFutureAndNeverLoop() {
    for (String name : Policies.NAMES) {
      RollPolicy policy = Policies.named(name);
      SplittableRandom rng = new SplittableRandom(name.hashCode());
      int rolls = 0;
      for (int i = 0; i < 2_000; i++) {
        double vol = rng.nextDouble(0.3, 1.2);
        Instant t0 = T0.plusSeconds(rng.nextLong(0, 365L * 86_400));
        Price x0 = Price.fromDouble(rng.nextDouble(100, 10_000), Rounding.DOWN);
        Observation entryObs = new Observation(x0, t0, vol);
        Target entry = policy.entry(entryObs);
        assertValid(entry, entryObs);
        Position held = Position.opened(entry, x0, t0);

        Instant t1 = t0.plusSeconds(rng.nextLong(0, 40L * 86_400));
        Price x1 = Price.fromDouble(x0.toDouble() * Math.exp(rng.nextGaussian() * 0.4), Rounding.DOWN);
        Observation obs = new Observation(x1, t1, vol);
        RollDecision d = policy.decide(Optional.of(held), obs);
        assertThat(policy.decide(Optional.of(held), obs)).isEqualTo(d);
        if (d instanceof RollDecision.Roll r) {
          rolls++;
          assertValid(r.to(), obs);
          Position next = Position.opened(r.to(), x1, t1);
          assertThat(policy.decide(Optional.of(next), obs))
              .as("%s: just rolled into %s at %s, must not be due again", name, r.to(), obs)
              .isInstanceOf(RollDecision.Hold.class);
        }
      }
      assertThat(rolls).as("%s rolled on some paths", name).isGreaterThan(100);
    }
  }

  private static void assertValid(Target t, Observation obs) {
    assertThat(t.strike().isPositive()).isTrue();
    assertThat(t.strike()).isLessThan(obs.spot());
    assertThat(t.maturity()).isAfter(obs.now().plus(Duration.ofDays(1)));
  }
}
