package noliq.pricing;

/** Which leg of a pair a price refers to, and in which numeraire it is quoted. */
public enum Leg {
  P_ETH, N_ETH, P_INDEX, N_INDEX;

  double of(Valuation v) {
    return switch (this) {
      case P_ETH -> v.pEth();
      case N_ETH -> v.nEth();
      case P_INDEX -> v.pIndex();
      case N_INDEX -> v.nIndex();
    };
  }

  boolean increasesWithVol() {
    return this == N_ETH || this == N_INDEX;
  }
}
