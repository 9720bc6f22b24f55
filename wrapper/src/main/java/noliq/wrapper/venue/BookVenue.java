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
import noliq.wrapper.port.ExecutionCost;
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
 * <p>The orders live on the reference's clock: every interval the makers re-quote on the market as
 * it is then, and natural flow arrives with their quotes as its limit, so the trader's orders, resting
 * at fair value at the decision, fill only when flow crosses them. Flow scales with the vol level and
 * turns one-sided (more P sellers, fewer P buyers) when vol is high ({@code MarketReaction}). The cost
 * is reported against fair value at the decision ({@link #lastExecution()}).
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
  private ExecutionCost last;
  private OrderBook.Placement pendingAsk;

  public BookVenue(MarketDesk desk) {
    this.desk = desk;
  }

  @Override
  public java.util.Optional<ExecutionCost> lastExecution() {
    return java.util.Optional.ofNullable(last);
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

    Amount deskEthBefore = desk.book().balanceOf(DESK, Token.ETH);
    Amount deskGiveBefore = desk.book().balanceOf(DESK, r.give());
    desk.book().transfer(r.give(), r.trader(), DESK, r.amount());
    Long ask = null;
    if (sells) {
      // GTC: a maker whose own estimate bids above fair value is taken at once; the rest rests at fair value
      var placed = giveBook.place(DESK, Side.SELL, fairGive, r.amount(), TimeInForce.GTC, now);
      ask = placed.placed().orderId();
      pendingAsk = placed;
    }
    long steps = window.toNanos() / a.flowInterval().toNanos();
    double baseFlowUsd = a.naturalFlowUsdPerDay() * a.flowInterval().toNanos() / Duration.ofDays(1).toNanos();
    var reaction = a.reaction();
    double[] exec = {0};
    if (pendingAsk != null) {
      account(pendingAsk, r.give(), now, false, exec);
      pendingAsk = null;
    }
    Long bid = null;
    Instant t = now;
    for (long step = 1; step <= steps && baseFlowUsd > 0; step++) {
      t = now.plus(a.flowInterval().multipliedBy(step));
      double atm = desk.observe(t).surface().atm30();
      double flowUsd = baseFlowUsd * reaction.flowScale(atm);
      double imbalance = reaction.flowImbalance(atm);
      double spotT = desk.observe(t).spot().toDouble();
      if (sells && giveBook.order(ask).isPresent()) {
        giveQuote = quotes(giveBook, r.give(), t, spotT);
        Amount flow = desk.unitsWorth(flowUsd * (1 - imbalance), r.give(), t);
        if (flow.isPositive()) {
          desk.cover(FLOW_BUYER, Token.ETH, flow.mulDiv(giveQuote[1].units(), Exact.WAD, Rounding.UP), t);
          var placed = giveBook.place(FLOW_BUYER, Side.BUY, giveQuote[1], flow, TimeInForce.IOC, t);
          account(placed, r.give(), t, true, exec);
        }
      }
      if (buys) {
        receiveQuote = quotes(receiveBook, r.receive(), t, spotT);
        bid = rebid(receiveBook, bid, fairReceive, r.receive(), t, exec);
        Amount flow = desk.unitsWorth(flowUsd * (1 + imbalance), r.receive(), t);
        if (bid != null && flow.isPositive()) {
          desk.cover(FLOW_SELLER, r.receive(), flow, t);
          var placed = receiveBook.place(FLOW_SELLER, Side.SELL, receiveQuote[0], flow, TimeInForce.IOC, t);
          account(placed, r.receive(), t, false, exec);
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
    // Patience is over: the rest crosses the makers' quotes as they are now, level by level (each maker quotes on its
    // own estimate, so their prices differ).
    double spotEnd = desk.observe(end).spot().toDouble();
    if (sells && above(desk.book().balanceOf(DESK, r.give()), deskGiveBefore).isPositive()) {
      quotes(giveBook, r.give(), end, spotEnd);
      for (int level = 0; level <= a.makerCount() && giveBook.bestBid().isPresent(); level++) {
        Amount rest = above(desk.book().balanceOf(DESK, r.give()), deskGiveBefore);
        Price bidNow = giveBook.bestBid().get();
        if (!rest.isPositive() || worth(rest, bidNow).isZero()) {
          break;
        }
        account(giveBook.place(DESK, Side.SELL, bidNow, rest, TimeInForce.IOC, end), r.give(), end, false, exec);
      }
    }
    if (buys) {
      quotes(receiveBook, r.receive(), end, spotEnd);
      for (int level = 0; level <= a.makerCount() && receiveBook.bestAsk().isPresent(); level++) {
        // each fill's quote rounds up by at most one wei: keep one per resting maker order in hand
        Amount eth = above(desk.book().balanceOf(DESK, Token.ETH), deskEthBefore);
        Amount margin = Amount.ofWei(a.makerCount() + 1L);
        Amount spendable = eth.isGreaterThan(margin) ? eth.minus(margin) : Amount.ZERO;
        Price askNow = receiveBook.bestAsk().get();
        Amount want = spendable.mulDiv(Exact.WAD, askNow.units(), Rounding.DOWN);
        if (!want.isPositive() || worth(want, askNow).isZero()) {
          break;
        }
        account(receiveBook.place(DESK, Side.BUY, askNow, want, TimeInForce.IOC, end), r.receive(), end, true, exec);
      }
    }
    withdrawMakers(giveBook, end);
    withdrawMakers(receiveBook, end);
    // what is left of this trade's amount (the desk may hold dust of the same token from earlier trades)
    Amount unsold = Amount.min(above(desk.book().balanceOf(DESK, r.give()), deskGiveBefore), r.amount());
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
    double givenFair = sells ? given.toDouble() * desk.fairEth(r.give(), now) : given.toDouble();
    // ETH this trade left unspent goes back to the trader, unless it is dust (under a basis point of what was given)
    Amount ethLeft = above(desk.book().balanceOf(DESK, Token.ETH), deskEthBefore);
    double returnedEth = 0;
    if (buys && ethLeft.toDouble() > givenFair * 1e-4) {
      desk.book().transfer(Token.ETH, DESK, r.trader(), ethLeft);
      returnedEth = ethLeft.toDouble();
    }
    double receivedEth = buys ? received.toDouble() * desk.fairEth(r.receive(), now) : received.toDouble();
    last = new ExecutionCost(givenFair, receivedEth + returnedEth, exec[0], 0, 0, 1 - given.toDouble() / r.amount().toDouble(),
        now, end);
    return new TradeOutcome.Filled(given, received, desk.fair(r.give(), given, now), desk.fair(r.receive(), received, now),
        end);
  }

  /**
   * Adds the desk's fills in {@code placed} to the execution cost at fair value at {@code t}: the desk
   * sold {@code token} in them when {@code deskSells} (the desk is maker when the flow takes it, taker
   * when it crosses), else bought it.
   */
  private void account(OrderBook.Placement placed, Token token, Instant t, boolean deskIsTakerBuyingOrMakerSelling,
      double[] exec) {
    double fair = token.equals(Token.ETH) ? 1 : desk.fairEth(token, t);
    for (var m : placed.matches()) {
      if (!m.maker().equals(DESK) && !m.taker().equals(DESK)) {
        continue;
      }
      boolean deskSold = m.maker().equals(DESK) == deskIsTakerBuyingOrMakerSelling;
      double base = m.base().toDouble();
      double quote = m.quote().toDouble();
      exec[0] += deskSold ? base * fair - quote : quote - base * fair;
      AccountId other = m.maker().equals(DESK) ? m.taker() : m.maker();
      if (desk.isMaker(other)) {
        // the maker's side of the fill is the desk's mirror: it bought what the desk sold, paying ETH, or the reverse
        if (deskSold) {
          desk.makerFilled(other, token, m.base(), Token.ETH, m.quote(), t);
        } else {
          desk.makerFilled(other, Token.ETH, m.quote(), token, m.base(), t);
        }
      }
    }
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

  /**
   * The makers withdraw their old quotes and rest fresh ones on the market at {@code now}, each on its
   * own estimate and at its capacity now; the quotes on the fair view are returned.
   */
  private Price[] quotes(OrderBook b, Token token, Instant now, double spot) {
    List<MarketMaker> makers = desk.makersFor(now);
    var leg = desk.leg(token, now, 1);
    for (OrderBook.OrderView o : b.openOrders()) {
      if (!o.owner().equals(DESK)) {
        b.cancel(o.owner(), o.id(), now);
      }
    }
    var fairView = desk.fairView(now);
    Amount size = desk.unitsWorth(desk.assumptions().makerInventoryUsd()
        * makers.get(0).response().capacityShare(fairView), token, now);
    Price[] q = makers.get(0).quoteEth(leg, fairView);
    if (desk.makersPresent() && size.isPositive()) {
      for (int i = 0; i < makers.size(); i++) {
        MarketMaker mm = makers.get(i);
        desk.cover(mm.id(), token, size, now);
        desk.cover(mm.id(), Token.ETH, size.mulDiv(q[1].units(), Exact.WAD, Rounding.UP).times(2), now);
        mm.restQuotes(b, leg, size, desk.view(now, i), now);
      }
    }
    return q;
  }

  private Long rebid(OrderBook b, Long bid, Price fair, Token token, Instant t, double[] exec) {
    if (bid != null && b.order(bid).isPresent()) {
      b.cancel(DESK, bid, t);
    }
    Amount want = worthOfEth(desk.book().balanceOf(DESK, Token.ETH), fair);
    if (want.isZero() || worth(want, fair).isZero()) {
      return null;
    }
    // GTC: a maker offering below fair value on its own estimate is taken at once, and those fills count like any other
    var placed = b.place(DESK, Side.BUY, fair, want, TimeInForce.GTC, t);
    account(placed, token, t, true, exec);
    return placed.placed().orderId();
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

  /** What {@code now} holds above {@code before} (zero if less: this trade spent dust earlier trades left). */
  private static Amount above(Amount now, Amount before) {
    return now.isGreaterThan(before) ? now.minus(before) : Amount.ZERO;
  }

  private static Amount worthOfEth(Amount eth, Price perUnit) {
    return eth.mulDiv(Exact.WAD, perUnit.units(), Rounding.DOWN);
  }

  /** The ETH {@code amount} is worth at {@code limit}, rounded down: a book takes only orders worth at least 1 wei. */
  private static Amount worth(Amount amount, Price limit) {
    return amount.mulDiv(limit.units(), Exact.WAD, Rounding.DOWN);
  }
}
