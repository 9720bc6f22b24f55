package noliq.oracle.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;
import noliq.oracle.attack.SettlementCorruption.Outcome;
import noliq.oracle.escalation.EscalationConfig;
import noliq.oracle.escalation.EscalationGame;
import noliq.oracle.feeds.ObservationLog;
import noliq.oracle.feeds.Twap;
import org.junit.jupiter.api.Test;

class AttackTest {
  static final ThinPool POOL = new ThinPool(1_000, 2_000_000, 0.003);
  static final Instant T0 = Instant.parse("2026-06-02T12:00:00Z");

  @Test
  void theRoundTripLossMatchesConstantProductSwapsDoneByHand() {
    double x = 1_000;
    double y = 2_000_000;
    double k = x * y;
    double p = y / x;
    for (double m : new double[] {0.9, 0.5, 1.1, 3.0}) {
      double x1 = x / Math.sqrt(m); // reserves at the pushed price y1/x1 = m p
      double y1 = k / x1;
      assertThat(y1 / x1).isCloseTo(m * p, within(1e-6));
      // Down: the attacker sells x1 - x ETH for y - y1; up: pays y1 - y for x - x1 ETH. Valued at p.
      double loss = m < 1 ? (x1 - x) * p - (y - y1) : (y1 - y) - (x - x1) * p;
      double fee = 0.003 * (m < 1 ? (x1 - x) * p : (y1 - y));
      assertThat(POOL.roundTripLoss(m)).isCloseTo(loss + fee, within(1e-6));
    }
  }

  @Test
  void holdingThePushedPriceForAWholeWindowMakesTheTwapReadIt() {
    ObservationLog log = new ObservationLog();
    log.record(Price.of(2000), T0.minus(Duration.ofHours(2)));
    log.record(Price.of(1800), T0);
    Duration window = Duration.ofMinutes(30);
    assertThat(Twap.over(log, window, T0.plus(Duration.ofMinutes(15)))).isEqualTo(Price.of(1900));
    assertThat(Twap.over(log, window, T0.plus(window))).isEqualTo(Price.of(1800));
  }

  @Test
  void aTenPercentPushThroughAThinPoolLiquidatesThePositionsAboveTheFeed() {
    List<DebtExposure> book = List.of(new DebtExposure("near", 1850, 10, 15_000),
        new DebtExposure("at", 1800, 5, 7_000), new DebtExposure("safe", 1700, 10, 12_000));
    var plan = new FeedManipulation.Plan(-0.10, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(12), true, 0.05);
    var r = FeedManipulation.attack(POOL, plan, book);
    assertThat(r.feedPrice()).isCloseTo(1800, within(1e-9));
    assertThat(r.pushes()).isEqualTo(200); // 40 minutes of 12-second blocks
    assertThat(r.cost()).isCloseTo(200 * POOL.roundTripLoss(0.9), within(1e-6));
    assertThat(r.liquidatable()).extracting(DebtExposure::id).containsExactly("near", "at");
    assertThat(r.debtLiquidatable()).isEqualTo(22_000);
    // near: seizes 15,000 * 1.05 / 1800 = 8.75 ETH, worth 17,500 at 2000: +2,500. at: 4.0833 ETH -> +1,166.67.
    assertThat(r.extracted()).isCloseTo(2_500 + (7_000 * 1.05 / 1800 * 2000 - 7_000), within(1e-6));
    assertThat(r.pays()).isFalse(); // 200 pushes of ~5.4k each cost far more than 3.7k extracted
  }

  @Test
  void withoutArbitrageThePushCostsOnlyItsFees() {
    var plan = new FeedManipulation.Plan(-0.10, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(12), false, 0.05);
    var r = FeedManipulation.attack(POOL, plan, List.of(new DebtExposure("big", 1900, 1_000, 1_500_000)));
    assertThat(r.pushes()).isEqualTo(1);
    assertThat(r.cost()).isCloseTo(2 * 0.003 * POOL.swapInValue(0.9), within(1e-6));
    assertThat(r.pays()).isTrue();
  }

  @Test
  void attackInputsAreChecked() {
    assertThatThrownBy(() -> new FeedManipulation.Plan(0, Duration.ZERO, Duration.ofMinutes(30), Duration.ofSeconds(12), true, 0.05))
        .hasMessage("deviation: must be non-zero, above -1 and at most 100 (was 0.0)");
    assertThatThrownBy(() -> new ThinPool(0, 1, 0)).hasMessage("ethReserve: must be positive and finite (was 0.0)");
    assertThatThrownBy(() -> SettlementCorruption.VoteInputs.uma(1, 1, 1.5)).hasMessage("vote-share: must be between 0.0 and 1.0 (was 1.5)");
    assertThatThrownBy(() -> SettlementCorruption.viaEscalation(1, 1, 1, 1, 0)).hasMessage("rounds: must be between 1 and 200 (was 0)");
  }

  @Test
  void theMarch2025CaseA25PercentHolderDecidesOnlyWithFollowers() {
    var alone = SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0, 1));
    assertThat(alone.outcome()).isEqualTo(Outcome.FAILS); // 75% honest of a full turnout is above 65% of the stake
    assertThat(alone.shareNeeded()).isCloseTo(0.65, within(1e-12));
    assertThat(alone.cost()).isEqualTo(750);
    // 25% + 75% f > 65% needs f > 53.3% of the others to vote along.
    var herded = SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0.6, 1));
    assertThat(herded.effectiveShare()).isCloseTo(0.7, within(1e-12));
    assertThat(herded.outcome()).isEqualTo(Outcome.DECIDES);
    assertThat(herded.net()).isEqualTo(7_000_000 + 375);
    assertThat(herded.pays()).isTrue();
    assertThat(herded.shareNeeded()).isCloseTo((0.65 - 0.6) / 0.4, within(1e-12));
    var tied = SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(1e6, 750, 0.5));
    assertThat(tied.outcome()).isEqualTo(Outcome.ROLLS);
  }

  @Test
  void underVotingV2SeventyPercentOfTheVotesDecidesOnlyAboveAbout93PercentTurnout() {
    // SPAT counts every staked token: 70% of the revealed votes is 0.7 τ of the stake, above 0.65 only if τ > 65/70
    var herded = SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0.6, 1));
    assertThat(herded.turnoutNeeded()).isCloseTo(0.65 / 0.70, within(1e-12)).isCloseTo(0.9286, within(1e-4));
    assertThat(SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0.6, 0.93)).outcome())
        .isEqualTo(Outcome.DECIDES);
    var short_ = SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0.6, 0.92));
    assertThat(short_.outcome()).isEqualTo(Outcome.ROLLS); // 0.644 of the stake: not above 0.65; honest 0.276 neither
    assertThat(short_.shareOfStake()).isCloseTo(0.644, within(1e-12));
    assertThat(short_.net()).isZero();
    // over the whole turnout range the outcome flips exactly at 65/70, and never back
    for (int k = 500; k <= 1000; k++) {
      double tau = k / 1000.0;
      var r = SettlementCorruption.viaVote(SettlementCorruption.ukraineMineralDeal2025(0.6, tau));
      assertThat(r.outcome()).as("turnout " + tau).isEqualTo(0.7 * tau > 0.65 ? Outcome.DECIDES : Outcome.ROLLS);
    }
    // at a turnout at or below SPAT, no share of the votes decides: the vote can only roll
    assertThat(SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(1, 0, 1).withTurnout(0.65)).outcome())
        .isEqualTo(Outcome.ROLLS);
    assertThat(SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(1, 0, 0.5).withTurnout(0.6)).shareNeeded())
        .isInfinite();
  }

  @Test
  void theCapitalToDecideAloneIsPricedFromAllTheOthersStake() {
    var r = SettlementCorruption.viaVote(SettlementCorruption.VoteInputs.uma(7e6, 750, 0.25).withOthersStake(15e6));
    // A > 0.65 (15M + A): A > 15M × 0.65 / 0.35, whatever the turnout when no one follows
    assertThat(r.capitalNeeded()).isCloseTo(15e6 * 0.65 / 0.35, within(1e-3));
    assertThat(SettlementCorruption.capitalToDecide(15e6, 0.65, 0.5, 0)).isEqualTo(r.capitalNeeded());
    // with followers, a higher turnout brings more of them: it can only lower the capital
    assertThat(SettlementCorruption.capitalToDecide(15e6, 0.65, 0.9, 0.5))
        .isLessThan(SettlementCorruption.capitalToDecide(15e6, 0.65, 0.6, 0.5));
    // fails: the 750 bond and mainnet's 0.1% slash of its 5M (25% of the votes of a 15M full turnout)
    assertThat(r.cost()).isCloseTo(750 + 5e6 * 0.001, within(1e-6));
  }

  @Test
  void aBlockingStakeKeepsTheHonestAnswerAtOrBelowSpat() {
    // 100M others, 80% of them reveal honestly: B >= 100M (0.8 / 0.65 - 1) keeps 80M at or below 0.65 (100M + B)
    double b = SettlementCorruption.stakeToBlock(100e6, 0.65, 0.8);
    assertThat(b).isCloseTo(100e6 * (0.8 / 0.65 - 1), within(1e-3));
    assertThat(0.8 * 100e6).isLessThanOrEqualTo(0.65 * (100e6 + b) + 1e-3);
    assertThat(SettlementCorruption.stakeToBlock(100e6, 0.65, 0.6)).isZero();
  }

  @Test
  void theEscalationRouteFailsAgainstAnHonestSideThatCanAffordArbitration() {
    var r = SettlementCorruption.viaEscalation(1e6, 1, 100, 10, 50);
    assertThat(r.honestCapitalUsed()).isEqualTo(2 + 8 + 32);
    assertThat(r.arbitrationRequested()).isTrue();
    assertThat(r.attackerWins()).isFalse();
    assertThat(r.attackerCapital()).isEqualTo(1 + 4 + 16 + 64);
    assertThat(r.net()).isEqualTo(-85);
  }

  @Test
  void theEscalationRouteAgainstAPoorHonestSideMatchesTheRealGame() {
    var r = SettlementCorruption.viaEscalation(0, 1, 5, 10, 50);
    assertThat(r.attackerWins()).isTrue();
    assertThat(r.attackerAnswers()).isEqualTo(2);
    // Play it on the real game: attacker answers 1, honest 2, attacker 4, then the honest side stops.
    TokenBook book = new TokenBook();
    Token eth = Token.ETH;
    AccountId attacker = AccountId.of("attacker");
    AccountId honest = AccountId.of("honest");
    book.mint(eth, attacker, Amount.of(100));
    book.mint(eth, honest, Amount.of(5));
    EscalationGame game = new EscalationGame(book, eth, AccountId.of("escrow"), AccountId.of("fees"), AccountId.of("arb"),
        new EscalationConfig(Duration.ofHours(24), Amount.ONE, Amount.of(10)));
    RequestKey key = new RequestKey("ETH/USD", T0, "s");
    game.ask(key, honest, Amount.ZERO, T0);
    Answer wrong = Answer.value(Price.of(1));
    Answer right = Answer.value(Price.of(2000));
    game.answer(key, attacker, wrong, Amount.of(1), null, T0);
    game.answer(key, honest, right, Amount.of(2), null, T0.plusSeconds(1));
    game.answer(key, attacker, wrong, Amount.of(4), null, T0.plusSeconds(2));
    game.claim(key, T0.plusSeconds(2).plus(Duration.ofHours(24)));
    double actualNet = book.balanceOf(attacker, eth).toDouble() - 100;
    assertThat(r.net()).isCloseTo(actualNet, within(1e-12));
    assertThat(book.balanceOf(attacker, eth)).isEqualTo(Amount.of("101.925"));
  }
}
