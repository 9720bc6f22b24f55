package noliq.market.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import org.junit.jupiter.api.Test;

class AgentsTest {
  static final Token OLD = new Token("P:2000");
  static final Token NEW = new Token("P:1500");
  static final AccountId HOLDER = AccountId.of("holder");
  static final AccountId MM = AccountId.of("mm");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final double SPOT = 3000;
  static final SeriesLeg OLD_LEG = SeriesLeg.p(OLD, 2000, 7);
  static final SeriesLeg NEW_LEG = SeriesLeg.p(NEW, 1500, 28);

  @Test
  void makerValuesPWithBlackScholesAndQuotesAroundIt() {
    TokenBook book = new TokenBook();
    MarketMaker mm = new MarketMaker(MM, new MakerParams(0.7, 25, 10, 100, 1_000_000), book);
    double fair = InverseOptions.value(OptionInputs.of(SPOT, 2000, 7, 0.7)).pEth();
    assertThat(mm.fairEth(OLD_LEG, SPOT)).isEqualTo(fair);
    Price[] q = mm.quoteEth(OLD_LEG, SPOT);
    assertThat(q[0].toDouble()).isCloseTo(fair * 0.9975, within(1e-15));
    assertThat(q[1].toDouble()).isCloseTo(fair * 1.0025, within(1e-15));
    // N of the same series: the two fair values sum to 1 ETH (r = q = 0).
    double n = mm.fairEth(SeriesLeg.n(new Token("N:2000"), 2000, 7), SPOT);
    assertThat(n).isEqualTo(InverseOptions.value(OptionInputs.of(SPOT, 2000, 7, 0.7)).nEth());
    assertThat(fair + n).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void makerTakesFromAnAuctionOnlyOnceTheEdgeCoversItsInventoryRequirement() {
    TokenBook book = new TokenBook();
    RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
    MakerParams params = new MakerParams(0.7, 25, 50, 150, 1_000_000);
    MarketMaker mm = new MarketMaker(MM, params, book);
    book.mint(OLD, HOLDER, Amount.of(10_000));
    book.mint(NEW, MM, Amount.of(100_000));
    double ratio = mm.fairEth(OLD_LEG, SPOT) / mm.fairEth(NEW_LEG, SPOT);
    long id = house.start(HOLDER, OLD, Amount.of(10_000), NEW,
        AuctionTerms.kyrrui(Price.fromDouble(ratio, Rounding.UP)), T0).auctionId();
    // 0.5% edge (50 bps) is reached after 6 hours of a 2%-per-day ramp.
    assertThat(mm.considerAuction(house, id, OLD_LEG, NEW_LEG, SPOT, T0.plus(Duration.ofHours(5)))).isEmpty();
    var first = mm.considerAuction(house, id, OLD_LEG, NEW_LEG, SPOT, T0.plus(Duration.ofHours(9)));
    assertThat(first).isPresent();
    // At 75 bps it holds a quarter of its limit.
    assertThat(mm.inventoryUsd()).isCloseTo(250_000, within(1.0));
    var v = house.view(id);
    double lotValue = mm.fairEth(OLD_LEG, SPOT) * SPOT;
    assertThat(v.lot().minus(v.remaining()).toDouble() * lotValue).isCloseTo(250_000, within(1.0));
    mm.considerAuction(house, id, OLD_LEG, NEW_LEG, SPOT, T0.plus(Duration.ofHours(23)));
    assertThat(mm.inventoryUsd()).isLessThanOrEqualTo(1_000_000 + 1e-6).isGreaterThan(900_000);
  }

  /**
   * A reactive maker passes at once on a poll whose edge, before the two legs' half-spreads, already buys
   * no room (the half-spreads only lower it) and so skips their vegas. Its decision on every poll must
   * still be the full rule's: the edge less both half-spreads, over the stress, against the inventory it
   * wants. Random makers, markets, legs and starting edges, polled every hour along the ramp; both
   * outcomes occur many times.
   */
  @Test
  void aReactiveMakersAuctionDecisionIsTheFullRulesOnEveryPoll() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(20261202);
    int takes = 0;
    int passes = 0;
    for (int c = 0; c < 300; c++) {
      TokenBook book = new TokenBook();
      RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
      double minEdge = rnd.nextDouble(0, 150);
      MakerParams params = new MakerParams(0.4 + rnd.nextDouble(), 25, minEdge, minEdge + rnd.nextDouble(0, 300),
          100_000 + rnd.nextDouble(1_000_000));
      MakerResponse response = new MakerResponse(0.3 + rnd.nextDouble(), rnd.nextDouble(2), rnd.nextDouble(0.05),
          rnd.nextDouble(1e-3), rnd.nextDouble(2));
      MarketMaker mm = new MarketMaker(MM, params, response, book);
      book.mint(OLD, HOLDER, Amount.of(10_000));
      book.mint(NEW, MM, Amount.of(10_000_000));
      MakerView view = new MakerView(1000 + rnd.nextDouble(4000), noliq.pricing.VolSurface.flat(0.3 + rnd.nextDouble()),
          rnd.nextDouble(), 0.5 + rnd.nextDouble(2), rnd.nextDouble(-0.5, 0.5));
      SeriesLeg sold = SeriesLeg.p(OLD, 1500 + rnd.nextDouble(1000), 1 + rnd.nextDouble(30));
      SeriesLeg paid = SeriesLeg.p(NEW, 1000 + rnd.nextDouble(1000), sold.days() + rnd.nextDouble(30));
      double fairSold = mm.fairEth(sold, view);
      double fairPaid = mm.fairEth(paid, view);
      double screenBps = (mm.halfSpreadEth(sold, view) / fairSold + mm.halfSpreadEth(paid, view) / fairPaid) * 10_000;
      long id = house.start(HOLDER, OLD, Amount.of(10_000), NEW,
          AuctionTerms.kyrrui(Price.fromDouble(fairSold / fairPaid * (1 - rnd.nextDouble(0.03)), Rounding.UP)), T0).auctionId();
      for (int hour = 0; hour < 30; hour++) {
        Instant t = T0.plus(Duration.ofHours(hour));
        var auction = house.view(id);
        boolean open = auction.status() == RotationAuctionHouse.Status.OPEN && t.isBefore(auction.end());
        double edgeBps = open ? (1 - house.priceAt(id, t).toDouble() / (fairSold / fairPaid)) * 10_000 : Double.NaN;
        double room = params.inventoryAtEdgeUsd((edgeBps - screenBps) / response.stress(view)) * response.capacityShare(view)
            - mm.inventoryUsd();
        Optional<?> take = mm.considerAuction(house, id, sold, paid, view, t);
        if (open && room > 1) {
          assertThat(take).as("case %d, hour %d: room %s", c, hour, room).isPresent();
          takes++;
        } else if (!(room > 0)) {
          assertThat(take).as("case %d, hour %d: room %s", c, hour, room).isEmpty();
          passes += open ? 1 : 0;
        }
      }
    }
    assertThat(takes).isGreaterThan(200);
    assertThat(passes).isGreaterThan(200);
  }

  @Test
  void makerRestsPostOnlyQuotesAndReplacesThem() {
    TokenBook book = new TokenBook();
    OrderBook ob = new OrderBook(book, "P-ETH", OLD, Token.ETH);
    MarketMaker mm = new MarketMaker(MM, new MakerParams(0.7, 25, 10, 100, 1_000_000), book);
    book.mint(OLD, MM, Amount.of(100));
    book.mint(Token.ETH, MM, Amount.of(100));
    mm.restQuotes(ob, OLD_LEG, Amount.of(10), SPOT, T0);
    mm.restQuotes(ob, OLD_LEG, Amount.of(10), SPOT, T0);
    assertThat(ob.openOrders()).hasSize(2);
    assertThat(ob.bestBid().orElseThrow()).isLessThan(ob.bestAsk().orElseThrow());
  }

  @Test
  void arbitrageurPullsThePoolToTheLaggedReferenceWhenItPaysForGas() {
    TokenBook book = new TokenBook();
    ConstantProductPool pool = new ConstantProductPool(book, "P-ETH", OLD, Token.ETH, new FeeSchedule.Flat(3000),
        Optional.empty());
    AccountId lp = AccountId.of("lp");
    AccountId arb = AccountId.of("arb");
    book.mint(OLD, lp, Amount.of(1000));
    book.mint(Token.ETH, lp, Amount.of(400));
    pool.addLiquidity(lp, Amount.of(1000), Amount.of(400), T0);
    book.mint(OLD, arb, Amount.of(1000));
    book.mint(Token.ETH, arb, Amount.of(1000));
    // The reference jumps from 0.40 to 0.44 at T0 + 1 min; the arbitrageur sees it 12 s late.
    ReferencePrice ref = t -> t.isBefore(T0.plusSeconds(60)) ? Price.of("0.40") : Price.of("0.44");
    Arbitrageur a = new Arbitrageur(arb, book, Duration.ofSeconds(12), Amount.of("0.001"));
    assertThat(a.act(pool, OLD, ref, T0.plusSeconds(65))).isEmpty();
    var swap = a.act(pool, OLD, ref, T0.plusSeconds(75));
    assertThat(swap).isPresent();
    // After the trade the pool sits near the edge of the no-arbitrage band, ref * (1 - fee); the fee kept in
    // the pool lifts it slightly inside.
    assertThat(Arbitrageur.deviation(pool, OLD, ref, T0.plusSeconds(75))).isBetween(-0.003, -0.0025);
    assertThat(a.act(pool, OLD, ref, T0.plusSeconds(90))).isEmpty();
    double arbValue = book.balanceOf(arb, Token.ETH).toDouble() + book.balanceOf(arb, OLD).toDouble() * 0.44;
    assertThat(arbValue).isGreaterThan(1000 + 1000 * 0.44);
  }
}
