package noliq.wrapper.venue;

import static noliq.wrapper.venue.HandWorkedMarket.T0;
import static noliq.wrapper.venue.HandWorkedMarket.TRADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.market.auction.RotationAuctionHouse;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import org.junit.jupiter.api.Test;

/**
 * The rotation auction's clearing prices, proceeds and costs, worked by hand on {@link HandWorkedMarket}
 * (P old = 1000/x ETH, P new = 800/x ETH, ratio 1.25; concession 0.1 bp a minute; makers need 10.05 bp
 * and hold $5M × (edge − 10.05) / 100 at an edge, each lot valued at the sold leg's fair value).
 *
 * <p>The curve is Kyrrui's linear one (DutchCurve): price(m) = fair × (1 − 0.0144 × m / 1440).
 * <pre>
 *   minute 100: 10.0 bp, under every maker's minimum: nobody takes
 *   minute 101: 10.1 bp, price 1.25 × 0.99899 = 1.2487375 new P per old P;
 *       each maker's room 5e6 × 0.05 / 100 = $2,500 = 2.5 old P (worth $1,000 each)
 *   minute 102: 10.2 bp, price 1.25 × 0.99898 = 1.248725; room 5e6 × 0.15 / 100 − 2,500 = $5,000 = 5 old P
 * </pre>
 */
class AuctionVenueCostTest {
  static final double TOKEN = 1e-9;

  final HandWorkedMarket m = new HandWorkedMarket();
  final AuctionVenue venue = new AuctionVenue(m.desk);

  static Instant minute(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  TradeOutcome.Filled filled(TradeOutcome o) {
    assertThat(o).isInstanceOf(TradeOutcome.Filled.class);
    return (TradeOutcome.Filled) o;
  }

  double balance(Token t) {
    return m.book.balanceOf(TRADER, t).toDouble();
  }

  /**
   * 4 old P. At minute 101 maker-1 takes 2.5 (its $2,500), maker-2 the last 1.5, both at 1.2487375:
   * 3.12184375 + 1.87310625 = 4.99495 new P (= 4 × 1.2487375). Spot moves to 2,500 at minute 100, which
   * leaves the ratio (and so the take) alone but halves nothing: at the fill old P is 0.4 and new P 0.32 ETH.
   * <pre>
   *   fair at the decision (2,000): given 4 × 0.5 = 2 ETH, received 4.99495 × 0.4 = 1.99798 ETH: total 0.00202
   *   execution at the fill (2,500): 4 × 0.4 − 4.99495 × 0.32 = 1.6 − 1.598384 = 0.001616
   *   the market's move while waiting: 0.00202 − 0.001616 = 0.000404
   *   index units at the decision: 4 × 1,000 = 4,000 given, 4.99495 × 800 = 3,995.96 received
   * </pre>
   */
  @Test
  void aSmallLotClearsAtMinute101AtTheHandComputedPriceAndCost() {
    m.traderHoldsOldP(4);
    m.spot = t -> t.isBefore(minute(100)) ? 2000.0 : 2500.0;
    assertThat(venue.lastExecution()).isEmpty();
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(4), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofDays(1))));

    assertThat(f.given()).isEqualTo(Amount.of(4));
    assertThat(f.received().toDouble()).isCloseTo(4.99495, within(TOKEN));
    assertThat(f.at()).isEqualTo(minute(101));
    assertThat(f.fairGiven().toDouble()).isCloseTo(4000, within(1e-6));
    assertThat(f.fairReceived().toDouble()).isCloseTo(3995.96, within(1e-6));
    assertThat(balance(m.oldP)).isZero();
    assertThat(balance(m.newP)).isCloseTo(4.99495, within(TOKEN));

    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(2.0, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(1.99798, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.001616, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(0.000404, within(TOKEN));
    assertThat(c.feeEth()).isZero();
    assertThat(c.impactEth()).isZero();
    assertThat(c.unfilledShare()).isCloseTo(0, within(1e-12));
    assertThat(c.decidedAt()).isEqualTo(T0);
    assertThat(c.lastFillAt()).isEqualTo(minute(101));

    RotationAuctionHouse.AuctionView a = venue.house().auctions().get(0);
    assertThat(a.status()).isEqualTo(RotationAuctionHouse.Status.FILLED);
    assertThat(a.proceeds().toDouble()).isCloseTo(4.99495, within(TOKEN));

    // each maker's side is in the desk's inventory: what it bought, what it paid, when
    List<MakerInventory.Lot> lots = m.desk.inventory().openLots();
    assertThat(lots).hasSize(2);
    assertThat(lots.get(0).maker()).isEqualTo(AccountId.of("maker-1"));
    assertThat(lots.get(0).bought()).isEqualTo(m.oldP);
    assertThat(lots.get(0).boughtUnits().toDouble()).isCloseTo(2.5, within(TOKEN));
    assertThat(lots.get(0).paid()).isEqualTo(m.newP);
    assertThat(lots.get(0).paidUnits().toDouble()).isCloseTo(3.12184375, within(TOKEN));
    assertThat(lots.get(0).openedAt()).isEqualTo(minute(101));
    assertThat(lots.get(1).maker()).isEqualTo(AccountId.of("maker-2"));
    assertThat(lots.get(1).boughtUnits().toDouble()).isCloseTo(1.5, within(TOKEN));
    assertThat(lots.get(1).paidUnits().toDouble()).isCloseTo(1.87310625, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * 20 old P over the whole day. Minute 101: five makers take 2.5 each, 12.5 at 1.2487375 = 15.60921875.
   * Minute 102: maker-1 takes 5 (its new room), maker-2 the last 2.5, at 1.248725: 6.243625 + 3.1218125 =
   * 9.3654375. Received 24.97465625 new P.
   * <pre>
   *   execution (spot stays 2,000): (12.5 × 0.5 − 15.60921875 × 0.4) + (7.5 × 0.5 − 9.3654375 × 0.4)
   *                                 = 0.0063125 + 0.003825 = 0.0101375
   * </pre>
   */
  @Test
  void aLargeLotClearsOverTwoMinutesAsTheMakersRoomGrows() {
    m.traderHoldsOldP(20);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(20), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofDays(2))));
    assertThat(f.given()).isEqualTo(Amount.of(20));
    assertThat(f.received().toDouble()).isCloseTo(24.97465625, within(TOKEN));
    assertThat(f.at()).isEqualTo(minute(102));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.executionEth()).isCloseTo(0.0101375, within(TOKEN));
    assertThat(c.givenFairEth()).isCloseTo(10.0, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(24.97465625 * 0.4, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(0, within(TOKEN));
    assertThat(c.lastFillAt()).isEqualTo(minute(102));
    List<MakerInventory.Lot> lots = m.desk.inventory().openLots();
    assertThat(lots).hasSize(7);
    assertThat(lots.get(5).maker()).isEqualTo(AccountId.of("maker-1"));
    assertThat(lots.get(5).boughtUnits().toDouble()).isCloseTo(5, within(TOKEN));
    assertThat(lots.get(5).paidUnits().toDouble()).isCloseTo(6.243625, within(TOKEN));
    assertThat(lots.get(5).openedAt()).isEqualTo(minute(102));
    assertThat(lots.get(6).maker()).isEqualTo(AccountId.of("maker-2"));
    assertThat(lots.get(6).boughtUnits().toDouble()).isCloseTo(2.5, within(TOKEN));
    // the deadline (2 days) is past the ramp's end: the auction lives one day, the ramp
    assertThat(venue.house().auctions().get(0).terms().lifetime()).isEqualTo(Duration.ofDays(1));
    m.assertSuppliesWhole();
  }

  /**
   * The same 20 P with a deadline at minute 102: the last poll is minute 101, where the five makers take
   * 12.5 for 15.60921875 new P; the other 7.5 come back. Unfilled share 7.5 / 20 = 0.375; execution
   * 0.0063125 ETH (10.1 bp of the 6.25 ETH sold).
   */
  @Test
  void aDeadlineBeforeTheRampsEndSellsWhatTheMakersTookByThenAndReturnsTheRest() {
    m.traderHoldsOldP(20);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(20), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofMinutes(102))));
    assertThat(f.given().toDouble()).isCloseTo(12.5, within(TOKEN));
    assertThat(f.received().toDouble()).isCloseTo(15.60921875, within(TOKEN));
    assertThat(balance(m.oldP)).isCloseTo(7.5, within(TOKEN));
    assertThat(balance(m.newP)).isCloseTo(15.60921875, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.unfilledShare()).isCloseTo(0.375, within(1e-9));
    assertThat(c.executionEth()).isCloseTo(0.0063125, within(TOKEN));
    assertThat(c.givenFairEth()).isCloseTo(6.25, within(TOKEN));
    assertThat(m.book.balanceOf(venue.house().account(), m.oldP)).isEqualTo(Amount.ZERO);
    assertThat(venue.house().auctions().get(0).status()).isNotEqualTo(RotationAuctionHouse.Status.OPEN);
    m.assertSuppliesWhole();
  }

  /**
   * ETH for the new P: the ratio is 1 / 0.4 = 2.5. A maker sees ETH as an N of negligible strike (worth
   * 1 ETH), so its lot is worth $2,000 an ETH and its $2,500 room buys 1.25 ETH at minute 101. Price
   * 2.5 × 0.99899 = 2.4974750: maker-1 pays 3.12184375, maker-2 (0.75 ETH) 1.87310625; received 4.99495
   * new P for 2 ETH, execution 2 − 4.99495 × 0.4 = 0.00202 ETH.
   */
  @Test
  void ethForNewPClearsAtTheHandComputedPrice() {
    m.ledger.deposit(TRADER, Amount.of(2));
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofDays(1))));
    assertThat(f.received().toDouble()).isCloseTo(4.99495, within(TOKEN));
    assertThat(f.at()).isEqualTo(minute(101));
    assertThat(m.desk.inventory().openLots().get(0).boughtUnits().toDouble()).isCloseTo(1.25, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(2, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.00202, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * Old P for ETH: ratio 0.5; at minute 101 the price is 0.5 × 0.99899 = 0.499495 ETH, maker-1 takes 2.5
   * and maker-2 1.5: 4 × 0.499495 = 1.99798 ETH; execution 4 × 0.5 − 1.99798 = 0.00202.
   */
  @Test
  void oldPForEthClearsAtTheHandComputedPrice() {
    m.traderHoldsOldP(4);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(4), Token.ETH, Mechanism.DUTCH_AUCTION, Duration.ofDays(1))));
    assertThat(f.received().toDouble()).isCloseTo(1.99798, within(TOKEN));
    assertThat(f.at()).isEqualTo(minute(101));
    assertThat(venue.lastExecution().orElseThrow().executionEth()).isCloseTo(0.00202, within(TOKEN));
    assertThat(venue.lastExecution().orElseThrow().receivedFairEth()).isCloseTo(1.99798, within(TOKEN));
    m.assertSuppliesWhole();
  }

  @Test
  void aDeadlineOfNowIsUnfilledAndMovesNothing() {
    m.traderHoldsOldP(4);
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(m.request(m.oldP, Amount.of(4), m.newP, Mechanism.DUTCH_AUCTION, Duration.ZERO));
    assertThat(o).isInstanceOf(TradeOutcome.Unfilled.class);
    assertThat(((TradeOutcome.Unfilled) o).reason()).contains("no time");
    assertThat(m.book.snapshot()).isEqualTo(before);
    assertThat(venue.house().auctions()).isEmpty();
  }

  /** An N struck at 8,000 with spot at 2,000 and 20% vol is worth nothing: there is no fair ratio to start at. */
  @Test
  void aLegWithNoFairValueIsUnfilled() {
    var far = noliq.options.Series.pn(noliq.options.IndexId.ETH_USD, noliq.math.Price.of(8000), T0.plus(Duration.ofDays(30)));
    m.ledger.list(far);
    m.traderHoldsOldP(4);
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(m.request(m.oldP, Amount.of(4), far.nToken(), Mechanism.DUTCH_AUCTION, Duration.ofDays(1)));
    assertThat(((TradeOutcome.Unfilled) o).reason()).contains("no fair value");
    var back = venue.trade(m.request(far.nToken(), Amount.of(4), m.oldP, Mechanism.DUTCH_AUCTION, Duration.ofDays(1)));
    assertThat(((TradeOutcome.Unfilled) back).reason()).contains("no fair value");
    assertThat(m.book.snapshot()).isEqualTo(before);
  }

  @Test
  void withNoMakersWatchingTheAuctionIsUnfilledAndMovesNothing() {
    m.traderHoldsOldP(4);
    m.desk.setMakersPresent(false);
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(m.request(m.oldP, Amount.of(4), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofDays(1)));
    assertThat(((TradeOutcome.Unfilled) o).reason()).contains("no maker watched");
    assertThat(m.book.snapshot()).isEqualTo(before);
    assertThat(venue.lastExecution()).isEmpty();
  }

  /** A deadline at minute 100 ends before any maker's edge is met: the auction is withdrawn and nothing moves. */
  @Test
  void aDeadlineBeforeAnyTakeIsUnfilledAndKeepsTheLastCost() {
    m.traderHoldsOldP(8);
    venue.trade(m.request(m.oldP, Amount.of(4), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofDays(1)));
    ExecutionCost first = venue.lastExecution().orElseThrow();
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(m.request(m.oldP, Amount.of(4), m.newP, Mechanism.DUTCH_AUCTION, Duration.ofMinutes(101)));
    assertThat(((TradeOutcome.Unfilled) o).reason()).contains("no maker took");
    assertThat(m.book.snapshot()).isEqualTo(before);
    assertThat(venue.lastExecution()).contains(first);
  }

  @Test
  void itNamesItsEdgeAndRamp() {
    assertThat(venue).hasToString("AuctionVenue[1.44% over PT24H]");
  }
}
