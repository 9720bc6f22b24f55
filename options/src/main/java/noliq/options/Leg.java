package noliq.options;

/**
 * The legs of a series: P (the covered call, the stable side), N (the call, the leveraged side)
 * and, only for a series with the {@link InvalidPolicy#THIRD_OUTCOME} policy, I (the invalid
 * outcome, paying 1 ETH if the oracle question turns out unresolvable and nothing otherwise).
 */
public enum Leg {
  P, N, I
}
