package noliq.wrapper.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * Kyrrui's TrackerDAO (options-not-debt): roll when {@code x < triggerMultiple · S} (1.5) or fewer than
 * {@code minDaysToMaturity} (7) days remain, to {@code S' = strikeFraction · x} (x/2) maturing in
 * {@code maturityDays} (28). Entry uses the same strike and maturity rule.
 */
public record KyrruiTracker(Factor triggerMultiple, long minDaysToMaturity, Factor strikeFraction, long maturityDays)
    implements RollPolicy {

  public static final String NAME = "kyrrui-tracker";

  public KyrruiTracker {
    Policies.requireAbove("triggerMultiple", triggerMultiple, "1");
    Policies.requireNonNegative("minDaysToMaturity", minDaysToMaturity);
    Policies.requireFraction("strikeFraction", strikeFraction);
    Policies.requirePositive("maturityDays", maturityDays);
    if (minDaysToMaturity >= maturityDays) {
      throw new RuleViolation("minDaysToMaturity", "must be less than maturityDays " + maturityDays
          + " (was " + minDaysToMaturity + "), else every new position is due at once");
    }
  }

  /** TrackerDAO's constants: 1.5·S, 7 days, x/2, 28 days. */
  public static KyrruiTracker defaults() {
    return new KyrruiTracker(Factor.of("1.5"), 7, Factor.of("0.5"), 28);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String source() {
    return "Kyrrui/options-not-debt TrackerDAO";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("triggerMultiple", triggerMultiple.toString());
    p.put("minDaysToMaturity", Long.toString(minDaysToMaturity));
    p.put("strikeFraction", strikeFraction.toString());
    p.put("maturityDays", Long.toString(maturityDays));
    return p;
  }

  @Override
  public Target entry(Observation obs) {
    return new Target(strikeFraction.times(obs.spot(), Rounding.DOWN), Strikes.daysAfter(obs.now(), maturityDays));
  }

  @Override
  public RollDecision decide(Optional<Position> held, Observation obs) {
    if (held.isEmpty()) {
      return new RollDecision.Roll(entry(obs), Trigger.ENTRY, "nothing held: enter S = " + strikeFraction
          + "·x, " + maturityDays + " days");
    }
    Position p = held.get();
    Price trigger = rollBelow(p).orElseThrow();
    if (obs.spot().compareTo(trigger) < 0) {
      return new RollDecision.Roll(entry(obs), Trigger.PRICE, "x = " + obs.spot() + " < " + triggerMultiple
          + "·S = " + trigger + ": roll to S' = " + strikeFraction + "·x");
    }
    if (obs.now().isAfter(rollFrom(p).orElseThrow())) {
      return new RollDecision.Roll(entry(obs), Trigger.TIME, "fewer than " + minDaysToMaturity
          + " days to maturity " + p.maturity() + ": roll to S' = " + strikeFraction + "·x, " + maturityDays + " days");
    }
    return new RollDecision.Hold("x = " + obs.spot() + " >= " + trigger + " and at least " + minDaysToMaturity
        + " days to maturity");
  }

  @Override
  public Optional<Price> rollBelow(Position held) {
    return Optional.of(triggerMultiple.times(held.strike(), Rounding.UP));
  }

  @Override
  public Optional<Instant> rollFrom(Position held) {
    return Optional.of(Strikes.daysBefore(held.maturity(), minDaysToMaturity));
  }
}
