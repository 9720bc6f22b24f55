package noliq.wrapper.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import noliq.market.agents.MarketMaker;
import noliq.market.book.OrderBook;
import noliq.market.book.OrderBook.Side;
import noliq.market.book.OrderBook.TimeInForce;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.wrapper.port.RollVenue;
import noliq.wrapper.port.TradeOutcome;
import noliq.wrapper.port.TradeRequest;

/**
 * Patient resting orders as a roll venue, as in the roll-cost study: each leg has an order book
 * against ETH where the desk's makers rest a bid and an ask {@code makerHalfSpreadBps} around fair
 * value, {@code makerInventoryUsd} deep. The trader's amount rests as a post-only ask at fair value;
 * every {@code flowInterval} natural flow ({@code naturalFlowUsdPerDay}) buys the old leg at the
 * makers' ask (so it meets the trader's cheaper ask first) and sells the new leg at the makers' bid
 * (meeting the trader's bid at fair value, re-placed with all ETH received so far). After
 * {@code patience} (or the request's deadline if sooner) the rest crosses the makers' quotes.
 *
 * <p>The orders are the desk's, in its own account: the trader's amount moves in, what it bought
 * and any part never sold move back, so the trader's balances change by exactly the reported
 * amounts; ETH dust below one resting order's rounding stays with the desk. Nothing sold is
 * {@link TradeOutcome.Unfilled}.
 */
public final class BookVenue implements RollVenue {
  static final AccountId DESK = AccountId.of("book-desk");
  static final AccountId FLOW_BUYER = AccountId.of("flow-buyer");
  static final AccountId FLOW_SELLER = AccountId.of("flow-seller");
  private final MarketDesk desk;
  private final Map<Token, OrderBook> books = new HashMap<>();

  public BookVenue(MarketDesk desk) {
    this.desk = desk;
  }

  @Override
  public TradeOutcome trade(TradeRequest r) {
    try {
      return desk.book().atomically(() -> run(r));
    } catch (AuctionVenue.NoFill e) {
      return new TradeOutcome.Unfilled(e.reason);
    }
  }

  private TradeOutcome run(TradeRequest r) {
    Instant now = r.now();
    var a = desk.assumptions();
    Duration window = Duration.between(now, r.deadline());
    if (window.compareTo(a.patience()) > 0) {
      window = a.patience();
    }
    boolean sells = !r.give().equals(Token.ETH);
    boolean buys = !r.receive().equals(Token.ETH);
    double spot = desk.observe(now).spot().toDouble();
    OrderBook giveBook = sells ? book(r.give()) : null;
    OrderBook receiveBook = buys ? book(r.receive()) : null;
    Price[] giveQuote = sells ? quotes(giveBook, r.give(), now, spot) : null;
    Price[] receiveQuote = buys ? quotes(receiveBook, r.receive(), now, spot) : null;
    Price fairGive = sells ? Price.fromDouble(desk.fairEth(r.give(), now), Rounding.UP) : null;
    Price fairReceive = buys ? Price.fromDouble(desk.fairEth(r.receive(), now), Rounding.DOWN) : null;

    desk.book().transfer(r.give(), r.trader(), DESK, r.amount());
    Long ask = null;
    if (sells) {
      ask = giveBook.place(DESK, Side.SELL, fairGive, r.amount(), TimeInForce.POST_ONLY, now).placed().orderId();
    }
    long steps = window.toNanos() / a.flowInterval().toNanos();
    double flowUsd = a.naturalFlowUsdPerDay() * a.flowInterval().toNanos() / Duration.ofDays(1).toNanos();
    Long bid = null;
    Instant t = now;
    for (long step = 1; step <= steps && flowUsd > 0; step++) {
      t = now.plus(a.flowInterval().multipliedBy(step));
      if (sells && giveBook.order(ask).isPresent()) {
        Amount flow = desk.unitsWorth(flowUsd, r.give(), now);
        if (flow.isPositive()) {
          desk.cover(FLOW_BUYER, Token.ETH, flow.mulDiv(giveQuote[1].units(), Exact.WAD, Rounding.UP), t);
          giveBook.place(FLOW_BUYER, Side.BUY, giveQuote[1], flow, TimeInForce.IOC, t);
        }
      }
      if (buys) {
        bid = rebid(receiveBook, bid, fairReceive, t);
        Amount flow = desk.unitsWorth(flowUsd, r.receive(), now);
        if (bid != null && flow.isPositive()) {
          desk.cover(FLOW_SELLER, r.receive(), flow, t);
          receiveBook.place(FLOW_SELLER, Side.SELL, receiveQuote[0], flow, TimeInForce.IOC, t);
        }
      }
      boolean soldAll = !sells || giveBook.order(ask).isEmpty();
      if (soldAll && (!buys || worth(desk.book().balanceOf(DESK, Token.ETH), fairReceive).isZero())) {
        break;
      }
    }
    Instant end = t;
    if (sells && giveBook.order(ask).isPresent()) {
      giveBook.cancel(DESK, ask, end);
    }
    if (buys && bid != null && receiveBook.order(bid).isPresent()) {
      receiveBook.cancel(DESK, bid, end);
    }
    // Patience is over: the rest crosses the makers' quotes.
    Amount restGive = desk.book().balanceOf(DESK, r.give());
    if (sells && restGive.isPositive() && !worth(restGive, giveQuote[0]).isZero() && giveBook.bestBid().isPresent()) {
      giveBook.place(DESK, Side.SELL, giveQuote[0], restGive, TimeInForce.IOC, end);
    }
    if (buys) {
      // each fill's quote rounds up by at most one wei: keep one per resting maker order in hand
      Amount eth = desk.book().balanceOf(DESK, Token.ETH);
      Amount margin = Amount.ofWei(a.makerCount() + 1L);
      Amount spendable = eth.isGreaterThan(margin) ? eth.minus(margin) : Amount.ZERO;
      Amount want = spendable.mulDiv(Exact.WAD, receiveQuote[1].units(), Rounding.DOWN);
      if (want.isPositive() && !worth(want, receiveQuote[1]).isZero() && receiveBook.bestAsk().isPresent()) {
        receiveBook.place(DESK, Side.BUY, receiveQuote[1], want, TimeInForce.IOC, end);
      }
    }
    withdrawMakers(giveBook, end);
    withdrawMakers(receiveBook, end);
    Amount unsold = desk.book().balanceOf(DESK, r.give());
    if (unsold.isPositive()) {
      desk.book().transfer(r.give(), DESK, r.trader(), unsold);
    }
    Amount given = r.amount().minus(unsold);
    Amount received = desk.book().balanceOf(DESK, r.receive());
    if (given.isZero()) {
      // every order is off the books; undo the makers' and the flow's preparation too: nothing moved
      throw new AuctionVenue.NoFill("nobody bought any of the resting order by " + end);
    }
    if (received.isPositive()) {
      desk.book().transfer(r.receive(), DESK, r.trader(), received);
    }
    return new TradeOutcome.Filled(given, received, desk.fair(r.give(), given, now), desk.fair(r.receive(), received, now),
        end);
  }

  private OrderBook book(Token token) {
    OrderBook b = books.get(token);
    if (b == null) {
      b = new OrderBook(desk.book(), "book-" + token.symbol(), token, Token.ETH);
      books.put(token, b);
      OrderBook created = b;
      desk.book().onRollback(() -> books.remove(token, created));
    }
    return b;
  }

  /** The makers rest fresh quotes (when present) and the first maker's bid and ask are returned. */
  private Price[] quotes(OrderBook b, Token token, Instant now, double spot) {
    List<MarketMaker> makers = desk.makersFor(now);
    var leg = desk.leg(token, now, 1);
    Amount size = desk.unitsWorth(desk.assumptions().makerInventoryUsd(), token, now);
    Price[] q = makers.get(0).quoteEth(leg, spot);
    if (desk.makersPresent() && size.isPositive()) {
      for (MarketMaker mm : makers) {
        desk.cover(mm.id(), token, size, now);
        desk.cover(mm.id(), Token.ETH, size.mulDiv(q[0].units(), Exact.WAD, Rounding.UP), now);
        mm.restQuotes(b, leg, size, spot, now);
      }
    }
    return q;
  }

  private Long rebid(OrderBook b, Long bid, Price fair, Instant t) {
    if (bid != null && b.order(bid).isPresent()) {
      b.cancel(DESK, bid, t);
    }
    Amount want = worthOfEth(desk.book().balanceOf(DESK, Token.ETH), fair);
    if (want.isZero() || worth(want, fair).isZero()) {
      return null;
    }
    return b.place(DESK, Side.BUY, fair, want, TimeInForce.POST_ONLY, t).placed().orderId();
  }

  /** The makers leave when the roll is done, so the next roll meets fresh quotes. */
  private void withdrawMakers(OrderBook b, Instant t) {
    if (b == null) {
      return;
    }
    for (OrderBook.OrderView o : b.openOrders()) {
      b.cancel(o.owner(), o.id(), t);
    }
  }

  private static Amount worthOfEth(Amount eth, Price perUnit) {
    return eth.mulDiv(Exact.WAD, perUnit.units(), Rounding.DOWN);
  }

  /** The ETH {@code amount} is worth at {@code limit}, rounded down: a book takes only orders worth at least 1 wei. */
  private static Amount worth(Amount amount, Price limit) {
    return amount.mulDiv(limit.units(), Exact.WAD, Rounding.DOWN);
  }
}
