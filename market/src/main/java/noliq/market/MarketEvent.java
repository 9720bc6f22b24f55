package noliq.market;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/** Every accepted market operation, as a value a node can journal. */
public sealed interface MarketEvent {
  Instant at();

  /** A swap in a pool: {@code amountIn} of {@code tokenIn} paid, {@code amountOut} of {@code tokenOut} received. */
  record Swapped(String pool, AccountId trader, Token tokenIn, Amount amountIn, Token tokenOut,
      Amount amountOut, long feePips, Instant at) implements MarketEvent {}

  /** Liquidity added to a pool for {@code shares} of its share token. */
  record LiquidityAdded(String pool, AccountId provider, Amount amount0, Amount amount1, Amount shares,
      Instant at) implements MarketEvent {}

  /** Liquidity removed: {@code shares} burned for the two amounts. */
  record LiquidityRemoved(String pool, AccountId provider, Amount shares, Amount amount0, Amount amount1,
      Instant at) implements MarketEvent {}

  /** A rotation auction opened: {@code lot} of {@code sell} escrowed, asking for {@code buy}. */
  record AuctionStarted(long auctionId, AccountId seller, Token sell, Amount lot, Token buy,
      Price startPrice, Price floorPrice, Instant at) implements MarketEvent {}

  /** A taker bought {@code lotTaken} of the lot for {@code paid} of the buy token, at {@code price}. */
  record AuctionTaken(long auctionId, AccountId taker, Amount lotTaken, Amount paid, Price price,
      Instant at) implements MarketEvent {}

  /** An auction ended; {@code returned} of the lot went back to the seller. */
  record AuctionClosed(long auctionId, String status, Amount returned, Instant at) implements MarketEvent {}

  /** An order was accepted; {@code resting} of it rests in the book after matching. */
  record OrderPlaced(String market, long orderId, AccountId owner, String side, Price limit, Amount amount,
      Amount resting, Instant at) implements MarketEvent {}

  /** One match: {@code base} traded for {@code quote} at the resting order's price. */
  record OrderMatched(String market, long makerOrderId, long takerOrderId, AccountId maker, AccountId taker,
      Amount base, Amount quote, Price price, Instant at) implements MarketEvent {}

  /** An order left the book: cancelled, or filled with its escrow dust refunded. */
  record OrderClosed(String market, long orderId, String reason, Amount refunded, Token refundToken,
      Instant at) implements MarketEvent {}
}
