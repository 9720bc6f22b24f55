package noliq.market.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.market.MarketError;
import noliq.market.MarketException;
import noliq.market.book.OrderBook.Side;
import noliq.market.book.OrderBook.TimeInForce;
import noliq.math.Amount;
import noliq.math.Exact;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  static final Token P = new Token("P:s1");
  static final Token ETH = Token.ETH;
  static final AccountId A = AccountId.of("a");
  static final AccountId B = AccountId.of("b");
  static final AccountId C = AccountId.of("c");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  TokenBook funded() {
    TokenBook book = new TokenBook();
    for (AccountId x : new AccountId[] {A, B, C}) {
      book.mint(P, x, Amount.of(1000));
      book.mint(ETH, x, Amount.of(1000));
    }
    return book;
  }

  @Test
  void matchesBestPriceFirstThenOldestAtTheRestingPrice() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", P, ETH);
    long a1 = ob.place(A, Side.SELL, Price.of("0.61"), Amount.of(5), TimeInForce.GTC, T0).placed().orderId();
    long b1 = ob.place(B, Side.SELL, Price.of("0.60"), Amount.of(5), TimeInForce.GTC, T0).placed().orderId();
    long a2 = ob.place(A, Side.SELL, Price.of("0.60"), Amount.of(5), TimeInForce.GTC, T0).placed().orderId();
    var p = ob.place(C, Side.BUY, Price.of("0.61"), Amount.of(12), TimeInForce.GTC, T0);
    assertThat(p.matches()).extracting(m -> m.makerOrderId()).containsExactly(b1, a2, a1);
    assertThat(p.matches()).extracting(m -> m.base()).containsExactly(Amount.of(5), Amount.of(5), Amount.of(2));
    assertThat(p.quoteTraded()).isEqualTo(Amount.of("7.22"));
    assertThat(p.placed().resting()).isEqualTo(Amount.ZERO);
    assertThat(ob.order(a1).orElseThrow().remaining()).isEqualTo(Amount.of(3));
    assertThat(book.balanceOf(C, P)).isEqualTo(Amount.of(1012));
    assertThat(book.balanceOf(C, ETH)).isEqualTo(Amount.of("992.78"));
    assertThat(ob.bestAsk()).contains(Price.of("0.61"));
    assertThat(ob.bestBid()).isEmpty();
  }

  @Test
  void restingBuyRefundsItsEscrowDustWhenItLeaves() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", P, ETH);
    // 1 wei above 1/3 per unit: escrow rounds up, matches round down.
    Price third = new Price(Exact.WAD.divide(BigInteger.valueOf(3)));
    long bid = ob.place(A, Side.BUY, third, Amount.ofWei(30), TimeInForce.GTC, T0).placed().orderId();
    assertThat(ob.order(bid).orElseThrow().escrow().wei()).isEqualTo(BigInteger.valueOf(10));
    for (int i = 0; i < 5; i++) {
      ob.place(B, Side.SELL, third, Amount.ofWei(5), TimeInForce.IOC, T0);
    }
    assertThat(ob.order(bid).orElseThrow().escrow().wei()).isEqualTo(BigInteger.valueOf(5));
    var last = ob.place(B, Side.SELL, third, Amount.ofWei(5), TimeInForce.IOC, T0);
    assertThat(last.closed()).singleElement().satisfies(c -> assertThat(c.refunded()).isEqualTo(Amount.ofWei(4)));
    assertThat(ob.order(bid)).isEmpty();
    assertThat(book.balanceOf(ob.account(), ETH)).isEqualTo(Amount.ZERO);
    assertThat(book.balanceOf(A, ETH).plus(book.balanceOf(B, ETH))).isEqualTo(Amount.of(2000));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", P, ETH);
    long ask = ob.place(A, Side.SELL, Price.of("0.6"), Amount.of(5), TimeInForce.GTC, T0).placed().orderId();
    ob.place(B, Side.SELL, Price.of("0.7"), Amount.of(5), TimeInForce.GTC, T0);
    var before = book.snapshot();
    var openBefore = ob.openOrders();
    assertThatThrownBy(() -> ob.place(C, Side.BUY, Price.of("0.6"), Amount.ZERO, TimeInForce.GTC, T0))
        .isInstanceOf(MarketException.class).hasMessage("amount: must be positive (was 0)");
    assertThatThrownBy(() -> ob.place(C, Side.BUY, Price.ZERO, Amount.of(1), TimeInForce.GTC, T0))
        .isInstanceOf(MarketException.class).hasMessage("limit: must be positive (was 0)");
    assertThatThrownBy(() -> ob.place(B, Side.BUY, Price.of("0.8"), Amount.of(8), TimeInForce.GTC, T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class))
        .hasMessage("owner: would trade b against itself");
    assertThatThrownBy(() -> ob.place(C, Side.BUY, Price.of("0.6"), Amount.of(1), TimeInForce.POST_ONLY, T0))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.PriceOutsideCurve.class));
    assertThatThrownBy(() -> ob.place(AccountId.of("poor"), Side.BUY, Price.of("0.6"), Amount.of(1), TimeInForce.GTC, T0))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("exceeds the balance of poor");
    assertThatThrownBy(() -> ob.cancel(B, ask, T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.NotOwner.class));
    assertThatThrownBy(() -> ob.cancel(A, 42, T0)).isInstanceOf(MarketException.class).hasMessage("order: no such id 42");
    assertThatThrownBy(() -> new OrderBook(book, "x", P, P)).isInstanceOf(MarketException.class);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(ob.openOrders()).isEqualTo(openBefore);
  }

  /** Random orders and cancels: tokens conserved, escrow equals open orders, the book never crosses. */
  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @Test
  void randomOrdersConserveTokensAndNeverLeaveTheBookCrossed() {
    for (long seed : new long[] {21, 22, 23}) {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = funded();
      OrderBook ob = new OrderBook(book, "P-ETH", P, ETH);
      AccountId[] who = {A, B, C};
      for (int i = 0; i < 4000; i++) {
        var before = book.snapshot();
        var openBefore = ob.openOrders();
        AccountId owner = who[rnd.nextInt(who.length)];
        try {
          if (rnd.nextInt(5) == 0 && !openBefore.isEmpty()) {
            var o = openBefore.get(rnd.nextInt(openBefore.size()));
            ob.cancel(rnd.nextInt(4) == 0 ? who[rnd.nextInt(3)] : o.owner(), o.id(), T0);
          } else {
            Price limit = new Price(BigInteger.valueOf(rnd.nextLong(50, 70)).multiply(Exact.WAD).divide(BigInteger.valueOf(100))
                .add(BigInteger.valueOf(rnd.nextInt(3))));
            Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(62)));
            TimeInForce tif = TimeInForce.values()[rnd.nextInt(3)];
            ob.place(owner, rnd.nextBoolean() ? Side.BUY : Side.SELL, limit, amount, tif, T0);
          }
        } catch (RuleViolation e) {
          assertThat(book.snapshot()).isEqualTo(before);
          assertThat(ob.openOrders()).isEqualTo(openBefore);
        }
        assertThat(book.totalSupply(P)).isEqualTo(Amount.of(3000));
        assertThat(book.totalSupply(ETH)).isEqualTo(Amount.of(3000));
        if (ob.bestBid().isPresent() && ob.bestAsk().isPresent()) {
          assertThat(ob.bestBid().get()).as("never crossed").isLessThan(ob.bestAsk().get());
        }
        Amount baseEscrow = Amount.ZERO;
        Amount quoteEscrow = Amount.ZERO;
        for (var o : ob.openOrders()) {
          if (o.side() == Side.SELL) {
            assertThat(o.escrow()).isEqualTo(o.remaining());
            baseEscrow = baseEscrow.plus(o.escrow());
          } else {
            assertThat(o.escrow()).isGreaterThanOrEqualTo(o.remaining().mulDiv(o.limit().units(), Exact.WAD, Rounding.UP));
            quoteEscrow = quoteEscrow.plus(o.escrow());
          }
        }
        assertThat(book.balanceOf(ob.account(), P)).isEqualTo(baseEscrow);
        assertThat(book.balanceOf(ob.account(), ETH)).isEqualTo(quoteEscrow);
      }
    }
  }
}
