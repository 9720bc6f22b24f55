package noliq.options;

import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.RuleViolation;

/**
 * How a series pays out when its oracle question is resolved as invalid. It is one of the series'
 * terms (part of its id, see {@link Series#invalidPolicy()}), so holders know it when they trade.
 */
public enum InvalidPolicy {
  /** Like Gnosis scalar markets (RealitioScalarAdapter's [1,1]): P and N each get 1/2 ETH. */
  HALF_HALF("half-half"),
  /**
   * Like Seer's scalar markets (RealityProxy gives INVALID its own outcome slot, paid [0,0,1]): the
   * series has a third leg I. Split mints P, N and I together and merge burns all three, so every
   * set is still backed by exactly 1 ETH; a valid settlement pays I nothing and an invalid one pays
   * I the whole 1 ETH and P and N nothing. Whoever holds I is insured against an unresolvable question.
   */
  THIRD_OUTCOME("third-outcome"),
  /**
   * An invalid answer is not final: a heavier oracle behind the first one (a slower vote, a fork,
   * governance) must give the value. The oracle adapter asks it; should an invalid resolution
   * with this policy still reach the ledger, the series is simply not settleable yet.
   */
  FALLBACK("fallback");

  /** The policy of a series listed without naming one; its id leaves the policy out. */
  public static final InvalidPolicy DEFAULT = HALF_HALF;

  private static final Amount HALF = Amount.ofWei(Exact.WAD.shiftRight(1));

  private final String canonical;

  InvalidPolicy(String canonical) {
    this.canonical = canonical;
  }

  /** A stable lower-case name, part of a series' canonical description when not the default. */
  public String canonical() {
    return canonical;
  }

  /**
   * What one unit of {@code leg} pays, in ETH, when the question is finally invalid: 1/2 for P and
   * N under HALF_HALF, all of the 1 ETH to I under THIRD_OUTCOME. The legs' payouts sum to exactly
   * 1 ETH. FALLBACK has none: an invalid answer never settles such a series.
   */
  public Amount invalidPayoutPerUnit(Leg leg) {
    return switch (this) {
      case HALF_HALF -> leg == Leg.I ? Amount.ZERO : HALF;
      case THIRD_OUTCOME -> leg == Leg.I ? Amount.ONE : Amount.ZERO;
      case FALLBACK -> throw new RuleViolation("invalidPolicy",
          "FALLBACK pays nothing on an invalid answer: the heavier oracle must give a value");
    };
  }

  /** Whether a series under this policy has the third leg I. */
  public boolean hasThirdOutcome() {
    return this == THIRD_OUTCOME;
  }
}
