package noliq.market.amm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.market.MarketError;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogitPoolTest {
  static final Token P = new Token("P:1500");
  static final Token USD = new Token("USD");
  static final AccountId LP = AccountId.of("lp");
  static final AccountId ALICE = AccountId.of("alice");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  static final Instant MATURITY = T0.plus(Duration.ofDays(30));

  static LogitPool seeded(TokenBook book) {
    book.mint(P, LP, Amount.of(1000));
    book.mint(USD, LP, Amount.of(500_000));
    book.mint(P, ALICE, Amount.of(1000));
    book.mint(USD, ALICE, Amount.of(2_000_000));
    LogitPool pool = new LogitPool(book, "P-USD", P, USD, Amount.of(1500), MATURITY, 50.0, 1000,
        LogitPool.PENDLE_MAX_PROPORTION);
    pool.initialize(LP, Amount.of(1000), Amount.of(500_000), 1.05, T0);
    return pool;
  }

  @Test
  void withTimeAloneThePriceRisesToTheFaceAtMaturity() {
    TokenBook book = new TokenBook();
    LogitPool pool = seeded(book);
    double start = pool.spotPrice(T0).toDouble();
    // The seed: E = ln(0.75 / 0.25) / (50 * 365 / 30) + 1.05.
    double e0 = Math.log(3) / (50 * 365.0 / 30) + 1.05;
    assertThat(start).isCloseTo(1500 / e0, within(1e-9));
    double previous = start;
    for (int day = 5; day < 30; day += 5) {
      double p = pool.spotPrice(T0.plus(Duration.ofDays(day))).toDouble();
      assertThat(p).isGreaterThan(previous).isLessThan(1500);
      previous = p;
    }
    assertThat(pool.spotPrice(MATURITY.minusSeconds(60)).toDouble()).isCloseTo(1500, within(0.01));
    assertThatThrownBy(() -> pool.spotPrice(MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class));
  }

  @Test
  void buyingRaisesThePriceSellingLowersItAndTheCapHolds() {
    TokenBook book = new TokenBook();
    LogitPool pool = seeded(book);
    Instant t = T0.plus(Duration.ofDays(1));
    Price p0 = pool.spotPrice(t);
    var buy = pool.buyP(ALICE, Amount.of(100), null, t);
    assertThat(pool.spotPrice(t)).isGreaterThan(p0);
    assertThat(buy.amountIn().toDouble() / 100).isGreaterThan(p0.toDouble()).isLessThan(1500 * 1.001);
    var sell = pool.sellP(ALICE, Amount.of(100), null, t);
    assertThat(sell.amountOut()).isLessThan(buy.amountIn());
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.sellP(ALICE, Amount.of(1000), null, t))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.InsufficientLiquidity.class))
        .hasMessageContaining("above the cap 0.96");
    assertThatThrownBy(() -> pool.buyP(ALICE, Amount.ZERO, null, t))
        .isInstanceOf(MarketException.class).hasMessage("pOut: must be positive (was 0)");
    assertThatThrownBy(() -> pool.buyP(ALICE, Amount.of(10), Amount.of(1), t))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.SlippageExceeded.class));
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void initialisationIsCheckedAndChangesNothingWhenRefused() {
    TokenBook book = new TokenBook();
    book.mint(P, LP, Amount.of(1000));
    book.mint(USD, LP, Amount.of(500_000));
    LogitPool pool = new LogitPool(book, "P-USD", P, USD, Amount.of(1500), MATURITY, 50.0, 1000, 0.96);
    var before = book.snapshot();
    assertThatThrownBy(() -> pool.initialize(LP, Amount.of(1000), Amount.of(500_000), 1.05, MATURITY))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Halted.class));
    assertThatThrownBy(() -> pool.initialize(LP, Amount.of(1000), Amount.of(500_000), 0.9, T0))
        .isInstanceOf(MarketException.class).hasMessageStartingWith("initialAnchor: must be at least 1");
    assertThatThrownBy(() -> pool.initialize(LP, Amount.of(1000), Amount.of(10), 1.05, T0))
        .isInstanceOf(MarketException.class).hasMessageStartingWith("pAmount: must be at most 0.96 of the pool");
    assertThatThrownBy(() -> pool.buyP(LP, Amount.of(1), null, T0))
        .isInstanceOfSatisfying(MarketException.class,
            e -> assertThat(e.reason()).isInstanceOf(MarketError.InsufficientLiquidity.class));
    assertThat(book.snapshot()).isEqualTo(before);
  }

  /** Seeds of {@link #randomTradesConserveTokensAndNeverPricePAboveItsFace}: 8 x 125,000 = 1,000,000 trades per build. */
  static final int STEPS_PER_SEED = 125_000;
  /** A failed trade is compared with a snapshot taken before it on every this many steps. */
  static final int AUDIT_EVERY = 16;

  /**
   * Long random trade sequences, each spread over the time to maturity. After every trade: no token
   * created or destroyed, the implied rate never negative, and P never bought above its face before
   * the fee; on every {@value #AUDIT_EVERY}th, a failed trade changes nothing (book and rate).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
  @Execution(ExecutionMode.CONCURRENT)
  void randomTradesConserveTokensAndNeverPricePAboveItsFace(long seed) {
    {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = new TokenBook();
      LogitPool pool = seeded(book);
      Instant now = T0;
      int maxGapSeconds = (int) (2 * java.time.Duration.between(T0, MATURITY).toSeconds() / STEPS_PER_SEED);
      Amount pTotal = Amount.of(2000);
      Amount usdTotal = Amount.of(2_500_000);
      int filled = 0;
      for (int i = 0; i < STEPS_PER_SEED; i++) {
        now = now.plusSeconds(rnd.nextInt(Math.max(1, maxGapSeconds)));
        Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(58)));
        boolean audit = i % AUDIT_EVERY == 0;
        var before = audit ? book.snapshot() : null;
        double lnRate = pool.lnImpliedRate();
        Instant at = now;
        try {
          if (rnd.nextBoolean()) {
            var s = pool.buyP(ALICE, amount, null, at);
            // Before the fee, P never costs more than its face.
            if (s.amountIn().toDouble() / s.amountOut().toDouble() > 1500 * 1.001 + 1e-9) {
              throw new AssertionError("step " + i + ": P bought above its face: " + s);
            }
          } else {
            pool.sellP(ALICE, amount, null, at);
          }
          filled++;
        } catch (RuleViolation e) {
          if (audit) {
            assertThat(book.snapshot()).isEqualTo(before);
            assertThat(pool.lnImpliedRate()).isEqualTo(lnRate);
          }
        }
        if (!book.totalSupply(P).equals(pTotal) || !book.totalSupply(USD).equals(usdTotal) || !(pool.lnImpliedRate() >= 0)) {
          throw new AssertionError("step " + i + ": supplies " + book.totalSupply(P) + " P, " + book.totalSupply(USD)
              + " USD, ln rate " + pool.lnImpliedRate());
        }
      }
      assertThat(filled).as("trades filled").isGreaterThan(STEPS_PER_SEED / 20);
    }
  }
}
