package noliq.market.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import noliq.market.MarketError;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstantProductPoolTest {
  static final Token P = new Token("P:s1");
  static final Token ETH = Token.ETH;
  static final AccountId MINTER = AccountId.of("issuer");
  static final AccountId LP = AccountId.of("lp");
  static final AccountId ALICE = AccountId.of("alice");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant MATURITY = Instant.parse("2026-07-01T00:00:00Z");

  /** Uniswap v2-core's UniswapV2Pair test "getInputPrice" cases: (in, reserveIn, reserveOut) -> out, 0.30% fee. */
  @Test
  void reproducesUniswapV2GetAmountOutVectors() {
    String[][] cases = {
        {"1", "5", "10", "1662497915624478906"},
        {"1", "10", "5", "453305446940074565"},
        {"2", "5", "10", "2851015155847869602"},
        {"2", "10", "5", "831248957812239453"},
        {"1", "10", "10", "906610893880149131"},
        {"1", "100", "100", "987158034397061298"},
        {"1", "1000", "1000", "996006981039903216"},
    };
    for (String[] c : cases) {
      BigInteger out = ConstantProductMath.amountOut(Amount.of(c[0]).wei(), Amount.of(c[1]).wei(), Amount.of(c[2]).wei(), 3000);
      assertThat(out).as("in %s, reserves %s/%s", c[0], c[1], c[2]).isEqualTo(new BigInteger(c[3]));
    }
  }

  @Test
  void amountInIsTheLeastThatBuysTheAmountOut() {
    BigInteger rin = Amount.of(5).wei();
    BigInteger rout = Amount.of(10).wei();
    BigInteger want = new BigInteger("1662497915624478906");
    BigInteger in = ConstantProductMath.amountIn(want, rin, rout, 3000);
    assertThat(ConstantProductMath.amountOut(in, rin, rout, 3000)).isGreaterThanOrEqualTo(want);
    assertThat(ConstantProductMath.amountOut(in.subtract(BigInteger.ONE), rin, rout, 3000)).isLessThan(want);
  }

  @Test
  void uniindexFeeRampsFromThirtyToOneHundredBasisPointsOverTheLastWeek() {
    FeeSchedule fees = FeeSchedule.RampToMaturity.uniindex(MATURITY);
    assertThat(fees.feePips(MATURITY.minus(Duration.ofDays(30)))).isEqualTo(3000);
    assertThat(fees.feePips(MATURITY.minus(Duration.ofDays(7)))).isEqualTo(3000);
    assertThat(fees.feePips(MATURITY.minus(Duration.ofHours(84)))).isEqualTo(6500);
    assertThat(fees.feePips(MATURITY.minusSeconds(1))).isEqualTo(10_000);
    assertThat(fees.feePips(MATURITY)).isEqualTo(10_000);
  }

  @Test
  void swapsAreHaltedAtMaturityButLiquidityCanLeave() {
    TokenBook book = new TokenBook();
    ConstantProductPool pool = seeded(book, new FeeSchedule.Flat(3000));
    book.mint(ETH, ALICE, Amount.of(1));
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.swapExactIn(ALICE, ETH, Amount.of(1), Amount.ZERO, MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class))
        .hasMessageStartingWith("now: ");
    assertThat(book.snapshot()).isEqualTo(before);
    var removed = pool.removeLiquidity(LP, book.balanceOf(LP, pool.shareToken()), MATURITY);
    assertThat(removed.amount0().isPositive()).isTrue();
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    TokenBook book = new TokenBook();
    ConstantProductPool pool = seeded(book, new FeeSchedule.Flat(3000));
    book.mint(ETH, ALICE, Amount.of(1));
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.swapExactIn(ALICE, ETH, Amount.ZERO, Amount.ZERO, T0))
        .isInstanceOf(MarketException.class).hasMessage("amountIn: must be positive (was 0)");
    assertThatThrownBy(() -> pool.swapExactIn(ALICE, new Token("N:s1"), Amount.of(1), Amount.ZERO, T0))
        .isInstanceOf(MarketException.class).hasMessage("tokenIn: token N:s1 is not traded by P-ETH");
    assertThatThrownBy(() -> pool.swapExactIn(ALICE, ETH, Amount.of(1), Amount.of(1000), T0))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.SlippageExceeded.class));
    assertThatThrownBy(() -> pool.swapExactIn(ALICE, ETH, Amount.of(2), Amount.ZERO, T0))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("exceeds the balance of alice");
    assertThatThrownBy(() -> pool.swapExactIn(pool.account(), ETH, Amount.of(1), Amount.ZERO, T0))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> pool.swapExactOut(ALICE, ETH, Amount.of(1000), null, T0))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.InsufficientLiquidity.class));
    assertThat(book.snapshot()).isEqualTo(before);
  }

  /** Seeds of {@link #randomOperationsConserveTokensAndNeverDecreaseK}: 8 x 125,000 = 1,000,000 operations per build. */
  static final int STEPS_PER_SEED = 125_000;
  /** Full audits (a snapshot before the step, every holder's balance summed after it) on every this many steps. */
  static final int AUDIT_EVERY = 16;

  /**
   * Long random sequences, each spread over the 30 days to maturity: no token created or destroyed
   * and k never decreasing on a swap (so rounding never favours the trader), after every operation;
   * a failed operation changes nothing and the supplies equal the sum of the balances, on every
   * {@value #AUDIT_EVERY}th.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  @Execution(ExecutionMode.CONCURRENT)
  void randomOperationsConserveTokensAndNeverDecreaseK(long seed) {
    {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = new TokenBook();
      FeeSchedule fees = FeeSchedule.RampToMaturity.uniindex(MATURITY);
      ConstantProductPool pool = new ConstantProductPool(book, "P-ETH", P, ETH, fees, Optional.of(MATURITY));
      AccountId[] traders = {ALICE, AccountId.of("bob"), LP};
      for (AccountId a : traders) {
        book.mint(P, a, Amount.of(1000));
        book.mint(ETH, a, Amount.of(1000));
      }
      pool.addLiquidity(LP, Amount.of(300), Amount.of(200), T0);
      Instant now = T0;
      int maxGapSeconds = (int) (2 * Duration.between(T0, MATURITY).toSeconds() / STEPS_PER_SEED);
      Amount total = Amount.of(3000);
      int swaps = 0;
      for (int i = 0; i < STEPS_PER_SEED; i++) {
        now = now.plusSeconds(rnd.nextInt(maxGapSeconds));
        AccountId who = traders[rnd.nextInt(traders.length)];
        Token in = rnd.nextBoolean() ? P : ETH;
        Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(64)));
        boolean audit = i % AUDIT_EVERY == 0;
        var before = audit ? book.snapshot() : null;
        BigInteger kBefore = pool.k();
        Amount sharesBefore = book.totalSupply(pool.shareToken());
        Instant at = now;
        try {
          switch (rnd.nextInt(10)) {
            case 0 -> pool.addLiquidity(who, amount, amount.mulDiv(BigInteger.TWO, BigInteger.valueOf(3), noliq.math.Rounding.DOWN), at);
            case 1 -> pool.removeLiquidity(who, Amount.ofWei(amount.wei().shiftRight(20)), at);
            case 2 -> pool.swapExactOut(who, in, Amount.ofWei(amount.wei().shiftRight(4)), null, at);
            default -> pool.swapExactIn(who, in, amount, Amount.ZERO, at);
          }
        } catch (RuleViolation e) {
          if (audit) {
            assertThat(book.snapshot()).as("a failed operation changes nothing").isEqualTo(before);
          }
        }
        if (!book.totalSupply(P).equals(total) || !book.totalSupply(ETH).equals(total)) {
          throw new AssertionError("step " + i + ": supplies " + book.totalSupply(P) + " P, " + book.totalSupply(ETH) + " ETH");
        }
        if (book.totalSupply(pool.shareToken()).equals(sharesBefore) && !pool.k().equals(kBefore)) {
          swaps++;
          if (pool.k().compareTo(kBefore) < 0) {
            throw new AssertionError("step " + i + ": k fell on a swap, " + kBefore + " -> " + pool.k());
          }
        }
        if (audit) {
          assertThat(book.snapshot().supplies()).isEqualTo(sumOfBalances(book));
        }
      }
      assertThat(swaps).as("swaps that moved k").isGreaterThan(STEPS_PER_SEED / 10);
    }
  }

  static java.util.Map<Token, Amount> sumOfBalances(TokenBook book) {
    java.util.Map<Token, Amount> sums = new java.util.TreeMap<>();
    for (Token t : book.tokens()) {
      Amount s = book.holders(t).values().stream().reduce(Amount.ZERO, Amount::plus);
      sums.put(t, s);
    }
    return sums;
  }

  static ConstantProductPool seeded(TokenBook book, FeeSchedule fees) {
    ConstantProductPool pool = new ConstantProductPool(book, "P-ETH", P, ETH, fees, Optional.of(MATURITY));
    book.mint(P, LP, Amount.of(1000));
    book.mint(ETH, LP, Amount.of(600));
    pool.addLiquidity(LP, Amount.of(1000), Amount.of(600), T0);
    return pool;
  }
}
