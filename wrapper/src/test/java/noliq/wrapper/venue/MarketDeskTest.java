package noliq.wrapper.venue;

import static noliq.wrapper.venue.HandWorkedMarket.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.oracle.feeds.SourceModel;
import noliq.wrapper.port.MarketStress;
import org.junit.jupiter.api.Test;

/** The desk's makers, their views of the market, and its refusals. */
class MarketDeskTest {
  final HandWorkedMarket m = new HandWorkedMarket();

  @Test
  void theDeskHasOneAccountPerMakerInOrder() {
    assertThat(m.desk.makerAccounts()).containsExactly(AccountId.of("maker-1"), AccountId.of("maker-2"),
        AccountId.of("maker-3"), AccountId.of("maker-4"), AccountId.of("maker-5"));
    assertThat(m.desk.isMaker(AccountId.of("maker-5"))).isTrue();
    assertThat(m.desk.isMaker(AccountId.of("maker-6"))).isFalse();
    assertThat(m.desk.ledger()).isSameAs(m.ledger);
  }

  @Test
  void eachMakerSeesItsOwnErrorAndTheStressOfTheMoment() {
    double[] errors = {0.1, -0.1, 0, 0.2, 0.05};
    m.desk.setMakerVolErrors(errors);
    errors[0] = 0.3; // the desk kept its own copy
    m.desk.setStress(t -> new MarketStress(0.7, 2.0));
    assertThat(m.desk.view(T0, 0).volError()).isEqualTo(0.1);
    assertThat(m.desk.view(T0, 3).volError()).isEqualTo(0.2);
    assertThat(m.desk.view(T0, 3).volOfVol()).isEqualTo(0.7);
    assertThat(m.desk.view(T0, 3).realisedVolJump()).isEqualTo(2.0);
    assertThat(m.desk.fairView(T0).volError()).isZero();
    m.desk.setMakerVolErrors(null);
    assertThat(m.desk.view(T0, 0).volError()).isZero();
  }

  @Test
  void itRefusesAWrongNumberOfErrorsNoStressFeedAndATokenThatIsNoLeg() {
    assertThatThrownBy(() -> m.desk.setMakerVolErrors(new double[4])).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("makerVolErrors:").hasMessageContaining("(5)");
    assertThatThrownBy(() -> m.desk.setStress(null)).isInstanceOf(RuleViolation.class).hasMessageStartingWith("stress:");
    assertThatThrownBy(() -> m.desk.leg(new Token("USDC"), T0, 1)).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("token:").hasMessageContaining("USDC");
  }

  /** A token worth nothing (an N struck at 8,000 with spot at 2,000 and 20% vol) buys no units, however many dollars. */
  @Test
  void noUnitsOfAWorthlessToken() {
    var far = noliq.options.Series.pn(noliq.options.IndexId.ETH_USD, Price.of(8000), T0.plus(Duration.ofDays(30)));
    m.ledger.list(far);
    assertThat(m.desk.unitsWorth(1_000_000, far.nToken(), T0)).isEqualTo(Amount.ZERO);
    // old P is worth $1,000: $2,500 buys 2.5
    assertThat(m.desk.unitsWorth(2_500, m.oldP, T0).toDouble()).isEqualTo(2.5);
  }

  /**
   * Deep in the money at 2,500 and 20% vol, the old series' N (strike 1,000) is worth x − S = 1,500 index
   * units, more than the cap min(x, S) = 1,000 that only P has; a token that is no leg is worth nothing.
   */
  @Test
  void onlyPIsCappedAtMinOfSpotAndStrike() {
    m.spot = t -> 2500.0;
    assertThat(m.desk.fair(m.oldSeries.nToken(), Amount.of(2), T0).toDouble()).isCloseTo(3000, within(1e-9));
    assertThat(m.desk.fair(m.oldP, Amount.of(2), T0).toDouble()).isCloseTo(2000, within(1e-9));
    assertThat(m.desk.fair(new Token("USDC"), Amount.of(2), T0)).isEqualTo(Price.ZERO);
    assertThat(m.desk.fairEth(Token.ETH, T0)).isEqualTo(1.0);
  }

  @Test
  void unwindAllClosesEveryLotWhateverItsHorizon() {
    m.desk.setInventoryRule(new MakerInventory.Rule(Duration.ofDays(30), 0));
    m.desk.makerFilled(AccountId.of("maker-1"), m.oldP, Amount.of(2), m.newP, Amount.of(2), T0);
    m.desk.unwindDue(T0.plus(Duration.ofDays(1)));
    assertThat(m.desk.inventory().totals().open()).isEqualTo(1);
    m.desk.unwindAll(T0.plus(Duration.ofDays(1)));
    assertThat(m.desk.inventory().totals().open()).isZero();
    assertThat(m.desk.inventory().rule().horizon()).isEqualTo(Duration.ofDays(30));
  }

  /**
   * Peak capital counts only the lots open at once. Horizon one day: lot A (paid 2 new P, $1,600) at T0,
   * lot B (2 new P, $1,600) at T0 + 12 h; A unwinds at T0 + 1 d, when lot C (3 new P, $2,400) opens:
   * open capital B + C = $4,000 is the peak (A + B was $3,200); three lots in all.
   */
  @Test
  void peakCapitalCountsTheLotsOpenAtOnce() {
    AccountId maker = AccountId.of("maker-1");
    m.desk.makerFilled(maker, m.oldP, Amount.of(2), m.newP, Amount.of(2), T0);
    m.desk.makerFilled(maker, m.oldP, Amount.of(2), m.newP, Amount.of(2), T0.plus(Duration.ofHours(12)));
    m.desk.unwindDue(T0.plus(Duration.ofDays(1)));
    m.desk.makerFilled(maker, m.oldP, Amount.of(3), m.newP, Amount.of(3), T0.plus(Duration.ofDays(1)));
    MakerInventory.Totals t = m.desk.inventory().totals();
    assertThat(t.lots()).isEqualTo(3);
    assertThat(t.open()).isEqualTo(2);
    assertThat(t.peakCapitalUsd()).isCloseTo(4_000, within(1e-6));
  }

  @Test
  void thePriceViewMovesToTheMomentItIsAskedAtAndRefusesAnUnknownSource() {
    List<SourceModel> sources = List.of(new SourceModel("a", 0, Duration.ZERO, 0));
    MedianPriceView view = new MedianPriceView(sources, t -> t.isBefore(T0) ? 2000 : 2500, new SplittableRandom(1),
        T0.minusSeconds(60));
    assertThat(view.read(0)).contains(Price.of(2000));
    assertThat(view.at(T0)).isSameAs(view);
    assertThat(view.read(0)).contains(Price.of(2500));
    assertThat(view.models()).isEqualTo(sources);
    assertThatThrownBy(() -> view.read(1)).isInstanceOf(RuleViolation.class).hasMessageStartingWith("index:");
    assertThatThrownBy(() -> view.read(-1)).isInstanceOf(RuleViolation.class).hasMessageStartingWith("index:");
  }
}
