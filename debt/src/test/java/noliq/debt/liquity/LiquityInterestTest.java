package noliq.debt.liquity;

import static noliq.debt.liquity.LiquityParams.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.Test;

/** Liquity v2's user-set rates: TroveManager's simple interest between touches, compounding on each touch. */
class LiquityInterestTest {
  static final AccountId ALICE = AccountId.of("alice");
  static final long DAY = 24 * 3600;

  LiquityEngine engine(TokenBook book) {
    book.mint(noliq.math.book.Token.ETH, ALICE, Amount.of(100));
    LiquityEngine e = new LiquityEngine(book, LiquityParams.v2Weth());
    e.setPrice(Price.of(2000));
    e.openTrove(ALICE, Amount.of(10), Amount.of(10_000));
    return e;
  }

  @Test
  void aDayAtFivePercentIsDebtTimesRateTimesPeriodOverAYear() {
    TokenBook book = new TokenBook();
    LiquityEngine e = engine(book);
    e.setInterestRate(ALICE, pct("5"));
    // 10,000 x 0.05 x 86,400 / 31,536,000 = 1.369863013698630136 BOLD, truncated.
    LiquityEvent.TroveAdjusted a = e.accrueInterest(ALICE, DAY);
    assertThat(a.amount()).isEqualTo(Amount.of("1.369863013698630136"));
    assertThat(e.trove(ALICE).orElseThrow().debt()).isEqualTo(Amount.of("10001.369863013698630136"));
    assertThat(e.violatedInvariants()).isEmpty();
  }

  @Test
  void aYearInOneTouchIsSimpleInterestAndDailyTouchesCompound() {
    TokenBook one = new TokenBook();
    LiquityEngine once = engine(one);
    once.setInterestRate(ALICE, pct("5"));
    once.accrueInterest(ALICE, 365 * DAY);
    assertThat(once.trove(ALICE).orElseThrow().debt()).isEqualTo(Amount.of(10_500));

    TokenBook daily = new TokenBook();
    LiquityEngine touched = engine(daily);
    touched.setInterestRate(ALICE, pct("5"));
    for (int d = 0; d < 365; d++) {
      touched.accrueInterest(ALICE, DAY);
    }
    // (1 + 0.05/365)^365 = 1.0512675: daily touches add about 12.67 BOLD over the simple 500.
    assertThat(touched.trove(ALICE).orElseThrow().debt().toDouble()).isBetween(10_512.67, 10_512.68);
    assertThat(touched.violatedInvariants()).isEmpty();
  }

  /**
   * The contract divides by {@code ONE_YEAR} and then by 1e18, truncating each time; the engine divides
   * once by their product, which for a non-negative numerator is the same integer. Checked on seeded random
   * troves (debts from 2,000 to 10^9, every allowed rate, from a second to a decade) against the two divisions.
   */
  @Test
  void eachTouchsInterestIsTheContractsTwoTruncatedDivisions() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(20261202);
    java.math.BigInteger year = java.math.BigInteger.valueOf(LiquityEngine.ONE_YEAR);
    for (int i = 0; i < 300; i++) {
      TokenBook book = new TokenBook();
      book.mint(noliq.math.book.Token.ETH, ALICE, Amount.of(1_000_000_000));
      LiquityEngine e = new LiquityEngine(book, LiquityParams.v2Weth());
      e.setPrice(Price.of(2000));
      Amount borrowed = Amount.fromDouble(2_000 * Math.pow(10, 5.7 * rnd.nextDouble()), noliq.math.Rounding.DOWN);
      e.openTrove(ALICE, Amount.of(100_000_000), borrowed);
      java.math.BigInteger rate = LiquityEngine.MIN_ANNUAL_INTEREST_RATE.add(java.math.BigInteger.valueOf(
          rnd.nextLong(LiquityEngine.MAX_ANNUAL_INTEREST_RATE.subtract(LiquityEngine.MIN_ANNUAL_INTEREST_RATE).longValueExact() + 1)));
      e.setInterestRate(ALICE, rate);
      for (int touch = 0; touch < 5; touch++) {
        long seconds = 1 + rnd.nextLong(3_650 * DAY);
        java.math.BigInteger debt = e.trove(ALICE).orElseThrow().debt().wei();
        java.math.BigInteger expected = debt.multiply(rate).multiply(java.math.BigInteger.valueOf(seconds)).divide(year)
            .divide(LiquityParams.ONE);
        assertThat(e.accrueInterest(ALICE, seconds).amount().wei()).as("debt %s rate %s for %s s", debt, rate, seconds)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void ratesOutsideTheV2BoundsAreRefusedNamingTheField() {
    LiquityEngine e = engine(new TokenBook());
    assertThatThrownBy(() -> e.setInterestRate(ALICE, pct("0.4"))).hasMessageContaining("annualInterestRate");
    assertThatThrownBy(() -> e.setInterestRate(ALICE, pct("251"))).hasMessageContaining("250");
    assertThat(e.accrueInterest(ALICE, DAY).amount()).isEqualTo(Amount.ZERO);
  }
}
