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
  @Test
  void randomOperationsNeverFillBelowTheCurve() {
    for (long seed : new long[] {11, 12, 13}) {
      SplittableRandom rnd = new SplittableRandom(seed);
      TokenBook book = new TokenBook();
      RotationAuctionHouse house = new RotationAuctionHouse(book, "roll");
      AccountId[] people = {SELLER, MAKER, AccountId.of("m2"), AccountId.of("m3")};
      for (AccountId a : people) {
        book.mint(OLD, a, Amount.of(500));
        book.mint(NEW, a, Amount.of(500));
      }
      Instant now = T0;
      for (int i = 0; i < 3000; i++) {
        now = now.plusSeconds(rnd.nextInt(3600));
        AccountId who = people[rnd.nextInt(people.length)];
        Amount amount = Amount.ofWei(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)).shiftRight(rnd.nextInt(60)));
        long id = 1 + rnd.nextInt((int) Math.max(1, house.auctions().size() + 1));
        var before = book.snapshot();
        Instant at = now;
        try {
          switch (rnd.nextInt(6)) {
            case 0 -> house.start(who, rnd.nextBoolean() ? OLD : NEW, amount, rnd.nextBoolean() ? NEW : OLD,
                new AuctionTerms(Price.of("0.5").mulDiv(BigInteger.valueOf(rnd.nextInt(1, 5)), BigInteger.ONE,
                    noliq.math.Rounding.DOWN), rnd.nextLong(0, 100_000), Duration.ofHours(rnd.nextInt(1, 48)),
                    Duration.ofHours(48)), at);
            case 1 -> house.cancel(id, who, at);
            case 2 -> house.expire(id, at);
            default -> {
              Price limit = Price.of(rnd.nextInt(1, 4));
              MarketEvent.AuctionTaken t = house.take(id, who, amount, limit, at);
              var v = house.view(id);
              Price floor = DutchCurve.floor(v.terms());
              Price curve = DutchCurve.priceAt(v.terms(), Duration.between(v.start(), at));
              assertThat(t.price()).isEqualTo(curve);
              assertThat(t.price()).isGreaterThanOrEqualTo(floor).isLessThanOrEqualTo(v.terms().fairPrice());
              assertThat(t.paid().wei().multiply(Exact.WAD))
                  .isGreaterThanOrEqualTo(t.lotTaken().wei().multiply(curve.units()));
            }
          }
        } catch (RuleViolation e) {
          assertThat(book.snapshot()).isEqualTo(before);
        }
        assertThat(book.totalSupply(OLD)).isEqualTo(Amount.of(2000));
        assertThat(book.totalSupply(NEW)).isEqualTo(Amount.of(2000));
        Amount escrowOld = house.auctions().stream().filter(v -> v.sell().equals(OLD))
            .map(RotationAuctionHouse.AuctionView::remaining).reduce(Amount.ZERO, Amount::plus);
        assertThat(book.balanceOf(house.account(), OLD)).as("escrow matches open lots").isEqualTo(escrowOld);
      }
    }
  }
}
