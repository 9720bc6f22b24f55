package noliq.market.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import noliq.market.MarketEvent;
import noliq.market.book.OrderBook;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.pricing.InverseOptions;
import noliq.pricing.OptionInputs;
import noliq.pricing.VolSurface;
import org.junit.jupiter.api.Test;

/** Post-only quoting: the events a re-quote reports, the exact-touch rule, and the spread's cap at 99% of fair value. */
class MakerQuotingTest {
  static final Token OLD = new Token("P:2000");
  static final AccountId MM = AccountId.of("mm");
  static final AccountId OTHER = AccountId.of("other");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final SeriesLeg LEG = SeriesLeg.p(OLD, 2000, 7);
  static final double SPOT = 3000;

  static TokenBook funded() {
    TokenBook book = new TokenBook();
    for (AccountId a : new AccountId[] {MM, OTHER}) {
      book.mint(OLD, a, Amount.of(100));
      book.mint(Token.ETH, a, Amount.of(100));
    }
    return book;
  }

  @Test
  void aRequoteCancelsTheOldPairAndReportsEveryChange() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", OLD, Token.ETH);
    var mm = new MarketMaker(MM, new MakerParams(0.7, 25, 10, 100, 1_000_000), book);
    var first = mm.restQuotes(ob, LEG, Amount.of(10), SPOT, T0);
    assertThat(first).hasSize(2).allMatch(e -> e instanceof MarketEvent.OrderPlaced);
    var second = mm.restQuotes(ob, LEG, Amount.of(10), SPOT, T0);
    assertThat(second).hasSize(4);
    assertThat(second.subList(0, 2)).allMatch(e -> e instanceof MarketEvent.OrderClosed);
    assertThat(second.subList(2, 4)).allMatch(e -> e instanceof MarketEvent.OrderPlaced);
    assertThat(ob.openOrders()).hasSize(2);
  }

  @Test
  void aQuoteThatWouldTouchTheOtherSideIsSkipped() {
    TokenBook book = funded();
    var mm = new MarketMaker(MM, new MakerParams(0.7, 25, 10, 100, 1_000_000), book);
    var q = mm.quoteEth(LEG, SPOT);
    // someone else asks exactly the maker's bid: the bid would cross at the touch, so only the ask rests
    OrderBook askAtBid = new OrderBook(book, "A", OLD, Token.ETH);
    askAtBid.place(OTHER, OrderBook.Side.SELL, q[0], Amount.of(1), OrderBook.TimeInForce.GTC, T0);
    var events = mm.restQuotes(askAtBid, LEG, Amount.of(1), SPOT, T0);
    assertThat(events).hasSize(1);
    assertThat(((MarketEvent.OrderPlaced) events.get(0)).side()).isEqualTo("SELL");
    // someone else bids exactly the maker's ask: only the bid rests
    OrderBook bidAtAsk = new OrderBook(book, "B", OLD, Token.ETH);
    bidAtAsk.place(OTHER, OrderBook.Side.BUY, q[1], Amount.of(1), OrderBook.TimeInForce.GTC, T0);
    var other = mm.restQuotes(bidAtAsk, LEG, Amount.of(1), SPOT, T0);
    assertThat(other).hasSize(1);
    assertThat(((MarketEvent.OrderPlaced) other.get(0)).side()).isEqualTo("BUY");
  }

  @Test
  void aHalfSpreadLargerThanTheFairValueIsCappedAtNinetyNinePercentOfIt() {
    // a one-ETH tick on a P worth less than one ETH
    var r = new MakerResponse(0.7, 0, 0, 1.0, 0);
    var mm = new MarketMaker(MM, new MakerParams(0.7, 25, 10, 100, 1_000_000), r, new TokenBook());
    var view = new MakerView(SPOT, VolSurface.flat(0.7), 0, 1, 0);
    double fair = InverseOptions.value(OptionInputs.of(SPOT, 2000, 7, 0.7)).pEth();
    assertThat(fair).isLessThan(0.99); // so the one-ETH tick alone exceeds 99% of it
    var q = mm.quoteEth(LEG, view);
    assertThat(q[0].toDouble()).isCloseTo(fair * 0.01, within(1e-15));
    assertThat(q[1].toDouble()).isCloseTo(fair * 1.99, within(1e-15));
  }
}
