package noliq.options;

/** The two legs of a pair: P (the covered call, the stable side) and N (the call, the leveraged side). */
public enum Leg {
  P, N
}
