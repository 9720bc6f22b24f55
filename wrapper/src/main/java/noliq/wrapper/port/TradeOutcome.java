package noliq.wrapper.port;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;

/** What a venue did with a {@link TradeRequest}. */
public sealed interface TradeOutcome {

  /**
   * The trade happened: {@code given} of the request's token left the trader and {@code received} of
   * the other arrived, in the shared book. {@code fairGiven} and {@code fairReceived} are the fair
   * values of the two sides in index units at {@code at}, as the venue's reference price saw them:
   * their difference is the roll's cost (slippage and auction edge).
   */
  record Filled(Amount given, Amount received, Price fairGiven, Price fairReceived, Instant at) implements TradeOutcome {}

  /** Nobody took the trade by the deadline; nothing moved. */
  record Unfilled(String reason) implements TradeOutcome {}
}
