package noliq.lab.study.options;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import noliq.wrapper.policy.Exposure;
import noliq.wrapper.policy.Observation;
import noliq.math.Price;
import noliq.wrapper.policy.ExposureThreshold;
import noliq.wrapper.policy.Position;
import noliq.wrapper.policy.RollPolicy;

/**
 * A cheap pre-check of whether a policy could roll at this step, so the study asks the policy (which
 * builds its reasons and exact prices) only when it might say yes. It never hides a roll: it says
 * "maybe" whenever the spot is at or near the policy's price trigger, the time trigger has come,
 * nothing is held, or the policy's trigger is not a price (the exposure threshold); the policy
 * itself then decides.
 */
final class RollWatch {
  private final RollPolicy policy;
  private Position cachedFor;
  private double rollBelow;
  private Instant rollFrom;

  RollWatch(RollPolicy policy) {
    this.policy = policy;
  }

  boolean mayRoll(Optional<Position> held, double spot, Instant now, Supplier<Observation> obs) {
    if (held.isEmpty()) {
      return true;
    }
    Position p = held.get();
    if (p != cachedFor) {
      cachedFor = p;
      rollBelow = policy.rollBelow(p).map(Price::toDouble).orElse(Double.NEGATIVE_INFINITY);
      rollFrom = policy.rollFrom(p).orElse(Instant.MAX);
    }
    if (spot <= rollBelow * (1 + 1e-9) || !now.isBefore(rollFrom)) {
      return true;
    }
    // the exposure threshold's trigger is the P's ETH delta, computed as the policy computes it
    return policy instanceof ExposureThreshold t && Exposure.of(p, obs.get()).deltaIndex() > t.maxDelta() * (1 - 1e-9);
  }
}
