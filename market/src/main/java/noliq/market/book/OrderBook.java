package noliq.market.book;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * A limit order book for {@code base} priced in {@code quote} (a price is quote per 1 base, at 18
 * decimals). Orders match at the resting order's price, best price first, then oldest first.
 * Resting orders are escrowed in the book's account in the shared {@link TokenBook}: a sell
 * escrows its base, a buy escrows {@code ceil(amount * limit)} of quote. Quote amounts of a match
 * round in the resting order's favour (up when it sells, down when it buys), and a buy's leftover
 * escrow dust is refunded when it leaves the book. An order that would trade against its owner's
 * own resting order is refused whole.
 */
public final class OrderBook {
  public enum Side { BUY, SELL }

  /** GTC rests what does not match; IOC drops it; POST_ONLY refuses an order that would match at all. */
  public enum TimeInForce { GTC, IOC, POST_ONLY }

  /** An open order as callers see it. {@code escrow} is in base for a sell, in quote for a buy. */
  public record OrderView(long id, AccountId owner, Side side, Price limit, Amount amount, Amount remaining,
      Amount escrow) {}

  /** One price level: its price and the amount resting there. */
  public record Level(Price price, Amount amount, int orders) {}

  /** What {@link #place} did: the placed event, each match, and each resting order that left. */
  public record Placement(MarketEvent.OrderPlaced placed, List<MarketEvent.OrderMatched> matches,
      List<MarketEvent.OrderClosed> closed) {
    public Amount filled() {
      return matches.stream().map(MarketEvent.OrderMatched::base).reduce(Amount.ZERO, Amount::plus);
    }

    public Amount quoteTraded() {
      return matches.stream().map(MarketEvent.OrderMatched::quote).reduce(Amount.ZERO, Amount::plus);
    }
  }

  private static final class Order {
    final long id;
    final AccountId owner;
    final Side side;
    final Price limit;
    final Amount amount;
    BigInteger remaining;
    BigInteger escrow;

    Order(long id, AccountId owner, Side side, Price limit, Amount amount, BigInteger remaining, BigInteger escrow) {
      this.id = id;
      this.owner = owner;
      this.side = side;
      this.limit = limit;
      this.amount = amount;
      this.remaining = remaining;
      this.escrow = escrow;
    }

    OrderView view() {
      return new OrderView(id, owner, side, limit, amount, new Amount(remaining), new Amount(escrow));
    }
  }

  private record Fill(Order maker, BigInteger base, BigInteger quote) {}

  private final TokenBook book;
  private final String name;
  private final AccountId account;
  private final Token base;
  private final Token quote;
  private final NavigableMap<BigInteger, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigInteger, ArrayDeque<Order>> asks = new TreeMap<>();
  private final Map<Long, Order> open = new HashMap<>();
  private long nextId = 1;

  public OrderBook(TokenBook book, String name, Token base, Token quote) {
    if (base.equals(quote)) {
      throw new MarketException(new MarketError.SameToken("quote", quote));
    }
    this.book = book;
    this.name = name;
    this.account = AccountId.of("book:" + name);
    this.base = base;
    this.quote = quote;
  }

  public String name() {
    return name;
  }

  public AccountId account() {
    return account;
  }

  public Token base() {
    return base;
  }

  public Token quote() {
    return quote;
  }

  public Optional<Price> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(new Price(bids.firstKey()));
  }

  public Optional<Price> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(new Price(asks.firstKey()));
  }

  /** The levels of one side, best first. */
  public List<Level> levels(Side side) {
    List<Level> out = new ArrayList<>();
    (side == Side.BUY ? bids : asks).forEach((p, q) -> {
      BigInteger sum = BigInteger.ZERO;
      for (Order o : q) {
        sum = sum.add(o.remaining);
      }
      out.add(new Level(new Price(p), new Amount(sum), q.size()));
    });
    return Collections.unmodifiableList(out);
  }

  public Optional<OrderView> order(long id) {
    Order o = open.get(id);
    return o == null ? Optional.empty() : Optional.of(o.view());
  }

  /** Every open order, by id. */
  public List<OrderView> openOrders() {
    List<OrderView> out = new ArrayList<>();
    open.values().stream().sorted(Comparator.comparingLong(o -> o.id)).forEach(o -> out.add(o.view()));
    return out;
  }

  /**
   * Places an order to {@code side} {@code amount} of base at {@code limit} or better. It matches
   * against the other side first; what remains rests (GTC) or is dropped (IOC). All-or-nothing.
   */
  public Placement place(AccountId owner, Side side, Price limit, Amount amount, TimeInForce tif, Instant now) {
    Checks.required("now", now);
    if (side == null) {
      throw new MarketException(new MarketError.OutOfRange("side", "BUY or SELL", "nothing"));
    }
    Checks.positive("limit", limit);
    Checks.positive("amount", amount);
    if (owner.equals(account)) {
      throw new MarketException(new MarketError.SelfTrade("owner", owner));
    }
    if (Exact.mulDiv(amount.wei(), limit.units(), Exact.WAD, Rounding.DOWN).signum() == 0) {
      throw new MarketException(new MarketError.OutOfRange("amount", "worth at least 1 wei of " + quote
          + " at the limit", amount));
    }
    // Plan the matches first, so that a refusal (self-trade, post-only) leaves nothing behind.
    List<Fill> fills = new ArrayList<>();
    BigInteger remaining = amount.wei();
    NavigableMap<BigInteger, ArrayDeque<Order>> other = side == Side.BUY ? asks : bids;
    levels:
    for (Map.Entry<BigInteger, ArrayDeque<Order>> level : other.entrySet()) {
      if (!crosses(side, limit.units(), level.getKey())) {
        break;
      }
      if (tif == TimeInForce.POST_ONLY) {
        throw new MarketException(new MarketError.PriceOutsideCurve("limit", limit, new Price(level.getKey())));
      }
      for (Order maker : level.getValue()) {
        if (maker.owner.equals(owner)) {
          throw new MarketException(new MarketError.SelfTrade("owner", owner));
        }
        BigInteger fill = remaining.min(maker.remaining);
        // Rounds in the resting order's favour: it is paid up when selling, pays down when buying.
        BigInteger quoteAmount = Exact.mulDiv(fill, level.getKey(), Exact.WAD,
            side == Side.BUY ? Rounding.UP : Rounding.DOWN);
        fills.add(new Fill(maker, fill, quoteAmount));
        remaining = remaining.subtract(fill);
        if (remaining.signum() == 0) {
          break levels;
        }
      }
    }
    BigInteger rest = tif == TimeInForce.IOC ? BigInteger.ZERO : remaining;
    BigInteger restEscrow = side == Side.SELL ? rest : Exact.mulDiv(rest, limit.units(), Exact.WAD, Rounding.UP);
    long id = nextId;
    List<MarketEvent.OrderMatched> matches = new ArrayList<>(fills.size());
    List<MarketEvent.OrderClosed> closed = new ArrayList<>();
    book.atomically(() -> {
      for (Fill f : fills) {
        Order m = f.maker;
        if (side == Side.BUY) {
          transfer(quote, owner, m.owner, f.quote);
          transfer(base, account, owner, f.base);
        } else {
          transfer(base, owner, m.owner, f.base);
          transfer(quote, account, owner, f.quote);
        }
      }
      transfer(side == Side.SELL ? base : quote, owner, account, restEscrow);
      // Dust refunds of buys that leave the book, computed on the state the fills will leave.
      for (Fill f : fills) {
        Order m = f.maker;
        if (m.side == Side.BUY && m.remaining.equals(f.base)) {
          transfer(quote, account, m.owner, m.escrow.subtract(f.quote));
        }
      }
    });
    // The book's transfers all succeeded: now update the order structures (nothing below can fail).
    nextId++;
    for (Fill f : fills) {
      Order m = f.maker;
      m.remaining = m.remaining.subtract(f.base);
      m.escrow = m.escrow.subtract(m.side == Side.SELL ? f.base : f.quote);
      matches.add(new MarketEvent.OrderMatched(name, m.id, id, m.owner, owner, new Amount(f.base),
          new Amount(f.quote), m.limit, now));
      if (m.remaining.signum() == 0) {
        Amount refund = new Amount(m.escrow);
        m.escrow = BigInteger.ZERO;
        remove(m);
        closed.add(new MarketEvent.OrderClosed(name, m.id, "filled", refund, m.side == Side.SELL ? base : quote, now));
      }
    }
    if (rest.signum() > 0) {
      Order o = new Order(id, owner, side, limit, amount, rest, restEscrow);
      (side == Side.BUY ? bids : asks).computeIfAbsent(limit.units(), k -> new ArrayDeque<>()).addLast(o);
      open.put(id, o);
    }
    var placed = new MarketEvent.OrderPlaced(name, id, owner, side.name(), limit, amount, new Amount(rest), now);
    return new Placement(placed, Collections.unmodifiableList(matches), Collections.unmodifiableList(closed));
  }

  /** The owner withdraws an open order; its escrow returns. */
  public MarketEvent.OrderClosed cancel(AccountId caller, long orderId, Instant now) {
    Checks.required("now", now);
    Order o = open.get(orderId);
    if (o == null) {
      throw new MarketException(new MarketError.UnknownId("order", orderId));
    }
    if (!o.owner.equals(caller)) {
      throw new MarketException(new MarketError.NotOwner("caller", caller, o.owner));
    }
    Token token = o.side == Side.SELL ? base : quote;
    transfer(token, account, o.owner, o.escrow);
    Amount refund = new Amount(o.escrow);
    o.escrow = BigInteger.ZERO;
    remove(o);
    return new MarketEvent.OrderClosed(name, orderId, "cancelled", refund, token, now);
  }

  private static boolean crosses(Side side, BigInteger limit, BigInteger restingPrice) {
    return side == Side.BUY ? restingPrice.compareTo(limit) <= 0 : restingPrice.compareTo(limit) >= 0;
  }

  private void remove(Order o) {
    open.remove(o.id);
    NavigableMap<BigInteger, ArrayDeque<Order>> sideMap = o.side == Side.BUY ? bids : asks;
    ArrayDeque<Order> level = sideMap.get(o.limit.units());
    if (level != null) {
      if (level.peekFirst() == o) {
        level.pollFirst();
      } else {
        for (Iterator<Order> it = level.iterator(); it.hasNext(); ) {
          if (it.next() == o) {
            it.remove();
            break;
          }
        }
      }
      if (level.isEmpty()) {
        sideMap.remove(o.limit.units());
      }
    }
  }

  private void transfer(Token token, AccountId from, AccountId to, BigInteger amount) {
    if (amount.signum() > 0) {
      book.transfer(token, from, to, new Amount(amount));
    }
  }
}
