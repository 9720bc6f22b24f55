package noliq.oracle.escalation;

/** The states of an escalation-game question. */
public enum EscalationState {
  /** Asked, no answer yet. */
  OPEN,
  /** Answered; the timeout has not passed, so anyone may answer again with a doubled bond. */
  ANSWERED,
  /** Arbitration was requested: frozen until the arbitrator answers. */
  PENDING_ARBITRATION,
  /** The last answer stood through the timeout, or the arbitrator answered. */
  FINALIZED,
  /** Bonds and bounty paid out. */
  CLAIMED
}
