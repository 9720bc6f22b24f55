package noliq.wrapper.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * Predictable short-dated rolling (Czar102, reply /9): maturities of {@code tenorDays} (3-10),
 * strikes at {@code strikeFraction} of spot (0.50-0.60), rolled {@code rollDaysBeforeExpiry} (about a
 * day) before expiry on a fixed schedule: each new maturity is the last one plus the tenor, so the
 * roll dates are known in advance. There is no reactive rebalancing: the price never triggers a roll.
 */
public record PredictableRolling(long tenorDays, Factor strikeFraction, long rollDaysBeforeExpiry) implements RollPolicy {

  public static final String NAME = "czar102-predictable";

  public PredictableRolling {
    Policies.requirePositive("tenorDays", tenorDays);
    Policies.requireFraction("strikeFraction", strikeFraction);
    Policies.requireNonNegative("rollDaysBeforeExpiry", rollDaysBeforeExpiry);
    if (rollDaysBeforeExpiry >= tenorDays) {
      throw new RuleViolation("rollDaysBeforeExpiry", "must be less than tenorDays " + tenorDays
          + " (was " + rollDaysBeforeExpiry + ")");
    }
  }

  /** 7-day tenor (in 3-10), strike at 55% of spot (in 50-60%), rolled 1 day before expiry. */
  public static PredictableRolling defaults() {
    return new PredictableRolling(7, Factor.of("0.55"), 1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String source() {
    return "Czar102, ethresear.ch 25036/9 ('sound options': predictable rolling)";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("tenorDays", Long.toString(tenorDays));
    p.put("strikeFraction", strikeFraction.toString());
    p.put("rollDaysBeforeExpiry", Long.toString(rollDaysBeforeExpiry));
    return p;
  }

  @Override
  public Target entry(Observation obs) {
    return new Target(strike(obs.spot()), Strikes.daysAfter(obs.now(), tenorDays));
  }

  @Override
  public RollDecision decide(Optional<Position> held, Observation obs) {
    if (held.isEmpty()) {
      return new RollDecision.Roll(entry(obs), Trigger.ENTRY, "nothing held: enter " + strikeFraction
          + "·x, " + tenorDays + " days");
    }
    Position p = held.get();
    Instant due = rollFrom(p).orElseThrow();
    if (obs.now().isAfter(due)) {
      // The next maturity on the schedule that still leaves a full lead time before its own roll.
      Instant next = p.maturity();
      Duration tenor = Duration.ofDays(tenorDays);
      do {
        next = next.plus(tenor);
      } while (!Strikes.daysBefore(next, rollDaysBeforeExpiry).isAfter(obs.now()));
      return new RollDecision.Roll(new Target(strike(obs.spot()), next), Trigger.SCHEDULE,
          "scheduled roll " + rollDaysBeforeExpiry + " day(s) before expiry " + p.maturity() + " into " + next);
    }
    return new RollDecision.Hold("next scheduled roll after " + due + "; the price never triggers a roll");
  }

  @Override
  public Optional<Price> rollBelow(Position held) {
    return Optional.empty();
  }

  @Override
  public Optional<Instant> rollFrom(Position held) {
    return Optional.of(Strikes.daysBefore(held.maturity(), rollDaysBeforeExpiry));
  }

  private Price strike(Price spot) {
    return strikeFraction.times(spot, Rounding.DOWN);
  }
}
