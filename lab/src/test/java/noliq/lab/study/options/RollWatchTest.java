package noliq.lab.study.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.pricing.VolSurface;
import noliq.wrapper.policy.Observation;
import noliq.wrapper.policy.Policies;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollPolicy;
import org.junit.jupiter.api.Test;

/**
 * The vault's cheap pre-check never hides a roll: wherever the policy itself decides to roll a held
 * position, {@link RollWatch} says "maybe". The policy is the oracle here, asked on a grid of spots and
 * days (and exactly at its price trigger); the check must also say "no" somewhere, or it saves nothing.
 */
class RollWatchTest {
  private static final VolSurface SURFACE = OptionsAssumptions.DEFAULTS.market().reaction().surface(0.8);

  private static Observation at(double spot, Instant now) {
    return new Observation(Price.fromDouble(spot, Rounding.DOWN), now, SURFACE);
  }

  @Test
  void wherePolicyRollsTheWatchSaysMaybe() {
    for (String name : Policies.NAMES) {
      RollPolicy policy = Policies.named(name);
      Observation start = at(3000, Paths.T0);
      Position held = Position.opened(policy.entry(start), start.spot(), Paths.T0);
      RollWatch watch = new RollWatch(policy);
      int rolls = 0;
      int quiet = 0;
      for (int day = 0; day <= 30; day++) {
        Instant now = Paths.T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
        for (double spot = 300; spot <= 9000; spot *= 1.05) {
          Observation obs = at(spot, now);
          boolean policyRolls = policy.decide(Optional.of(held), obs).rolls();
          boolean maybe = watch.mayRoll(Optional.of(held), spot, now, () -> obs);
          if (policyRolls) {
            rolls++;
            assertThat(maybe).as(name + " at " + spot + " on day " + day).isTrue();
          } else if (!maybe) {
            quiet++;
          }
        }
        // exactly at the price trigger
        Optional<Price> trigger = policy.rollBelow(held);
        if (trigger.isPresent()) {
          Observation obs = at(trigger.get().toDouble(), now);
          if (policy.decide(Optional.of(held), obs).rolls()) {
            assertThat(watch.mayRoll(Optional.of(held), obs.spot().toDouble(), now, () -> obs)).as(name + " at its trigger").isTrue();
          }
        }
      }
      assertThat(rolls).as(name + " rolls somewhere on the grid").isPositive();
      assertThat(quiet).as(name + " is ruled out somewhere").isPositive();
      // nothing held: always ask the policy
      assertThat(watch.mayRoll(Optional.empty(), 3000, Paths.T0, () -> start)).isTrue();
    }
  }
}
