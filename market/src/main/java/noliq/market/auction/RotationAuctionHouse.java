package noliq.market.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import noliq.market.Checks;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;

/**
 * Runs rotation auctions. A seller's lot is escrowed in the house's account in the shared
 * {@link TokenBook}; takers pay the seller directly and receive from the escrow; whatever is left
 * when the auction is cancelled or expires goes back to the seller. Pure: time comes in as {@code now}.
 */
public final class RotationAuctionHouse {
  /** The life of an auction. */
  public enum Status { OPEN, FILLED, EXPIRED, CANCELLED }

  /** An auction as callers see it. */
  public record AuctionView(long id, AccountId seller, Token sell, Token buy, Amount lot, Amount remaining,
      Amount proceeds, Instant start, AuctionTerms terms, Status status) {
    public Instant end() {
      return start.plus(terms.lifetime());
    }
  }

  private static final class Auction {
    final long id;
    final AccountId seller;
    final Token sell;
    final Token buy;
    final Amount lot;
    final Instant start;
    final AuctionTerms terms;
    Amount remaining;
    Amount proceeds = Amount.ZERO;
    Status status = Status.OPEN;
    /** The curve's price at {@link #pricedAt}: every maker asks at the same moment of a poll, and start and terms are final. */
    private Instant pricedAt;
    private Price price;

    /** {@link DutchCurve#priceAt} at {@code now}, computed once per moment asked. */
    Price priceAt(Instant now) {
      if (!now.equals(pricedAt)) {
        price = DutchCurve.priceAt(terms, Duration.between(start, now));
        pricedAt = now;
      }
      return price;
    }

    Auction(long id, AccountId seller, Token sell, Amount lot, Token buy, Instant start, AuctionTerms terms) {
      this.id = id;
      this.seller = seller;
      this.sell = sell;
      this.buy = buy;
      this.lot = lot;
      this.start = start;
      this.terms = terms;
      this.remaining = lot;
    }

    AuctionView view() {
      return new AuctionView(id, seller, sell, buy, lot, remaining, proceeds, start, terms, status);
    }
  }

  private final TokenBook book;
  private final AccountId account;
  private final Map<Long, Auction> auctions = new TreeMap<>();
  private long nextId = 1;

  public RotationAuctionHouse(TokenBook book, String name) {
    this.book = book;
    this.account = AccountId.of("auctions:" + name);
  }

  public AccountId account() {
    return account;
  }

  /** Escrows {@code lot} of {@code sell} from the seller and opens an auction for {@code buy}. */
  public MarketEvent.AuctionStarted start(AccountId seller, Token sell, Amount lot, Token buy, AuctionTerms terms,
      Instant now) {
    Checks.required("now", now);
    Checks.positive("lot", lot);
    if (terms == null) {
      throw new MarketException(new MarketError.OutOfRange("terms", "given", "nothing"));
    }
    if (sell.equals(buy)) {
      throw new MarketException(new MarketError.SameToken("buy", buy));
    }
    if (seller.equals(account)) {
      throw new MarketException(new MarketError.SelfTrade("seller", seller));
    }
    book.transfer(sell, seller, account, lot);
    long id = nextId++;
    auctions.put(id, new Auction(id, seller, sell, lot, buy, now, terms));
    return new MarketEvent.AuctionStarted(id, seller, sell, lot, buy, terms.fairPrice(), DutchCurve.floor(terms), now);
  }

  public AuctionView view(long id) {
    return find(id).view();
  }

  /** Every auction, oldest first. */
  public List<AuctionView> auctions() {
    List<AuctionView> out = new ArrayList<>();
    auctions.values().forEach(a -> out.add(a.view()));
    return Collections.unmodifiableList(out);
  }

  /** The price the auction accepts at {@code now}: buy token per 1 sell token. */
  public Price priceAt(long id, Instant now) {
    Auction a = find(id);
    requireNotBefore(a, now);
    return a.priceAt(now);
  }

  /**
   * Buys up to {@code lotWanted} of the lot at the current price, if that price is at most
   * {@code maxPrice} (the taker's protection). Takes {@code min(lotWanted, remaining)}.
   */
  public MarketEvent.AuctionTaken take(long id, AccountId taker, Amount lotWanted, Price maxPrice, Instant now) {
    Checks.required("now", now);
    Auction a = find(id);
    Checks.positive("lot", lotWanted);
    Checks.positive("maxPrice", maxPrice);
    requireOpen(a, now);
    if (taker.equals(a.seller) || taker.equals(account)) {
      throw new MarketException(new MarketError.SelfTrade("taker", taker));
    }
    Price price = a.priceAt(now);
    if (maxPrice.compareTo(price) < 0) {
      throw new MarketException(new MarketError.PriceOutsideCurve("maxPrice", maxPrice, price));
    }
    Amount taken = Amount.min(lotWanted, a.remaining);
    Amount paid = new Amount(DutchCurve.cost(taken.wei(), price));
    book.atomically(() -> {
      book.transfer(a.buy, taker, a.seller, paid);
      book.transfer(a.sell, account, taker, taken);
    });
    a.remaining = a.remaining.minus(taken);
    a.proceeds = a.proceeds.plus(paid);
    if (a.remaining.isZero()) {
      a.status = Status.FILLED;
    }
    return new MarketEvent.AuctionTaken(id, taker, taken, paid, price, now);
  }

  /** The seller withdraws an open auction; the rest of the lot returns. */
  public MarketEvent.AuctionClosed cancel(long id, AccountId caller, Instant now) {
    Checks.required("now", now);
    Auction a = find(id);
    if (!caller.equals(a.seller)) {
      throw new MarketException(new MarketError.NotOwner("caller", caller, a.seller));
    }
    if (a.status != Status.OPEN) {
      throw new MarketException(new MarketError.NotOpen("auction", id, a.status.name()));
    }
    return finish(a, Status.CANCELLED, now);
  }

  /** Anyone closes an auction past its end; the rest of the lot returns to the seller. */
  public MarketEvent.AuctionClosed expire(long id, Instant now) {
    Checks.required("now", now);
    Auction a = find(id);
    if (a.status != Status.OPEN) {
      throw new MarketException(new MarketError.NotOpen("auction", id, a.status.name()));
    }
    if (now.isBefore(a.start.plus(a.terms.lifetime()))) {
      throw new MarketException(new MarketError.OutOfRange("now", "at or after the auction's end "
          + a.start.plus(a.terms.lifetime()), now));
    }
    return finish(a, Status.EXPIRED, now);
  }

  private MarketEvent.AuctionClosed finish(Auction a, Status status, Instant now) {
    Amount rest = a.remaining;
    if (rest.isPositive()) {
      book.transfer(a.sell, account, a.seller, rest);
    }
    a.remaining = Amount.ZERO;
    a.status = status;
    return new MarketEvent.AuctionClosed(a.id, status.name(), rest, now);
  }

  private Auction find(long id) {
    Auction a = auctions.get(id);
    if (a == null) {
      throw new MarketException(new MarketError.UnknownId("auction", id));
    }
    return a;
  }

  private void requireOpen(Auction a, Instant now) {
    if (a.status != Status.OPEN) {
      throw new MarketException(new MarketError.NotOpen("auction", a.id, a.status.name()));
    }
    requireNotBefore(a, now);
    Instant end = a.start.plus(a.terms.lifetime());
    if (!now.isBefore(end)) {
      throw new MarketException(new MarketError.Expired("auction", a.id, end, now));
    }
  }

  private static void requireNotBefore(Auction a, Instant now) {
    if (now.isBefore(a.start)) {
      throw new MarketException(new MarketError.OutOfRange("now", "at or after the auction's start " + a.start, now));
    }
  }
}
