package noliq.wrapper.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;

/**
 * Roll when the position's ETH exposure, the delta of one P in index units ({@link Exposure#deltaIndex}),
 * exceeds {@code maxDelta}; roll to {@code strikeFraction · x} maturing in {@code maturityDays}. Near
 * maturity a deep in-the-money P's delta falls to zero, so a pure delta rule would hold to
 * settlement: {@code minDaysToMaturity} rolls it before (0 turns that off).
 */
public record ExposureThreshold(double maxDelta, Factor strikeFraction, long maturityDays, long minDaysToMaturity)
    implements RollPolicy {

  public static final String NAME = "exposure-threshold";

  public ExposureThreshold {
    if (!(maxDelta > 0 && maxDelta < 1)) {
      throw new RuleViolation("maxDelta", "must be in (0, 1): the ETH exposure of one P per unit of x (was " + maxDelta + ")");
    }
    Policies.requireFraction("strikeFraction", strikeFraction);
    Policies.requirePositive("maturityDays", maturityDays);
    Policies.requireNonNegative("minDaysToMaturity", minDaysToMaturity);
    if (minDaysToMaturity >= maturityDays) {
      throw new RuleViolation("minDaysToMaturity", "must be less than maturityDays " + maturityDays
          + " (was " + minDaysToMaturity + ")");
    }
  }

  /** Exposure bound 0.05 ETH per P, strike x/2, 30 days, roll at the latest 1 day before maturity. */
  public static ExposureThreshold defaults() {
    return new ExposureThreshold(0.05, Factor.of("0.5"), 30, 1);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String source() {
    return "threshold on ETH exposure (the post's 'how much ETH exposure do you have per unit of P')";
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("maxDelta", Double.toString(maxDelta));
    p.put("strikeFraction", strikeFraction.toString());
    p.put("maturityDays", Long.toString(maturityDays));
    p.put("minDaysToMaturity", Long.toString(minDaysToMaturity));
    return p;
  }

  @Override
  public Target entry(Observation obs) {
    return new Target(strikeFraction.times(obs.spot(), Rounding.DOWN), Strikes.daysAfter(obs.now(), maturityDays));
  }

  @Override
  public RollDecision decide(Optional<Position> held, Observation obs) {
    if (held.isEmpty()) {
      return new RollDecision.Roll(entry(obs), Trigger.ENTRY, "nothing held: enter " + strikeFraction + "·x, "
          + maturityDays + " days");
    }
    Position p = held.get();
    double delta = Exposure.of(p, obs).deltaIndex();
    if (delta > maxDelta) {
      Target target = entry(obs);
      double after = Exposure.of(Position.opened(target, obs.spot(), obs.now()), obs).deltaIndex();
      if (after >= delta) {
        // on a high-vol surface the entry's own exposure can be above the bound: a roll that does not lower it is churn
        return new RollDecision.Hold(String.format("ETH exposure %.6f per P exceeds maxDelta %s, but the entry %s·x "
            + "would hold %.6f: rolling would not lower it", delta, maxDelta, strikeFraction, after));
      }
      return new RollDecision.Roll(target, Trigger.EXPOSURE, String.format(
          "ETH exposure %.6f per P exceeds maxDelta %s at x = %s", delta, maxDelta, obs.spot()));
    }
    if (minDaysToMaturity > 0 && obs.now().isAfter(rollFrom(p).orElseThrow())) {
      return new RollDecision.Roll(entry(obs), Trigger.TIME, "fewer than " + minDaysToMaturity
          + " days to maturity " + p.maturity());
    }
    return new RollDecision.Hold(String.format("ETH exposure %.6f per P is within maxDelta %s", delta, maxDelta));
  }

  @Override
  public Optional<Price> rollBelow(Position held) {
    return Optional.empty();
  }

  @Override
  public Optional<Instant> rollFrom(Position held) {
    return minDaysToMaturity > 0
        ? Optional.of(Strikes.daysBefore(held.maturity(), minDaysToMaturity))
        : Optional.empty();
  }
}
