package noliq.wrapper.policy;

/** Why a policy rolls. */
public enum Trigger {
  /** Nothing is held yet: buy the entry target. */
  ENTRY,
  /** The price came too close to the strike. */
  PRICE,
  /** Too little time is left before maturity. */
  TIME,
  /** The fixed schedule says so, whatever the price. */
  SCHEDULE,
  /** The position's ETH exposure exceeds the bound. */
  EXPOSURE
}
