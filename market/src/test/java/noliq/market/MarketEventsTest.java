package noliq.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.market.auction.AuctionTerms;
import noliq.market.auction.RotationAuctionHouse;
import noliq.market.book.OrderBook;
import noliq.market.book.OrderBook.Side;
import noliq.market.book.OrderBook.TimeInForce;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/** What the markets report and refuse at their edges, each rule taken from its reference (Uniswap v2, the auction's terms). */
class MarketEventsTest {
  static final Token P = new Token("P:1");
  static final Token NEW = new Token("P:2");
  static final AccountId A = AccountId.of("a");
  static final AccountId B = AccountId.of("b");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  static TokenBook funded() {
    TokenBook book = new TokenBook();
    for (AccountId x : new AccountId[] {A, B}) {
      book.mint(P, x, Amount.of(1000));
      book.mint(NEW, x, Amount.of(1000));
      book.mint(Token.ETH, x, Amount.of(1000));
    }
    return book;
  }

  @Test
  void uniswapV2LocksTheMinimumLiquidityAndRefusesADepositThatMintsNoShares() {
    TokenBook book = funded();
    var pool = new ConstantProductPool(book, "P-ETH", P, Token.ETH, new FeeSchedule.Flat(3000), Optional.empty());
    // UniswapV2Pair.mint: liquidity = sqrt(a0 * a1) - MINIMUM_LIQUIDITY, require(liquidity > 0): sqrt = 1000 wei mints nothing
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.addLiquidity(A, Amount.ofWei(1000), Amount.ofWei(1000), T0))
        .isInstanceOf(MarketException.class).hasMessageStartingWith("amount0:");
    assertThat(book.snapshot()).isEqualTo(before);
    var added = pool.addLiquidity(A, Amount.ofWei(1001), Amount.ofWei(1001), T0);
    assertThat(added.shares()).isEqualTo(Amount.ofWei(1));
    // the 1,000 wei are minted to the pool itself, for ever: the supply is the whole square root
    assertThat(book.totalSupply(pool.shareToken())).isEqualTo(Amount.ofWei(1001));
    assertThat(book.balanceOf(pool.account(), pool.shareToken())).isEqualTo(Amount.ofWei(1000));
  }

  @Test
  void orderIdsRiseByOneAndAFilledOrdersRefundIsInTheTokenItEscrowed() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", P, Token.ETH);
    long s = ob.place(A, Side.SELL, Price.of("0.5"), Amount.of(2), TimeInForce.GTC, T0).placed().orderId();
    long b = ob.place(A, Side.BUY, Price.of("0.4"), Amount.of(2), TimeInForce.GTC, T0).placed().orderId();
    assertThat(b).isEqualTo(s + 1);
    assertThat(ob.openOrders()).extracting(OrderBook.OrderView::id).containsExactly(s, b);
    // B takes the whole ask: the ask closes "filled", its (empty) escrow in the base token
    var take = ob.place(B, Side.BUY, Price.of("0.5"), Amount.of(2), TimeInForce.IOC, T0);
    assertThat(take.placed().orderId()).isEqualTo(b + 1);
    assertThat(take.closed()).singleElement().satisfies(c -> {
      assertThat(c.orderId()).isEqualTo(s);
      assertThat(c.reason()).isEqualTo("filled");
      assertThat(c.refundToken()).isEqualTo(P);
    });
    // B hits the whole bid: it closes "filled" with its escrow in the quote token
    var hit = ob.place(B, Side.SELL, Price.of("0.4"), Amount.of(2), TimeInForce.IOC, T0);
    assertThat(hit.closed()).singleElement().satisfies(c -> {
      assertThat(c.orderId()).isEqualTo(b);
      assertThat(c.refundToken()).isEqualTo(Token.ETH);
    });
    assertThat(ob.openOrders()).isEmpty();
    assertThat(ob.bestBid()).isEmpty();
    assertThat(ob.bestAsk()).isEmpty();
  }

  @Test
  void cancellingOneOfSeveralOrdersAtAPriceLeavesTheOthers() {
    TokenBook book = funded();
    OrderBook ob = new OrderBook(book, "P-ETH", P, Token.ETH);
    long first = ob.place(A, Side.SELL, Price.of("0.5"), Amount.of(1), TimeInForce.GTC, T0).placed().orderId();
    long second = ob.place(A, Side.SELL, Price.of("0.5"), Amount.of(2), TimeInForce.GTC, T0).placed().orderId();
    long third = ob.place(A, Side.SELL, Price.of("0.5"), Amount.of(3), TimeInForce.GTC, T0).placed().orderId();
    ob.cancel(A, second, T0);
    assertThat(ob.openOrders()).extracting(OrderBook.OrderView::id).containsExactly(first, third);
    // the level still holds 1 + 3; a buyer of 4 takes first then third
    var p = ob.place(B, Side.BUY, Price.of("0.5"), Amount.of(4), TimeInForce.IOC, T0);
    assertThat(p.matches()).extracting(m -> m.makerOrderId()).containsExactly(first, third);
    ob.place(A, Side.SELL, Price.of("0.5"), Amount.of(1), TimeInForce.GTC, T0);
    assertThat(ob.bestAsk()).contains(Price.of("0.5"));
  }

  @Test
  void anAuctionHasNoPriceBeforeItStartsAndACancelReturnsTheLot() {
    TokenBook book = funded();
    var house = new RotationAuctionHouse(book, "roll");
    long id = house.start(A, P, Amount.of(10), NEW, AuctionTerms.kyrrui(Price.of(2)), T0).auctionId();
    assertThatThrownBy(() -> house.priceAt(id, T0.minusSeconds(1))).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> house.take(id, B, Amount.of(1), Price.of(2), T0.minusSeconds(1)))
        .isInstanceOf(MarketException.class);
    var closed = house.cancel(id, A, T0.plus(Duration.ofHours(1)));
    assertThat(closed.status()).isEqualTo("CANCELLED");
    assertThat(closed.returned()).isEqualTo(Amount.of(10));
    assertThat(book.balanceOf(A, P)).isEqualTo(Amount.of(1000));
  }
}
