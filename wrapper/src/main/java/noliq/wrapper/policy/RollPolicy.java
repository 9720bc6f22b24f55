package noliq.wrapper.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;

/**
 * A roll policy: a pure function of what is held, the observed price and the time. It decides what
 * to hold and when to roll; how the roll trades (AMM swap, Dutch auction, resting orders) is the
 * caller's choice. Parameters are named as in each policy's source.
 */
public sealed interface RollPolicy
    permits Buterin2026, KyrruiTracker, PredictableRolling, ExposureThreshold {

  /** The policy's name on the command line, e.g. {@code kyrrui-tracker}. */
  String name();

  /** Where the rule comes from, for people. */
  String source();

  /** The parameters, by their source names, in a stable order. */
  Map<String, String> parameters();

  /** What to buy from nothing at {@code obs}. */
  Target entry(Observation obs);

  /** Hold or roll, and why. Nothing held means enter. */
  RollDecision decide(Optional<Position> held, Observation obs);

  /** The spot at or below which {@code held} rolls on price, if the policy has a price trigger. */
  Optional<Price> rollBelow(Position held);

  /** The time after which {@code held} rolls whatever the price, if the policy has one. */
  Optional<Instant> rollFrom(Position held);
}
