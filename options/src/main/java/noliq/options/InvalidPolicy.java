package noliq.options;

/** How a series pays out when its oracle question is resolved as invalid. */
public enum InvalidPolicy {
  /** Like Gnosis scalar markets (RealitioScalarAdapter's [1,1]): P and N each get 1/2 ETH. */
  HALF_HALF
}
