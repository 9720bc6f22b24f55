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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Seeds of {@link #randomOrdersConserveTokensAndNeverLeaveTheBookCrossed}: 16 x 62,500 = 1,000,000 operations per build. */
  static final int STEPS_PER_SEED = 62_500;
  /** A refused step is compared with a snapshot taken before it on every this many steps. */
  static final int AUDIT_EVERY = 16;
  /** The escrow is summed over every open order (thousands of resting dust orders build up) on every this many steps. */
  static final int ESCROW_EVERY = 512;

  /**
   * Random orders and cancels. After every operation: tokens conserved and the book never crossed.
   * On every {@value #AUDIT_EVERY}th, a failed operation changes no balance; on every
   * {@value #ESCROW_EVERY}th, it changes no order either and the escrow equals the open orders (a buy's escrow covers its remaining amount at its limit, rounded up: rounding never
   * favours the trader).
   */
  @Tag("long") // a long seeded run: mutation testing leaves it out, shorter tests must kill the mutants
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36})
  @Execution(ExecutionMode.CONCURRENT)
  void randomOrdersConserveTokensAndNeverLeaveTheBookCrossed(long seed) {
    {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = funded();
      OrderBook ob = new OrderBook(book, "P-ETH", P, ETH);
      AccountId[] who = {A, B, C};
      Amount total = Amount.of(3000);
      int placed = 0;
      long lastId = 0;
      for (int i = 0; i < STEPS_PER_SEED; i++) {
        boolean audit = i % AUDIT_EVERY == 0;
        var before = audit ? book.snapshot() : null;
        boolean escrowAudit = i % ESCROW_EVERY == 0 || i == STEPS_PER_SEED - 1;
        var openBefore = escrowAudit ? ob.openOrders() : null;
        AccountId owner = who[rnd.nextInt(who.length)];
        try {
          if (rnd.nextInt(5) == 0 && lastId > 0) {
            // an order id placed so far: open (then mostly by its owner) or already closed (refused)
            long id = 1 + rnd.nextLong(lastId);
            AccountId caller = ob.order(id).filter(o -> rnd.nextInt(4) != 0).map(OrderBook.OrderView::owner).orElse(who[rnd.nextInt(3)]);
            ob.cancel(caller, id, T0);
          } else {
            Price limit = new Price(BigInteger.valueOf(rnd.nextLong(50, 70)).multiply(Exact.WAD).divide(BigInteger.valueOf(100))
                .add(BigInteger.valueOf(rnd.nextInt(3))));
            Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(62)));
            TimeInForce tif = TimeInForce.values()[rnd.nextInt(3)];
            lastId = ob.place(owner, rnd.nextBoolean() ? Side.BUY : Side.SELL, limit, amount, tif, T0).placed().orderId();
            placed++;
          }
        } catch (RuleViolation e) {
          if (audit) {
            assertThat(book.snapshot()).isEqualTo(before);
          }
          if (escrowAudit) {
            assertThat(ob.openOrders()).isEqualTo(openBefore);
          }
        }
        if (!book.totalSupply(P).equals(total) || !book.totalSupply(ETH).equals(total)) {
          throw new AssertionError("step " + i + ": supplies " + book.totalSupply(P) + " P, " + book.totalSupply(ETH) + " ETH");
        }
        if (ob.bestBid().isPresent() && ob.bestAsk().isPresent() && ob.bestBid().get().compareTo(ob.bestAsk().get()) >= 0) {
          throw new AssertionError("step " + i + ": crossed, bid " + ob.bestBid().get() + " >= ask " + ob.bestAsk().get());
        }
        if (escrowAudit) {
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
      assertThat(placed).as("orders placed").isGreaterThan(STEPS_PER_SEED / 3);
    }
  }
}
