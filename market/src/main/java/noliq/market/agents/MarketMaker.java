package noliq.market.agents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import noliq.market.MarketEvent;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;

/**
 * A market maker that values P and N with Black–Scholes ({@link InverseOptions}) at its own volatility
 * estimate. It takes from rotation auctions when the current price gives it at least the edge its
 * inventory requires, and rests bids and asks around its fair value in order books.
 */
public final class MarketMaker {
  private final AccountId id;
  private final MakerParams params;
  private final TokenBook book;
  private double inventoryUsd;
  private final List<Long> restingOrders = new ArrayList<>();

  public MarketMaker(AccountId id, MakerParams params, TokenBook book) {
    this.id = id;
    this.params = params;
    this.book = book;
  }

  public AccountId id() {
    return id;
  }

  public MakerParams params() {
    return params;
  }

  /** What it has taken in so far, valued at its fair value when taken. */
  public double inventoryUsd() {
    return inventoryUsd;
  }

  /** Its fair value of one token of {@code leg} (P or N), in ETH. */
  public double fairEth(SeriesLeg leg, double spot) {
    var v = InverseOptions.value(OptionInputs.of(spot, leg.strike(), leg.days(), params.volEstimate()));
    return switch (leg.leg()) {
      case P -> v.pEth();
      case N -> v.nEth();
      // I pays only on an invalid resolution; its value is that probability, which Black-Scholes
      // does not model, so a Black-Scholes maker does not quote it.
      case I -> throw new RuleViolation("leg", "a Black-Scholes maker does not quote the invalid-outcome leg I");
    };
  }

  /** Its bid and ask for {@code leg} in ETH per token: fair value less and plus the half-spread. */
  public Price[] quoteEth(SeriesLeg leg, double spot) {
    double fair = fairEth(leg, spot);
    double h = params.halfSpreadBps() / 10_000;
    return new Price[] {Price.fromDouble(fair * (1 - h), Rounding.DOWN), Price.fromDouble(fair * (1 + h), Rounding.UP)};
  }

  /**
   * Looks at an open rotation auction selling {@code sold} for {@code paid} and takes what its
   * edge and inventory allow at the current price. Returns the take, if any.
   */
  public Optional<MarketEvent.AuctionTaken> considerAuction(RotationAuctionHouse house, long auctionId, SeriesLeg sold,
      SeriesLeg paid, double spot, Instant now) {
    var view = house.view(auctionId);
    if (view.status() != RotationAuctionHouse.Status.OPEN || !now.isBefore(view.end())) {
      return Optional.empty();
    }
    Price price = house.priceAt(auctionId, now);
    double fairRatio = fairEth(sold, spot) / fairEth(paid, spot);
    double edgeBps = (1 - price.toDouble() / fairRatio) * 10_000;
    double room = params.inventoryAtEdgeUsd(edgeBps) - inventoryUsd;
    if (room <= 0) {
      return Optional.empty();
    }
    double lotUsdValue = fairEth(sold, spot) * spot;
    Amount wanted = Amount.fromDouble(room / lotUsdValue, Rounding.DOWN);
    Amount affordable = book.balanceOf(id, view.buy()).mulDiv(Exact.WAD, price.units(), Rounding.DOWN);
    Amount lot = Amount.min(Amount.min(wanted, affordable), view.remaining());
    if (!lot.isPositive()) {
      return Optional.empty();
    }
    MarketEvent.AuctionTaken taken = house.take(auctionId, id, lot, price, now);
    inventoryUsd += taken.lotTaken().toDouble() * lotUsdValue;
    return Optional.of(taken);
  }

  /**
   * Replaces its quotes in {@code orderBook} (whose base is {@code leg}'s token, quoted in ETH)
   * with a bid and an ask of {@code size} each, around its fair value. Post-only: a quote that
   * would cross is skipped rather than taken.
   */
  public List<MarketEvent> restQuotes(OrderBook orderBook, SeriesLeg leg, Amount size, double spot, Instant now) {
    List<MarketEvent> events = new ArrayList<>();
    for (long orderId : restingOrders) {
      if (orderBook.order(orderId).isPresent()) {
        events.add(orderBook.cancel(id, orderId, now));
      }
    }
    restingOrders.clear();
    Price[] q = quoteEth(leg, spot);
    place(orderBook, OrderBook.Side.BUY, q[0], size, now, events);
    place(orderBook, OrderBook.Side.SELL, q[1], size, now, events);
    return events;
  }

  private void place(OrderBook orderBook, OrderBook.Side side, Price price, Amount size, Instant now,
      List<MarketEvent> events) {
    boolean crosses = side == OrderBook.Side.BUY
        ? orderBook.bestAsk().map(a -> a.compareTo(price) <= 0).orElse(false)
        : orderBook.bestBid().map(b -> b.compareTo(price) >= 0).orElse(false);
    if (crosses || !price.isPositive()) {
      return;
    }
    var placement = orderBook.place(id, side, price, size, OrderBook.TimeInForce.POST_ONLY, now);
    restingOrders.add(placement.placed().orderId());
    events.add(placement.placed());
  }
}
