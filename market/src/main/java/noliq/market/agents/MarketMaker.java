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
 * A market maker that values P and N with Black–Scholes ({@link InverseOptions}) on its own estimate
 * of the implied-vol surface, at each leg's strike and maturity. It takes from rotation auctions when
 * the current price gives it at least the edge it requires now, and rests bids and asks around its
 * fair value in order books. With a {@link MakerResponse} its spreads, edge and size follow the
 * market's state ({@link MakerView}); the older spot-only calls assume a calm market at
 * {@link MakerParams#volEstimate()}.
 */
public final class MarketMaker {
  private final AccountId id;
  private final MakerParams params;
  private final MakerResponse response;
  private final TokenBook book;
  private double inventoryUsd;
  private final List<Long> restingOrders = new ArrayList<>();
  /**
   * The last {@link #MEMO} Black–Scholes values it computed, keyed by their exact inputs: one look
   * at an auction asks for the same (spot, strike, days, vol) up to three times (fair value, and
   * each half-spread's vega), and a pure function of the same doubles gives the same double.
   */
  private static final int MEMO = 4;
  private final double[] memoInputs = new double[4 * MEMO];
  private final double[] memoNEth = new double[MEMO];
  private int memoSize;
  private int memoNext;

  public MarketMaker(AccountId id, MakerParams params, TokenBook book) {
    this(id, params, MakerResponse.NONE, book);
  }

  public MarketMaker(AccountId id, MakerParams params, MakerResponse response, TokenBook book) {
    this.id = id;
    this.params = params;
    this.response = response;
    this.book = book;
  }

  public MakerResponse response() {
    return response;
  }

  private MakerView calm(double spot) {
    return MakerView.calm(spot, params.volEstimate());
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
    return fairEth(leg, calm(spot));
  }

  /** Its fair value of one token of {@code leg} in ETH, on its estimate of the surface at the leg's strike and maturity. */
  public double fairEth(SeriesLeg leg, MakerView view) {
    return fairEth(leg, view.spot(), view.estimate().volDays(view.spot(), leg.strike(), leg.days()));
  }

  private double fairEth(SeriesLeg leg, double spot, double vol) {
    return switch (leg.leg()) {
      // P in ETH is e^{-q tau} - N in ETH; the maker's inputs carry no rate and no yield, so e^{-0} = 1.
      case P -> 1.0 - nEth(spot, leg.strike(), leg.days(), vol);
      case N -> nEth(spot, leg.strike(), leg.days(), vol);
      // I pays only on an invalid resolution; its value is that probability, which Black-Scholes
      // does not model, so a Black-Scholes maker does not quote it.
      case I -> throw new RuleViolation("leg", "a Black-Scholes maker does not quote the invalid-outcome leg I");
    };
  }

  /** {@link InverseOptions#nEth} at these inputs, from the memo when it was asked for lately. */
  private double nEth(double spot, double strike, double days, double vol) {
    for (int i = 0; i < memoSize; i++) {
      int k = 4 * i;
      if (memoInputs[k] == spot && memoInputs[k + 1] == strike && memoInputs[k + 2] == days && memoInputs[k + 3] == vol) {
        return memoNEth[i];
      }
    }
    double n = InverseOptions.nEth(OptionInputs.of(spot, strike, days, vol));
    int i = memoNext;
    memoNext = (memoNext + 1) % MEMO;
    memoSize = Math.max(memoSize, i + 1);
    int k = 4 * i;
    memoInputs[k] = spot;
    memoInputs[k + 1] = strike;
    memoInputs[k + 2] = days;
    memoInputs[k + 3] = vol;
    memoNEth[i] = n;
    return n;
  }

  /** Its bid and ask for {@code leg} in ETH per token: fair value less and plus the half-spread. */
  public Price[] quoteEth(SeriesLeg leg, double spot) {
    return quoteEth(leg, calm(spot));
  }

  /** Its bid and ask for {@code leg} in ETH per token now: fair value less and plus {@link #halfSpreadEth}. */
  public Price[] quoteEth(SeriesLeg leg, MakerView view) {
    double vol = view.estimate().volDays(view.spot(), leg.strike(), leg.days());
    double fair = fairEth(leg, view.spot(), vol);
    double h = Math.min(halfSpreadEth(leg, view, vol), fair * 0.99);
    return new Price[] {Price.fromDouble(fair - h, Rounding.DOWN), Price.fromDouble(fair + h, Rounding.UP)};
  }

  /**
   * Its half-spread on {@code leg} in ETH: without a response, {@code halfSpreadBps} of fair value;
   * with one, the stress multiplier times (tick + vega times the screen's implied-vol half-spread).
   */
  public double halfSpreadEth(SeriesLeg leg, MakerView view) {
    return halfSpreadEth(leg, view, view.estimate().volDays(view.spot(), leg.strike(), leg.days()));
  }

  /** {@link #halfSpreadEth(SeriesLeg, MakerView)} with the leg's vol on the maker's estimate already read. */
  private double halfSpreadEth(SeriesLeg leg, MakerView view, double vol) {
    if (!response.reactive()) {
      return fairEth(leg, view.spot(), vol) * params.halfSpreadBps() / 10_000;
    }
    double vega = Math.abs(fairEth(leg, view.spot(), vol + 0.01) - fairEth(leg, view.spot(), vol)) / 0.01;
    return response.stress(view) * (response.tickEth() + vega * response.ivHalfSpread(leg.days()));
  }

  /**
   * Looks at an open rotation auction selling {@code sold} for {@code paid} and takes what its
   * edge and inventory allow at the current price. Returns the take, if any.
   */
  public Optional<MarketEvent.AuctionTaken> considerAuction(RotationAuctionHouse house, long auctionId, SeriesLeg sold,
      SeriesLeg paid, double spot, Instant now) {
    return considerAuction(house, auctionId, sold, paid, calm(spot), now);
  }

  /**
   * As above, on the market as it is now: the maker takes when the current price pays, beyond
   * unwinding both legs on the screen (their half-spreads), the stressed edge its inventory requires,
   * up to its capacity now.
   */
  public Optional<MarketEvent.AuctionTaken> considerAuction(RotationAuctionHouse house, long auctionId, SeriesLeg sold,
      SeriesLeg paid, MakerView market, Instant now) {
    var view = house.view(auctionId);
    if (view.status() != RotationAuctionHouse.Status.OPEN || !now.isBefore(view.end())) {
      return Optional.empty();
    }
    Price price = house.priceAt(auctionId, now);
    var estimate = market.estimate();
    double volSold = estimate.volDays(market.spot(), sold.strike(), sold.days());
    double volPaid = estimate.volDays(market.spot(), paid.strike(), paid.days());
    double fairSold = fairEth(sold, market.spot(), volSold);
    double fairPaid = fairEth(paid, market.spot(), volPaid);
    double fairRatio = fairSold / fairPaid;
    double edgeBps = (1 - price.toDouble() / fairRatio) * 10_000;
    double stress = response.stress(market);
    double capacity = response.capacityShare(market);
    if (response.reactive() && stress > 0 && fairSold > 0 && fairPaid > 0
        && params.inventoryAtEdgeUsd(edgeBps / stress) * capacity - inventoryUsd <= 0) {
      // The screen's half-spreads (finite and not negative here) only lower the edge, and the inventory a maker
      // wants never falls as the edge grows: when the edge before them buys no room, none is bought, and the
      // four Black-Scholes values of their vegas are not needed. Most polls of an auction end here.
      return Optional.empty();
    }
    double screenBps = response.reactive()
        ? (halfSpreadEth(sold, market, volSold) / fairSold + halfSpreadEth(paid, market, volPaid) / fairPaid) * 10_000 : 0;
    double netBps = (edgeBps - screenBps) / stress;
    double room = params.inventoryAtEdgeUsd(netBps) * capacity - inventoryUsd;
    if (room <= 0) {
      return Optional.empty();
    }
    double lotUsdValue = fairSold * market.spot();
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
    return restQuotes(orderBook, leg, size, calm(spot), now);
  }

  /** As above, quoting on the market as it is now ({@link #quoteEth(SeriesLeg, MakerView)}). */
  public List<MarketEvent> restQuotes(OrderBook orderBook, SeriesLeg leg, Amount size, MakerView market, Instant now) {
    List<MarketEvent> events = new ArrayList<>();
    for (long orderId : restingOrders) {
      if (orderBook.order(orderId).isPresent()) {
        events.add(orderBook.cancel(id, orderId, now));
      }
    }
    restingOrders.clear();
    Price[] q = quoteEth(leg, market);
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
