package noliq.wrapper.port;

/**
 * The wrapper's port to a market: "trade this much P of series A for P of series B, or for ETH (or
 * ETH for P), with this mechanism, by this deadline; report what was received and the fair value at
 * the time". Adapters over the market module's AMM, Dutch auction and order book implement it.
 *
 * <p>Contract: on {@link TradeOutcome.Filled} the venue has moved exactly {@code given} of the token
 * given out of the trader's account and {@code received} into it, in the shared TokenBook, and
 * {@code given <= request.amount()}; on {@link TradeOutcome.Unfilled} nothing moved. A venue that
 * cannot trade by the deadline answers Unfilled rather than throw. Callers check the balances.
 */
@FunctionalInterface
public interface RollVenue {
  TradeOutcome trade(TradeRequest request);

  /** The cost breakdown of the last trade that filled, if this venue measures one ({@link ExecutionCost}). */
  default java.util.Optional<ExecutionCost> lastExecution() {
    return java.util.Optional.empty();
  }
}
