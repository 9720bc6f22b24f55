package noliq.market.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import noliq.market.amm.ConstantProductPool;
import noliq.market.amm.FeeSchedule;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.Rounding;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/**
 * The arbitrageur's trade checked without its own formula: its size is the best one found by
 * trying neighbouring sizes through the pool's exact quote, and it goes the right way in both
 * directions (buying base when the pool is cheap, selling it when the pool is dear).
 */
class ArbitrageurOptimumTest {
  static final Token BASE = new Token("P:2000");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  record Setup(TokenBook book, ConstantProductPool pool, AccountId arb) {}

  static Setup pool(long feePips) {
    TokenBook book = new TokenBook();
    var pool = new ConstantProductPool(book, "P-ETH", BASE, Token.ETH, new FeeSchedule.Flat(feePips), Optional.empty());
    AccountId lp = AccountId.of("lp");
    AccountId arb = AccountId.of("arb");
    book.mint(BASE, lp, Amount.of(1000));
    book.mint(Token.ETH, lp, Amount.of(400));
    pool.addLiquidity(lp, Amount.of(1000), Amount.of(400), T0);
    book.mint(BASE, arb, Amount.of(1000));
    book.mint(Token.ETH, arb, Amount.of(1000));
    return new Setup(book, pool, arb);
  }

  /** Profit in ETH at the reference of putting {@code in} of {@code tokenIn} into the pool, from the pool's exact quote. */
  static double profit(ConstantProductPool pool, Token tokenIn, double in, double ref) {
    double out = pool.quoteExactIn(tokenIn, Amount.fromDouble(in, Rounding.DOWN), T0).toDouble();
    return tokenIn.equals(Token.ETH) ? out * ref - in : out - in * ref;
  }

  @Test
  void whenThePoolIsDearItSellsBaseAndItsSizeBeatsEveryNeighbour() {
    var s = pool(3000);
    ReferencePrice ref = t -> Price.of("0.36"); // pool at 0.40, reference 10% lower
    var a = new Arbitrageur(s.arb(), s.book(), Duration.ZERO, Amount.of("0.001"));
    double rb = 1000, rq = 400;
    var swap = a.act(s.pool(), BASE, ref, T0);
    assertThat(swap).isPresent();
    double sold = 1000 - s.book().balanceOf(s.arb(), BASE).toDouble(); // it started with 1000 base
    assertThat(sold).isPositive();
    // its neighbours, measured on an identical untouched pool
    var fresh = pool(3000).pool();
    double best = profit(fresh, BASE, sold, 0.36);
    for (double f : new double[] {0.9, 0.97, 0.99, 1.01, 1.03, 1.1}) {
      assertThat(best).as("size x " + f).isGreaterThan(profit(fresh, BASE, sold * f, 0.36));
    }
    // after the trade the pool price sits above the reference by about the fee: the no-arbitrage band's top
    double after = s.pool().reserve(Token.ETH).toDouble() / s.pool().reserve(BASE).toDouble();
    assertThat(after / 0.36 - 1).isBetween(0.0025, 0.0035);
    assertThat(after).isLessThan(rq / rb);
  }

  @Test
  void whenThePoolIsCheapItBuysBaseAndItsSizeBeatsEveryNeighbour() {
    var s = pool(3000);
    ReferencePrice ref = t -> Price.of("0.44");
    var a = new Arbitrageur(s.arb(), s.book(), Duration.ZERO, Amount.of("0.001"));
    assertThat(a.act(s.pool(), BASE, ref, T0)).isPresent();
    double paid = 1000 - s.book().balanceOf(s.arb(), Token.ETH).toDouble();
    assertThat(paid).isPositive();
    var fresh = pool(3000).pool();
    double best = profit(fresh, Token.ETH, paid, 0.44);
    for (double f : new double[] {0.9, 0.97, 0.99, 1.01, 1.03, 1.1}) {
      assertThat(best).as("size x " + f).isGreaterThan(profit(fresh, Token.ETH, paid * f, 0.44));
    }
  }

  @Test
  void insideTheFeeBandOrBelowTheGasCostItDoesNothing() {
    var s = pool(3000);
    var a = new Arbitrageur(s.arb(), s.book(), Duration.ZERO, Amount.of("0.001"));
    // 0.2% off the pool price: inside the 0.3% fee band either way
    assertThat(a.act(s.pool(), BASE, t -> Price.of("0.4008"), T0)).isEmpty();
    assertThat(a.act(s.pool(), BASE, t -> Price.of("0.3992"), T0)).isEmpty();
    // 2% off: a profit of about 1000 * (sqrt(0.997 * 1.02) - 1)^2 * 0.4 ~ 0.03 ETH, less than a 1 ETH gas cost
    var dear = new Arbitrageur(s.arb(), s.book(), Duration.ZERO, Amount.of(1));
    assertThat(dear.act(s.pool(), BASE, t -> Price.of("0.408"), T0)).isEmpty();
    assertThat(a.act(s.pool(), BASE, t -> Price.of("0.408"), T0)).isPresent();
  }

  @Test
  void withoutTokensToTradeItDoesNothing() {
    var s = pool(3000);
    AccountId broke = AccountId.of("broke");
    var a = new Arbitrageur(broke, s.book(), Duration.ZERO, Amount.of("0.001"));
    assertThat(a.act(s.pool(), BASE, t -> Price.of("0.44"), T0)).isEmpty();
    assertThat(s.pool().reserve(Token.ETH).toDouble()).isCloseTo(400, within(0.0));
  }
}
