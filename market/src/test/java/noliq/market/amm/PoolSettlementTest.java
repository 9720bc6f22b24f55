package noliq.market.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/**
 * Every pool operation moves exactly what its event reports, between the trader and the pool, and
 * nothing else: the trader's and the pool's balances are read from the book before and after, and
 * their differences compared with the event. A refused operation changes nothing.
 */
class PoolSettlementTest {
  static final Token P = new Token("P:s1");
  static final Token ETH = Token.ETH;
  static final AccountId LP = AccountId.of("lp");
  static final AccountId ALICE = AccountId.of("alice");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant MATURITY = Instant.parse("2026-07-01T00:00:00Z");

  static Amount delta(TokenBook book, AccountId who, Token t, Amount before) {
    return book.balanceOf(who, t).minus(before);
  }

  static ConstantProductPool cpPool(TokenBook book) {
    var pool = new ConstantProductPool(book, "P-ETH", P, ETH, new FeeSchedule.Flat(3000), Optional.of(MATURITY));
    book.mint(P, LP, Amount.of(1000));
    book.mint(ETH, LP, Amount.of(600));
    book.mint(P, ALICE, Amount.of(1000));
    book.mint(ETH, ALICE, Amount.of(1000));
    pool.addLiquidity(LP, Amount.of(1000), Amount.of(600), T0);
    return pool;
  }

  @Test
  void anExactOutSwapPaysTheTraderTheAmountOutAndTakesTheQuotedIn() {
    TokenBook book = new TokenBook();
    var pool = cpPool(book);
    Amount p0 = book.balanceOf(ALICE, P);
    Amount e0 = book.balanceOf(ALICE, ETH);
    Amount rp = pool.reserve(P);
    Amount re = pool.reserve(ETH);
    Amount quoted = pool.quoteExactOut(ETH, Amount.of(100), T0);
    // Uniswap v2 getAmountIn: ceil(1000 * 600 * 100 * 1e6 / ((1000 - 100) * 997000)) + 1 wei, in ETH for 100 P
    assertThat(quoted.toDouble()).isBetween(66.866, 66.868);
    var s = pool.swapExactOut(ALICE, ETH, Amount.of(100), quoted, T0);
    assertThat(s.tokenIn()).isEqualTo(ETH);
    assertThat(s.tokenOut()).isEqualTo(P);
    assertThat(s.amountOut()).isEqualTo(Amount.of(100));
    assertThat(s.amountIn()).isEqualTo(quoted);
    assertThat(delta(book, ALICE, P, p0)).isEqualTo(Amount.of(100));
    assertThat(e0.minus(book.balanceOf(ALICE, ETH))).isEqualTo(quoted);
    assertThat(rp.minus(pool.reserve(P))).isEqualTo(Amount.of(100));
    assertThat(delta(book, pool.account(), ETH, re)).isEqualTo(quoted);
  }

  @Test
  void anExactOutSwapIsRefusedAfterTheHaltForAStrangerTokenOrFromThePoolItself() {
    TokenBook book = new TokenBook();
    var pool = cpPool(book);
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.swapExactOut(ALICE, ETH, Amount.of(1), null, MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class));
    assertThatThrownBy(() -> pool.swapExactOut(ALICE, new Token("X"), Amount.of(1), null, T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.UnknownToken.class));
    assertThatThrownBy(() -> pool.swapExactOut(pool.account(), ETH, Amount.of(1), null, T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> pool.swapExactOut(ALICE, ETH, Amount.of(1), Amount.of("0.5"), T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SlippageExceeded.class));
    assertThatThrownBy(() -> pool.reserve(new Token("X"))).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> pool.other(new Token("X"))).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> pool.addLiquidity(pool.account(), Amount.of(1), Amount.of(1), T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> pool.removeLiquidity(pool.account(), Amount.of(1), T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void liquidityGoesInAndComesOutInProportion() {
    TokenBook book = new TokenBook();
    var pool = cpPool(book);
    Amount lpShares = book.balanceOf(LP, pool.shareToken());
    // first deposit: sqrt(1000 * 600) ETH-units of shares less the 1,000 locked wei
    assertThat(lpShares.wei().add(ConstantProductPool.MINIMUM_LIQUIDITY.wei()))
        .isEqualTo(Amount.of(1000).wei().multiply(Amount.of(600).wei()).sqrt());
    // a second, balanced deposit of a tenth gets a tenth of the shares, moved from Alice to the pool
    Amount total = book.totalSupply(pool.shareToken());
    Amount p0 = book.balanceOf(ALICE, P);
    Amount e0 = book.balanceOf(ALICE, ETH);
    MarketEvent.LiquidityAdded added = pool.addLiquidity(ALICE, Amount.of(100), Amount.of(60), T0);
    assertThat(added.shares().wei()).isEqualTo(total.wei().divide(java.math.BigInteger.TEN));
    assertThat(book.balanceOf(ALICE, pool.shareToken())).isEqualTo(added.shares());
    assertThat(p0.minus(book.balanceOf(ALICE, P))).isEqualTo(Amount.of(100));
    assertThat(e0.minus(book.balanceOf(ALICE, ETH))).isEqualTo(Amount.of(60));
    assertThat(pool.reserve(P)).isEqualTo(Amount.of(1100));
    assertThat(pool.reserve(ETH)).isEqualTo(Amount.of(660));
    // removing them returns the proportional reserves, rounded down in the pool's favour, even after the halt
    java.math.BigInteger all = total.wei().add(added.shares().wei());
    Amount out0 = new Amount(Amount.of(1100).wei().multiply(added.shares().wei()).divide(all));
    Amount out1 = new Amount(Amount.of(660).wei().multiply(added.shares().wei()).divide(all));
    assertThat(Amount.of(100).minus(out0).wei()).isBetween(java.math.BigInteger.ZERO, java.math.BigInteger.TWO);
    var removed = pool.removeLiquidity(ALICE, added.shares(), MATURITY.plus(Duration.ofDays(1)));
    assertThat(removed.amount0()).isEqualTo(out0);
    assertThat(removed.amount1()).isEqualTo(out1);
    assertThat(removed.shares()).isEqualTo(added.shares());
    assertThat(book.balanceOf(ALICE, P)).isEqualTo(p0.minus(Amount.of(100)).plus(out0));
    assertThat(book.balanceOf(ALICE, ETH)).isEqualTo(e0.minus(Amount.of(60)).plus(out1));
    assertThat(book.balanceOf(ALICE, pool.shareToken())).isEqualTo(Amount.ZERO);
    assertThat(pool.reserve(P)).isEqualTo(Amount.of(1100).minus(out0));
    assertThat(pool.reserve(ETH)).isEqualTo(Amount.of(660).minus(out1));
  }

  @Test
  void logitPoolTradesMoveExactlyTheirEventsAmounts() {
    TokenBook book = new TokenBook();
    LogitPool pool = LogitPoolTest.seeded(book);
    Token p = LogitPoolTest.P;
    Token usd = LogitPoolTest.USD;
    AccountId alice = LogitPoolTest.ALICE;
    Instant t = LogitPoolTest.T0.plus(Duration.ofDays(1));
    Amount p0 = book.balanceOf(alice, p);
    Amount u0 = book.balanceOf(alice, usd);
    Amount rp = book.balanceOf(pool.account(), p);
    Amount ru = book.balanceOf(pool.account(), usd);
    var buy = pool.buyP(alice, Amount.of(10), null, t);
    assertThat(buy.amountOut()).isEqualTo(Amount.of(10));
    assertThat(delta(book, alice, p, p0)).isEqualTo(Amount.of(10));
    assertThat(u0.minus(book.balanceOf(alice, usd))).isEqualTo(buy.amountIn());
    assertThat(rp.minus(book.balanceOf(pool.account(), p))).isEqualTo(Amount.of(10));
    assertThat(delta(book, pool.account(), usd, ru)).isEqualTo(buy.amountIn());
    Amount p1 = book.balanceOf(alice, p);
    Amount u1 = book.balanceOf(alice, usd);
    var sell = pool.sellP(alice, Amount.of(10), null, t);
    assertThat(sell.amountIn()).isEqualTo(Amount.of(10));
    assertThat(p1.minus(book.balanceOf(alice, p))).isEqualTo(Amount.of(10));
    assertThat(delta(book, alice, usd, u1)).isEqualTo(sell.amountOut());
    // a round trip at one moment costs the two fees: Alice ends with less USD than she started with
    assertThat(book.balanceOf(alice, usd)).isLessThan(u0);
    // the pool itself cannot trade, and nothing trades at maturity
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.buyP(pool.account(), Amount.of(1), null, t))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> pool.sellP(pool.account(), Amount.of(1), null, t))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> pool.sellP(alice, Amount.of(1), null, LogitPoolTest.MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class));
    assertThatThrownBy(() -> pool.buyP(alice, Amount.of(1), null, LogitPoolTest.MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class));
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void aLogitPoolsInitialisationMintsTheGeometricMeanOfItsDeposits() {
    TokenBook book = new TokenBook();
    Token p = LogitPoolTest.P;
    Token usd = LogitPoolTest.USD;
    AccountId lp = LogitPoolTest.LP;
    book.mint(p, lp, Amount.of(1000));
    book.mint(usd, lp, Amount.of(500_000));
    var pool = new LogitPool(book, "P-USD", p, usd, Amount.of(1500), LogitPoolTest.MATURITY, 50.0, 1000, 0.96);
    assertThatThrownBy(() -> pool.initialize(pool.account(), Amount.of(1000), Amount.of(500_000), 1.05, LogitPoolTest.T0))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    var added = pool.initialize(lp, Amount.of(1000), Amount.of(500_000), 1.05, LogitPoolTest.T0);
    assertThat(added.shares().wei()).isEqualTo(Amount.of(1000).wei().multiply(Amount.of(500_000).wei()).sqrt());
    assertThat(book.balanceOf(lp, new Token("LP:P-USD"))).isEqualTo(added.shares());
    assertThat(book.balanceOf(pool.account(), p)).isEqualTo(Amount.of(1000));
    assertThat(book.balanceOf(pool.account(), usd)).isEqualTo(Amount.of(500_000));
    assertThat(pool.lnImpliedRate()).isPositive();
  }
}
