package noliq.wrapper.venue;

import static noliq.wrapper.venue.HandWorkedMarket.T0;
import static noliq.wrapper.venue.HandWorkedMarket.TRADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.market.roll.RollAssumptions;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.wrapper.port.ExecutionCost;
import noliq.wrapper.port.Mechanism;
import noliq.wrapper.port.TradeOutcome;
import org.junit.jupiter.api.Test;

/**
 * The resting orders' fills and costs, worked by hand on {@link HandWorkedMarket}. Each maker quotes
 * fair value ∓ 25 bp, $5M deep: old P 0.49875 / 0.50125 and new P 0.399 / 0.401 ETH at spot 2,000
 * (at 1,600, old P is 0.625 and new P 0.5 ETH: 0.6234375 / 0.6265625 and 0.49875 / 0.50125). The trader's
 * ask rests at fair value at the decision, its bid at the new P's fair value then; when patience ends the
 * rest crosses the makers' quotes, keeping 6 wei (one per maker, and one) of the ETH in hand.
 */
class BookVenueCostTest {
  static final double TOKEN = 1e-9;

  static RollAssumptions withFlow(double usdPerDay) {
    return HandWorkedMarket.assumptions(HandWorkedMarket.CALM, usdPerDay);
  }

  TradeOutcome.Filled filled(TradeOutcome o) {
    assertThat(o).isInstanceOf(TradeOutcome.Filled.class);
    return (TradeOutcome.Filled) o;
  }

  /**
   * No natural flow: 10 old P cross maker-1's bid at 0.49875 (4.9875 ETH), then 4.9875 ETH less 6 wei
   * buy new P at maker-1's ask of 0.401: 4.9875 / 0.401 = 12.437655860349 new P.
   * <pre>
   *   execution: selling 10 × 0.5 − 4.9875 = 0.0125; buying 12.437655860349 × (0.401 − 0.4) = 0.012437655860
   *   total 0.024937655860 = 5 − 12.437655860349 × 0.4 (= 4.975062344140): no move, all at the decision
   * </pre>
   */
  @Test
  void withoutFlowTheLotCrossesTheMakersQuotesAtOnce() {
    HandWorkedMarket m = new HandWorkedMarket(withFlow(0));
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(10);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.given()).isEqualTo(Amount.of(10));
    assertThat(f.received().toDouble()).isCloseTo(12.437655860349, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0);
    assertThat(f.fairGiven().toDouble()).isCloseTo(10_000, within(1e-6));
    assertThat(f.fairReceived().toDouble()).isCloseTo(12.437655860349 * 800, within(1e-6));
    assertThat(m.book.balanceOf(TRADER, m.newP).toDouble()).isCloseTo(12.437655860349, within(TOKEN));
    assertThat(m.book.balanceOf(TRADER, m.oldP)).isEqualTo(Amount.ZERO);
    // the 6 wei kept in hand are dust (under a basis point of what was given): they stay with the desk
    assertThat(m.book.balanceOf(TRADER, Token.ETH)).isEqualTo(Amount.ZERO);
    assertThat(m.book.balanceOf(BookVenue.DESK, Token.ETH).wei().longValue()).isBetween(1L, 12L);

    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(5, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(4.975062344140, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.024937655860, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(0, within(TOKEN));
    assertThat(c.unfilledShare()).isZero();
    assertThat(c.decidedAt()).isEqualTo(T0);
    assertThat(c.lastFillAt()).isEqualTo(T0);

    // the makers' sides: maker-1 bought the 10 old P for 4.9875 ETH and sold the new P for the ETH
    List<MakerInventory.Lot> lots = m.desk.inventory().openLots();
    assertThat(lots).hasSize(2);
    assertThat(lots.get(0).maker()).isEqualTo(AccountId.of("maker-1"));
    assertThat(lots.get(0).bought()).isEqualTo(m.oldP);
    assertThat(lots.get(0).boughtUnits()).isEqualTo(Amount.of(10));
    assertThat(lots.get(0).paid()).isEqualTo(Token.ETH);
    assertThat(lots.get(0).paidUnits().toDouble()).isCloseTo(4.9875, within(TOKEN));
    assertThat(lots.get(1).bought()).isEqualTo(Token.ETH);
    assertThat(lots.get(1).boughtUnits().toDouble()).isCloseTo(4.9875, within(TOKEN));
    assertThat(lots.get(1).paid()).isEqualTo(m.newP);
    assertThat(lots.get(1).paidUnits().toDouble()).isCloseTo(12.437655860349, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * $1M a day of flow, $41,666.67 an hour, and spot falls to 1,600 at the first hour. Old P is then worth
   * 0.625 ETH: the flow's buyers (41.67 P an hour, limit the makers' ask 0.6265625) lift the trader's
   * ask at 0.5 (the makers' bids, at 0.6234375, would cross it and are not posted), so the 100 P sell in
   * three hours (41.67, 41.67, 16.67) for 50 ETH, each fill 0.125 ETH under fair value then. The trader's
   * bid for new P stays at 0.4 while the flow's sellers sell at the makers' bid, 0.49875: it never fills.
   * Once the old P is sold (the third hour) and all its ETH rests in that bid, the desk's own ETH balance
   * reads zero and the venue stops waiting: the 50 ETH (less 6 wei) cross the makers' ask at 0.50125 then,
   * not after the three days of patience (see the README: noticed, left as main has it).
   * <pre>
   *   new P bought: 50 / 0.50125 = 99.750623441397
   *   execution: 100 × 0.625 − 50 = 12.5 selling; 99.750623441397 × (0.50125 − 0.5) = 0.124688279302 buying
   *   at the decision: given 100 × 0.5 = 50, received 99.750623441397 × 0.4 = 39.900249376559 ETH
   *   the market's move: (50 − 39.900249376559) − 12.624688279302 = −2.524937655861
   * </pre>
   */
  @Test
  void flowFillsTheAskAtTheDecisionsFairValueAfterSpotFalls() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    Instant hour = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(hour) ? 2000.0 : 1600.0;
    m.traderHoldsOldP(100);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(100), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(5))));
    assertThat(f.given()).isEqualTo(Amount.of(100));
    assertThat(f.received().toDouble()).isCloseTo(99.750623441397, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(3)));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(50, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(39.900249376559, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(12.624688279302, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(-2.524937655861, within(TOKEN));
    assertThat(c.lastFillAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    m.assertSuppliesWhole();
  }

  /**
   * Flow, spot still: the ask sells 41.67 P an hour at 0.5 and each hour's ETH rebids for new P at 0.4,
   * which the flow's sellers (52.08 new P an hour at limit 0.399) hit first. 10 P sell in the first hour
   * for 5 ETH and buy 12.5 new P: everything at fair value, no cost, done at the first hour.
   */
  @Test
  void withFlowAndAStillMarketEverythingFillsAtFairValueInTheFirstHour() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(10);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.received().toDouble()).isCloseTo(12.5, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(1)));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.executionEth()).isCloseTo(0, within(TOKEN));
    assertThat(c.totalEth()).isCloseTo(0, within(TOKEN));
    assertThat(m.book.balanceOf(BookVenue.DESK, m.oldP)).isEqualTo(Amount.ZERO);
    assertThat(m.book.balanceOf(BookVenue.DESK, m.newP)).isEqualTo(Amount.ZERO);
    m.assertSuppliesWhole();
  }

  /**
   * 10 old P for ETH with flow: the first hour's buyers (41.67 P at limit 0.50125) lift the whole ask at
   * 0.5, so the roll is done then, 5 ETH for 10 P at fair value, not after the three days of patience.
   */
  @Test
  void aSaleForEthEndsWhenTheAskIsGone() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(10);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(10), Token.ETH, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.received().toDouble()).isCloseTo(5, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(venue.lastExecution().orElseThrow().executionEth()).isCloseTo(0, within(TOKEN));
  }

  /**
   * 100 P with a deadline of two hours: the flow sells 2 × 41.67 = 83.33 P, the rest (16.67) crosses
   * the makers' bid at 0.49875 at the second hour. To ETH, so nothing is bought:
   * <pre>
   *   ETH received: 83.333333333333 × 0.5 + 16.666666666667 × 0.49875 = 41.666666666667 + 8.3125 = 49.979166666667
   *   execution: 16.666666666667 × (0.5 − 0.49875) = 0.020833333333
   * </pre>
   */
  @Test
  void aDeadlineBeforePatienceEndsCrossesTheRestThen() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(100);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(100), Token.ETH, Mechanism.RESTING_ORDERS, Duration.ofHours(2))));
    assertThat(f.given()).isEqualTo(Amount.of(100));
    assertThat(f.received().toDouble()).isCloseTo(49.979166666667, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(2)));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.executionEth()).isCloseTo(0.020833333333, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(49.979166666667, within(TOKEN));
    assertThat(m.book.balanceOf(TRADER, Token.ETH).toDouble()).isCloseTo(49.979166666667, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * ETH for new P, no flow: 2 ETH less 6 wei cross maker-1's ask at 0.401: 2 / 0.401 = 4.987531172070 new P,
   * execution 4.987531172070 × 0.001 = 0.004987531172.
   */
  @Test
  void ethForNewPCrossesTheAsk() {
    HandWorkedMarket m = new HandWorkedMarket(withFlow(0));
    BookVenue venue = new BookVenue(m.desk);
    m.ledger.deposit(TRADER, Amount.of(2));
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.received().toDouble()).isCloseTo(4.987531172070, within(TOKEN));
    assertThat(f.given().toDouble()).isCloseTo(2, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.givenFairEth()).isCloseTo(2, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(0.004987531172, within(TOKEN));
    assertThat(c.receivedFairEth()).isCloseTo(4.987531172070 * 0.4, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * Scaled, one-sided flow ({@link HandWorkedMarket#REACTING}): buyers of the old P bring $41,667 an hour,
   * 41.67 P at the makers' ask (0.50125), and lift the trader's ask at 0.5; sellers of the new P bring
   * $125,000 an hour ($125,000 / 2,000 / 0.4 = 156.25 new P at the makers' bid 0.39875) and hit its bid at
   * 0.4. The old P's buyers are the binding side: 100 P sell in three hours (41.67, 41.67, 16.67), every
   * part at fair value; 125 new P bought.
   */
  @Test
  void oneSidedFlowSellsTheOldPAtItsBuyersPace() {
    HandWorkedMarket m = new HandWorkedMarket(HandWorkedMarket.assumptions(HandWorkedMarket.REACTING, 1_000_000));
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(100);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(100), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.given()).isEqualTo(Amount.of(100));
    assertThat(f.received().toDouble()).isCloseTo(125, within(TOKEN));
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(venue.lastExecution().orElseThrow().executionEth()).isCloseTo(0, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * The same flow buying the new P with 200 ETH in one hour, makers away: the sellers' 156.25 new P (62.5 ETH
   * at 0.4) are all there is; the other 137.5 ETH go back unspent. Unfilled share 137.5 / 200 = 0.6875.
   */
  @Test
  void oneSidedFlowSellsTheNewPAtItsSellersPace() {
    HandWorkedMarket m = new HandWorkedMarket(HandWorkedMarket.assumptions(HandWorkedMarket.REACTING, 1_000_000));
    BookVenue venue = new BookVenue(m.desk);
    m.ledger.deposit(TRADER, Amount.of(200));
    m.desk.setMakersPresent(false);
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(200), m.newP, Mechanism.RESTING_ORDERS, Duration.ofHours(1))));
    assertThat(f.received().toDouble()).isCloseTo(156.25, within(TOKEN));
    assertThat(f.given().toDouble()).isCloseTo(62.5, within(TOKEN));
    assertThat(m.book.balanceOf(TRADER, Token.ETH).toDouble()).isCloseTo(137.5, within(TOKEN));
    assertThat(venue.lastExecution().orElseThrow().unfilledShare()).isCloseTo(0.6875, within(1e-9));
    m.assertSuppliesWhole();
  }

  /**
   * Makers away, spot falls to 1,600 at the first hour: the flow lifts the trader's ask at 0.5 (its limit is
   * the fair view's ask, 0.6265625) and the 100 P sell for 50 ETH, 12.5 ETH under fair value then. The
   * trader's bid at 0.4 meets nobody (the flow sells at 0.49875), and with no maker to cross after
   * patience, the 50 ETH go back to the trader, not new P.
   * <pre>
   *   at the decision: given 50 ETH of fair value, received 0 new P + 50 ETH back = 50: no total cost
   *   execution 100 × 0.625 − 50 = 12.5; the market's move −12.5
   * </pre>
   */
  @Test
  void ethThatFindsNothingToBuyGoesBackToTheTrader() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    Instant hour = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(hour) ? 2000.0 : 1600.0;
    m.traderHoldsOldP(100);
    m.desk.setMakersPresent(false);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(100), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.given()).isEqualTo(Amount.of(100));
    assertThat(f.received()).isEqualTo(Amount.ZERO);
    assertThat(m.book.balanceOf(TRADER, Token.ETH).toDouble()).isCloseTo(50, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.receivedFairEth()).isCloseTo(50, within(TOKEN));
    assertThat(c.executionEth()).isCloseTo(12.5, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(-12.5, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * Spot rises to 2,500 at the first hour, so the new P falls to 0.32 ETH and the makers ask 0.3208: the
   * trader's bid at the decision's 0.4 takes their ask at once, every hour, with the ETH left (each time
   * 1 − 0.3208 / 0.4 = 19.8% of it), until none is left: 2 / 0.3208 = 6.234413965087 new P in all.
   * <pre>
   *   execution: 6.234413965087 × (0.3208 − 0.32) = 0.004987531172 (the makers' half-spread, paid at each fill)
   *   at the decision: 2 − 6.234413965087 × 0.4 = −0.493765586035; the move −0.498753117207
   * </pre>
   * Each of those fills is in the execution cost and in maker-1's inventory.
   */
  @Test
  void aBidThatTakesTheMakersAskAtOnceCountsThoseFills() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    Instant hour = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(hour) ? 2000.0 : 2500.0;
    m.ledger.deposit(TRADER, Amount.of(2));
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.received().toDouble()).isCloseTo(6.234413965087, within(TOKEN));
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.executionEth()).isCloseTo(0.004987531172, within(TOKEN));
    assertThat(c.totalEth()).isCloseTo(-0.493765586035, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(-0.498753117207, within(TOKEN));
    List<MakerInventory.Lot> lots = m.desk.inventory().openLots();
    assertThat(lots).isNotEmpty().allSatisfy(l -> {
      assertThat(l.maker()).isEqualTo(AccountId.of("maker-1"));
      assertThat(l.bought()).isEqualTo(Token.ETH);
      assertThat(l.paid()).isEqualTo(m.newP);
    });
    assertThat(lots.stream().mapToDouble(l -> l.paidUnits().toDouble()).sum()).isCloseTo(6.234413965087, within(TOKEN));
    m.assertSuppliesWhole();
  }

  /**
   * Makers away, spot rises to 2,500 at the first hour: new P is worth 0.32 ETH and the flow's sellers
   * (limit: the fair view's bid, 0.3192) hit the trader's bid at the decision's 0.4. 2 ETH buy 5 new P,
   * each 0.08 ETH over fair value then.
   * <pre>
   *   execution 5 × (0.4 − 0.32) = 0.4; at the decision 2 − 5 × 0.4 = 0 in all; the move −0.4
   * </pre>
   */
  @Test
  void theFlowsFillOfTheBidCountsAtFairValueThen() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    Instant hour = T0.plus(Duration.ofHours(1));
    m.spot = t -> t.isBefore(hour) ? 2000.0 : 2500.0;
    m.ledger.deposit(TRADER, Amount.of(2));
    m.desk.setMakersPresent(false);
    var f = filled(venue.trade(m.request(Token.ETH, Amount.of(2), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3))));
    assertThat(f.received().toDouble()).isCloseTo(5, within(TOKEN));
    assertThat(f.at()).isEqualTo(hour);
    ExecutionCost c = venue.lastExecution().orElseThrow();
    assertThat(c.executionEth()).isCloseTo(0.4, within(TOKEN));
    assertThat(c.totalEth()).isCloseTo(0, within(TOKEN));
    assertThat(c.moveEth()).isCloseTo(-0.4, within(TOKEN));
  }

  /** When the roll is done the makers' quotes are withdrawn: nothing is left escrowed in either book. */
  @Test
  void theMakersLeaveTheBooksEmpty() {
    HandWorkedMarket m = new HandWorkedMarket(withFlow(0));
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(10);
    venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3)));
    for (Token t : List.of(m.oldP, m.newP)) {
      AccountId escrow = AccountId.of("book:book-" + t.symbol());
      assertThat(m.book.balancesOf(escrow).values()).as(t.symbol()).allSatisfy(a -> assertThat(a).isEqualTo(Amount.ZERO));
    }
  }

  /** No flow and no makers: nobody buys any of the ask, so nothing moves, not even the makers' or the desk's preparation. */
  @Test
  void nobodyToSellToIsUnfilledAndMovesNothing() {
    HandWorkedMarket m = new HandWorkedMarket(withFlow(0));
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(10);
    m.desk.setMakersPresent(false);
    TokenBook.Snapshot before = m.book.snapshot();
    var o = venue.trade(m.request(m.oldP, Amount.of(10), m.newP, Mechanism.RESTING_ORDERS, Duration.ofDays(3)));
    assertThat(o).isInstanceOf(TradeOutcome.Unfilled.class);
    assertThat(((TradeOutcome.Unfilled) o).reason()).contains("nobody bought");
    assertThat(m.book.snapshot()).isEqualTo(before);
    assertThat(venue.lastExecution()).isEmpty();
  }

  /**
   * Makers gone, flow of $1M a day, deadline one hour: the flow buys 41.67 of 100 P at 0.5 (20.83 ETH),
   * whose ETH rebids at 0.4 for new P; the flow's sellers (limit: the fair view's bid 0.399) sell 52.08
   * new P into it. The rest cannot cross (no makers) and returns: unfilled share 58.33 / 100.
   */
  @Test
  void whatNobodyTakesReturnsToTheTrader() {
    HandWorkedMarket m = new HandWorkedMarket();
    BookVenue venue = new BookVenue(m.desk);
    m.traderHoldsOldP(100);
    m.desk.setMakersPresent(false);
    var f = filled(venue.trade(m.request(m.oldP, Amount.of(100), m.newP, Mechanism.RESTING_ORDERS, Duration.ofHours(1))));
    assertThat(f.given().toDouble()).isCloseTo(41.666666666667, within(TOKEN));
    assertThat(f.received().toDouble()).isCloseTo(52.083333333333, within(TOKEN));
    assertThat(m.book.balanceOf(TRADER, m.oldP).toDouble()).isCloseTo(58.333333333333, within(TOKEN));
    assertThat(venue.lastExecution().orElseThrow().unfilledShare()).isCloseTo(0.583333333333, within(1e-9));
    assertThat(m.book.balanceOf(BookVenue.DESK, m.oldP)).isEqualTo(Amount.ZERO);
    m.assertSuppliesWhole();
  }
}
