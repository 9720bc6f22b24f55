package noliq.wrapper.port;

/** How a roll trades. The market module implements each; the caller of a roll chooses. */
public enum Mechanism {
  /** An immediate swap against an AMM pool. */
  AMM_SWAP,
  /** A Dutch auction whose price improves for the taker until the deadline (Kyrrui's rotation auction). */
  DUTCH_AUCTION,
  /** Patient resting limit orders on a book, cancelled at the deadline: one-sided market making. */
  RESTING_ORDERS
}
