package noliq.wrapper.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * The post's example algorithm (Buterin, 1 June 2026): "if the current price is X, buy P_S with
 * S < X/2 and M 1-2 months in the future. If the price drops to below S * 1.5, then rotate out into
 * P_S' with S' < X/4. Don't hold anything to maturity."
 *
 * <p>{@code entryDivisor} is the 2 of "X/2", {@code triggerMultiple} the 1.5 of "S * 1.5",
 * {@code rollDivisor} the 4 of "X/4", {@code maturityDays} a point in "1-2 months". {@code reading}
 * says what X is at a rotation (the post is ambiguous). "Don't hold to maturity" needs a lead time
 * the post does not give: {@code exitDaysBeforeMaturity}, at which the position is re-bought by the
 * entry rule. Strikes are the largest multiple of {@code strikeStep} strictly below the bound. Under
 * the entry-price reading a gap far below the strike could make X/4 no longer below the spot, so
 * the rotated strike is also kept below {@code x / entryDivisor}.
 */
public record Buterin2026(
    Factor entryDivisor,
    Factor triggerMultiple,
    Factor rollDivisor,
    long maturityDays,
    long exitDaysBeforeMaturity,
    XReading reading,
    Price strikeStep) implements RollPolicy {

  public static final String NAME = "buterin-2026";

  public Buterin2026 {
    Policies.requireAbove("entryDivisor", entryDivisor, "1");
    Policies.requireAbove("triggerMultiple", triggerMultiple, "1");
    Policies.requireAbove("rollDivisor", rollDivisor, "1");
    Policies.requirePositive("maturityDays", maturityDays);
    Policies.requireNonNegative("exitDaysBeforeMaturity", exitDaysBeforeMaturity);
    if (exitDaysBeforeMaturity >= maturityDays) {
      throw new RuleViolation("exitDaysBeforeMaturity", "must be less than maturityDays " + maturityDays
          + " (was " + exitDaysBeforeMaturity + ")");
    }
    if (reading == null) {
      throw new RuleViolation("reading", "is required (ENTRY_PRICE or CURRENT_PRICE)");
    }
    if (strikeStep == null || !strikeStep.isPositive()) {
      throw new RuleViolation("strikeStep", "must be positive (was " + strikeStep + ")");
    }
  }

  /** The post's numbers: X/2, 1.5·S, X/4, 45 days (mid 1-2 months), exit 7 days before M, strikes on a 50 grid. */
  public static Buterin2026 defaults(XReading reading) {
    return new Buterin2026(Factor.of("2"), Factor.of("1.5"), Factor.of("4"), 45, 7, reading, Price.of(50));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String source() {
    return "Buterin 2026, ethresear.ch 25036, 'How to use synthetic options' (X read as "
        + (reading == XReading.ENTRY_PRICE ? "the entry price" : "the current price") + ")";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("entryDivisor", entryDivisor.toString());
    p.put("triggerMultiple", triggerMultiple.toString());
    p.put("rollDivisor", rollDivisor.toString());
    p.put("maturityDays", Long.toString(maturityDays));
    p.put("exitDaysBeforeMaturity", Long.toString(exitDaysBeforeMaturity));
    p.put("reading", reading.name());
    p.put("strikeStep", strikeStep.toString());
    return p;
  }

  @Override
  public Target entry(Observation obs) {
    Price bound = entryDivisor.divide(obs.spot(), Rounding.DOWN);
    return new Target(Strikes.strictlyBelow(bound, strikeStep), Strikes.daysAfter(obs.now(), maturityDays));
  }

  @Override
  public RollDecision decide(Optional<Position> held, Observation obs) {
    if (held.isEmpty()) {
      return new RollDecision.Roll(entry(obs), Trigger.ENTRY, "nothing held: buy S < X/" + entryDivisor
          + " with X = " + obs.spot() + ", maturing in " + maturityDays + " days");
    }
    Position p = held.get();
    Price trigger = rollBelow(p).orElseThrow();
    if (obs.spot().compareTo(trigger) < 0) {
      Price x = reading == XReading.ENTRY_PRICE ? p.entrySpot() : obs.spot();
      Price bound = Price.min(rollDivisor.divide(x, Rounding.DOWN), entryDivisor.divide(obs.spot(), Rounding.DOWN));
      Target to = new Target(Strikes.strictlyBelow(bound, strikeStep), Strikes.daysAfter(obs.now(), maturityDays));
      return new RollDecision.Roll(to, Trigger.PRICE, "spot " + obs.spot() + " is below " + triggerMultiple
          + "·S = " + trigger + ": rotate to S' < X/" + rollDivisor + " with X = " + x);
    }
    Instant exit = rollFrom(p).orElseThrow();
    if (obs.now().isAfter(exit)) {
      return new RollDecision.Roll(entry(obs), Trigger.TIME, "maturity " + p.maturity() + " is less than "
          + exitDaysBeforeMaturity + " days away: never hold to maturity, re-enter at S < X/" + entryDivisor);
    }
    return new RollDecision.Hold("spot " + obs.spot() + " is at or above " + trigger + " and maturity is more than "
        + exitDaysBeforeMaturity + " days away");
  }

  @Override
  public Optional<Price> rollBelow(Position held) {
    return Optional.of(triggerMultiple.times(held.strike(), Rounding.UP));
  }

  @Override
  public Optional<Instant> rollFrom(Position held) {
    return Optional.of(Strikes.daysBefore(held.maturity(), exitDaysBeforeMaturity));
  }
}
