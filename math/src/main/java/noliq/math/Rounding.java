package noliq.math;

/**
 * The direction of a division that does not come out even. Protocol code names one at every
 * division, choosing the direction that favours the protocol over the account: payouts round
 * {@link #DOWN}, amounts the account must pay in round {@link #UP}.
 */
public enum Rounding {
  /** Towards zero (floor, as every value here is non-negative). */
  DOWN,
  /** Away from zero (ceiling). */
  UP,
  /**
   * To nearest, halves up. Only for reproducing contracts that use it, such as Aave's
   * WadRayMath and PercentageMath; new rules use {@link #DOWN} or {@link #UP}.
   */
  HALF_UP
}
