package noliq.market.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import noliq.market.MarketError;
import noliq.market.MarketEvent;
import noliq.market.MarketException;
import noliq.math.Amount;
import noliq.math.Exact;
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

class RotationAuctionHouseTest {
  static final Token OLD = new Token("P:old");
  static final Token NEW = new Token("P:new");
  static final AccountId SELLER = AccountId.of("wrapper");
  static final AccountId MAKER = AccountId.of("maker");
  static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void kyrruiCurveConcedesTwoPercentLinearlyOverOneDayThenHolds() {
    AuctionTerms terms = AuctionTerms.kyrrui(Price.of("1.25"));
    assertThat(DutchCurve.priceAt(terms, Duration.ZERO)).isEqualTo(Price.of("1.25"));
    assertThat(DutchCurve.priceAt(terms, Duration.ofHours(6))).isEqualTo(Price.of("1.24375"));
    assertThat(DutchCurve.priceAt(terms, Duration.ofHours(12))).isEqualTo(Price.of("1.2375"));
    assertThat(DutchCurve.priceAt(terms, Duration.ofDays(1))).isEqualTo(Price.of("1.225"));
    assertThat(DutchCurve.floor(terms)).isEqualTo(Price.of("1.225"));
    var longer = new AuctionTerms(Price.of("1.25"), 20_000, Duration.ofDays(1), Duration.ofDays(2));
    assertThat(DutchCurve.priceAt(longer, Duration.ofHours(36))).isEqualTo(Price.of("1.225"));
  }

  @Test
  void partialFillsThenExpiryReturnsTheRest() {
    TokenBook book = new TokenBook();
    RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
    book.mint(OLD, SELLER, Amount.of(10));
    book.mint(NEW, MAKER, Amount.of(100));
    var started = house.start(SELLER, OLD, Amount.of(10), NEW, AuctionTerms.kyrrui(Price.of(2)), T0);
    long id = started.auctionId();
    var take = house.take(id, MAKER, Amount.of(4), Price.of(2), T0.plus(Duration.ofHours(12)));
    assertThat(take.price()).isEqualTo(Price.of("1.98"));
    assertThat(take.paid()).isEqualTo(Amount.of("7.92"));
    assertThat(book.balanceOf(SELLER, NEW)).isEqualTo(Amount.of("7.92"));
    assertThat(book.balanceOf(MAKER, OLD)).isEqualTo(Amount.of(4));
    var closed = house.expire(id, T0.plus(Duration.ofDays(1)));
    assertThat(closed.returned()).isEqualTo(Amount.of(6));
    assertThat(book.balanceOf(SELLER, OLD)).isEqualTo(Amount.of(6));
    assertThat(house.view(id).status()).isEqualTo(RotationAuctionHouse.Status.EXPIRED);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    TokenBook book = new TokenBook();
    RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
    book.mint(OLD, SELLER, Amount.of(10));
    book.mint(NEW, MAKER, Amount.of(100));
    book.mint(NEW, SELLER, Amount.of(100));
    long id = house.start(SELLER, OLD, Amount.of(10), NEW, AuctionTerms.kyrrui(Price.of(2)), T0).auctionId();
    var before = book.snapshot();
    Instant later = T0.plus(Duration.ofHours(1));
    assertThatThrownBy(() -> house.take(id, MAKER, Amount.ZERO, Price.of(2), later))
        .isInstanceOf(MarketException.class).hasMessage("lot: must be positive (was 0)");
    assertThatThrownBy(() -> house.take(id, SELLER, Amount.of(1), Price.of(2), later))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.SelfTrade.class));
    assertThatThrownBy(() -> house.take(id, MAKER, Amount.of(1), Price.of("1.9"), later))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.PriceOutsideCurve.class))
        .hasMessageStartingWith("maxPrice: limit 1.9 is outside the curve");
    assertThatThrownBy(() -> house.take(id, MAKER, Amount.of(1), Price.of(2), T0.plus(Duration.ofDays(1))))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.Expired.class));
    assertThatThrownBy(() -> house.take(99, MAKER, Amount.of(1), Price.of(2), later))
        .isInstanceOf(MarketException.class).hasMessage("auction: no such id 99");
    assertThatThrownBy(() -> house.cancel(id, MAKER, later))
        .isInstanceOfSatisfying(MarketException.class, e -> assertThat(e.reason()).isInstanceOf(MarketError.NotOwner.class));
    assertThatThrownBy(() -> house.expire(id, later)).isInstanceOf(MarketException.class);
    assertThatThrownBy(() -> house.take(id, AccountId.of("poor"), Amount.of(1), Price.of(2), later))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("exceeds the balance of poor");
    assertThatThrownBy(() -> house.start(SELLER, OLD, Amount.of(11), NEW, AuctionTerms.kyrrui(Price.of(2)), T0))
        .isInstanceOf(RuleViolation.class);
    assertThatThrownBy(() -> new AuctionTerms(Price.of(2), 20_000, Duration.ofDays(1), Duration.ofHours(1)))
        .isInstanceOf(MarketException.class).hasMessageStartingWith("lifetime: must be at least the ramp");
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(house.view(id).remaining()).isEqualTo(Amount.of(10));
  }

  /** Random takes, cancels and expiries: tokens conserved, no fill below the curve, failures change nothing. */
  /** Seeds of {@link #randomOperationsNeverFillBelowTheCurve}: 16 x 62,500 = 1,000,000 operations per build. */
  static final int STEPS_PER_SEED = 62_500;
  /** A failed step is compared with a snapshot taken before it on every this many steps. */
  static final int AUDIT_EVERY = 32;
  /** The escrow is summed over every auction the house has held on every this many steps. */
  static final int ESCROW_EVERY = 512;

  /**
   * Random starts, cancels, expiries and takes. After every operation: no token created or
   * destroyed, and every fill is at the curve's price, between the floor and the fair price, paid in
   * full at that price (rounding never favours the taker). On every {@value #AUDIT_EVERY}th, a failed
   * operation changes nothing; on every {@value #ESCROW_EVERY}th, the escrow holds exactly the open lots.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26})
  @Execution(ExecutionMode.CONCURRENT)
  void randomOperationsNeverFillBelowTheCurve(long seed) {
    {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = new TokenBook();
      RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
      AccountId[] people = {SELLER, MAKER, AccountId.of("m2"), AccountId.of("m3")};
      for (AccountId a : people) {
        book.mint(OLD, a, Amount.of(500));
        book.mint(NEW, a, Amount.of(500));
      }
      Instant now = T0;
      Amount total = Amount.of(2000);
      int started = 0;
      int taken = 0;
      for (int i = 0; i < STEPS_PER_SEED; i++) {
        now = now.plusSeconds(rnd.nextInt(3600));
        AccountId who = people[rnd.nextInt(people.length)];
        Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(60)));
        // mostly one of the latest auctions (likely live), else any id so far (likely over: refused)
        long id = rnd.nextInt(4) != 0 ? Math.max(1, started - rnd.nextInt(4)) : 1 + rnd.nextInt(started + 1);
        boolean audit = i % AUDIT_EVERY == 0;
        var before = audit ? book.snapshot() : null;
        Instant at = now;
        try {
          switch (rnd.nextInt(6)) {
            case 0 -> {
              house.start(who, rnd.nextBoolean() ? OLD : NEW, amount, rnd.nextBoolean() ? NEW : OLD,
                  new AuctionTerms(Price.of("0.5").mulDiv(BigInteger.valueOf(rnd.nextInt(1, 5)), BigInteger.ONE,
                      noliq.math.Rounding.DOWN), rnd.nextLong(0, 100_000), Duration.ofHours(rnd.nextInt(1, 48)),
                      Duration.ofHours(48)), at);
              started++;
            }
            case 1 -> house.cancel(id, who, at);
            case 2 -> house.expire(id, at);
            default -> {
              Price limit = Price.of(rnd.nextInt(1, 4));
              MarketEvent.AuctionTaken t = house.take(id, who, amount, limit, at);
              var v = house.view(id);
              Price floor = DutchCurve.floor(v.terms());
              Price curve = DutchCurve.priceAt(v.terms(), Duration.between(v.start(), at));
              if (!t.price().equals(curve) || t.price().compareTo(floor) < 0 || t.price().compareTo(v.terms().fairPrice()) > 0
                  || t.paid().wei().multiply(Exact.WAD).compareTo(t.lotTaken().wei().multiply(curve.units())) < 0) {
                throw new AssertionError("step " + i + ": fill " + t + " against curve " + curve + ", floor " + floor + ", " + v.terms());
              }
              taken++;
            }
          }
        } catch (RuleViolation e) {
          if (audit) {
            assertThat(book.snapshot()).isEqualTo(before);
          }
        }
        if (!book.totalSupply(OLD).equals(total) || !book.totalSupply(NEW).equals(total)) {
          throw new AssertionError("step " + i + ": supplies " + book.totalSupply(OLD) + " old, " + book.totalSupply(NEW) + " new");
        }
        if (i % ESCROW_EVERY == 0 || i == STEPS_PER_SEED - 1) {
          Amount escrowOld = house.auctions().stream().filter(v -> v.sell().equals(OLD))
              .map(RotationAuctionHouse.AuctionView::remaining).reduce(Amount.ZERO, Amount::plus);
          assertThat(book.balanceOf(house.account(), OLD)).as("escrow matches open lots").isEqualTo(escrowOld);
        }
      }
      assertThat(taken).as("fills").isGreaterThan(STEPS_PER_SEED / 100);
    }
  }
}
