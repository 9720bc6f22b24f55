package noliq.wrapper.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import noliq.math.Price;
import noliq.math.RuleViolation;

/**
 * Decomposes a holder's deviation from target as the path unfolds. The holder starts with exactly the
 * target's value (cash or ETH worth it); every later value is a fair value in index units supplied
 * by the caller (a model mark or the intrinsic value, the caller's choice, kept the same along a
 * path). Each step moves exactly one part, so the parts always add up to {@code value - target}:
 * <ul>
 *   <li>{@link #mark}: the position's fair value moved while it was held: exposure drift;
 *   <li>{@link #roll}: marks the old position, then swaps it for what the roll received: roll cost;
 *   <li>{@link #settle}: marks at maturity, then takes what settlement paid: settlement and oracle error.
 * </ul>
 */
public final class DriftAccount {
  private final Price target;
  private Price value;
  private Instant last;
  private Deviation drift = Deviation.ZERO;
  private Deviation rollCost = Deviation.ZERO;
  private Deviation settlement = Deviation.ZERO;
  private final List<DriftEntry> entries = new ArrayList<>();

  public DriftAccount(Price target, Instant start) {
    if (target == null || !target.isPositive()) {
      throw new RuleViolation("target", "must be positive (was " + target + ")");
    }
    if (start == null) {
      throw new RuleViolation("start", "is required");
    }
    this.target = target;
    this.value = target;
    this.last = start;
  }

  /** The held position is now worth {@code fairValue}. */
  public DriftEntry.Marked mark(Price fairValue, Instant at) {
    requireStep(fairValue, "fair-value", at);
    Deviation d = Deviation.between(value, fairValue);
    drift = drift.plus(d);
    value = fairValue;
    last = at;
    return record(new DriftEntry.Marked(at, fairValue, d));
  }

  /** A roll (or the entry trade) gave up what was worth {@code fairGiven} and received what is worth {@code fairReceived}. */
  public DriftEntry.Rolled roll(Price fairGiven, Price fairReceived, Instant at) {
    requireStep(fairReceived, "fair-received", at);
    mark(fairGiven, at);
    Deviation cost = Deviation.between(fairGiven, fairReceived);
    rollCost = rollCost.plus(cost);
    value = fairReceived;
    return record(new DriftEntry.Rolled(at, fairGiven, fairReceived, cost));
  }

  /** The position matured worth {@code fairAtMaturity} at the true price, and settlement paid what is worth {@code received}. */
  public DriftEntry.Settled settle(Price fairAtMaturity, Price received, Instant at) {
    requireStep(received, "received", at);
    mark(fairAtMaturity, at);
    Deviation error = Deviation.between(fairAtMaturity, received);
    settlement = settlement.plus(error);
    value = received;
    return record(new DriftEntry.Settled(at, fairAtMaturity, received, error));
  }

  public DriftBreakdown breakdown() {
    return new DriftBreakdown(target, value, drift, rollCost, settlement, Deviation.between(target, value));
  }

  public List<DriftEntry> entries() {
    return Collections.unmodifiableList(entries);
  }

  private void requireStep(Price v, String field, Instant at) {
    if (v == null) {
      throw new RuleViolation(field, "is required");
    }
    if (at == null || at.isBefore(last)) {
      throw new RuleViolation("at", "must not be before the last step " + last + " (was " + at + ")");
    }
  }

  private <E extends DriftEntry> E record(E e) {
    entries.add(e);
    return e;
  }
}
