package noliq.oracle.optimistic;

/** The states of a settlement request, as OptimisticOracleV2's {@code State}. */
public enum RequestState {
  /** Asked, waiting for a proposal (also after a dispute that reopened it). */
  REQUESTED,
  /** A proposal is inside its liveness window and may be disputed. */
  PROPOSED,
  /** The liveness window passed undisputed: the proposal is final and can be settled. */
  EXPIRED,
  /** A dispute escalated to the backstop, which has not decided yet (or deleted it: then for ever). */
  DISPUTED,
  /** The backstop decided: the value is final and can be settled. */
  RESOLVED,
  /** Bonds paid out; the value is final. */
  SETTLED;

  /** True when the value can no longer change. */
  public boolean isFinal() {
    return this == EXPIRED || this == RESOLVED || this == SETTLED;
  }
}
