package noliq.options;

/** How a series pays out when its oracle question is resolved as invalid. */
public enum InvalidPolicy {
  /** Like Gnosis scalar markets (RealitioScalarAdapter's [1,1]): P and N each get 1/2 ETH. */
  HALF_HALF,
  /**
   * An invalid answer is not final: a heavier oracle behind the first one (a slower vote, a fork,
   * governance) must give the value. The oracle adapter asks it; should an invalid resolution
   * with this policy still reach the ledger, the series is simply not settleable yet.
   */
  FALLBACK
}
