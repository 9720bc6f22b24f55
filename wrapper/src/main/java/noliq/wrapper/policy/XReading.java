package noliq.wrapper.policy;

/**
 * The post's roll rule says "rotate out into P_S' with S' < X/4" without saying whether X is the price
 * when the position was bought or the price at the roll. Both readings are supported.
 */
public enum XReading {
  /** X is the spot when the held position was bought. */
  ENTRY_PRICE,
  /** X is the spot at the time of the roll (the Menhir PRD's reading). */
  CURRENT_PRICE
}
