package noliq.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.options.IndexId;
import noliq.options.InvalidPolicy;
import noliq.options.Leg;
import noliq.options.OptionsError;
import noliq.options.OptionsException;
import noliq.options.OptionsLedger;
import noliq.options.ReportedResolutions;
import noliq.options.Resolution;
import noliq.options.Series;
import noliq.options.SeriesId;
import noliq.oracle.escalation.EscalationConfig;
import noliq.oracle.escalation.EscalationGame;
import noliq.oracle.optimistic.OptimisticConfig;
import noliq.oracle.optimistic.OptimisticOracle;
import noliq.oracle.vote.TokenVote;
import noliq.oracle.vote.VoteConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A P/N series settles through a slow oracle, and only once the oracle's value is final. */
class SettlementPortTest {
  static final Token USDC = new Token("USDC");
  static final Token UMA = new Token("UMA");
  static final AccountId ALICE = AccountId.of("alice");
  static final AccountId PROPOSER = AccountId.of("proposer");
  static final AccountId DISPUTER = AccountId.of("disputer");
  static final AccountId VOTER = AccountId.of("voter");
  static final Instant MATURITY = Instant.parse("2026-12-25T08:00:00Z");
  static final Series SERIES = Series.pn(new IndexId("ETH/USD"), Price.of(2000), MATURITY);

  TokenBook book;
  TokenVote vote;
  OptimisticOracle oo;
  SeriesId id;
  RequestKey key;

  OptionsLedger ledgerWith(SettlementPort port) {
    OptionsLedger ledger = new OptionsLedger(book, port);
    id = ledger.list(SERIES);
    ledger.deposit(ALICE, Amount.of(10));
    ledger.split(ALICE, id, Amount.of(4), MATURITY.minus(Duration.ofDays(30)));
    return ledger;
  }

  @BeforeEach
  void setUp() {
    book = new TokenBook();
    vote = new TokenVote(book, UMA, AccountId.of("dvm:pool"), AccountId.of("dvm:treasury"), VoteConfig.uma(Amount.of(1_000)));
    oo = new OptimisticOracle(book, USDC, AccountId.of("oo:escrow"), AccountId.of("uma:store"), vote,
        OptimisticConfig.uma(Amount.of(500), Amount.of(250)));
    book.mint(Token.ETH, ALICE, Amount.of(10));
    book.mint(USDC, PROPOSER, Amount.of(10_000));
    book.mint(USDC, DISPUTER, Amount.of(10_000));
    book.mint(UMA, VOTER, Amount.of(5_000));
    vote.stake(VOTER, Amount.of(5_000), MATURITY);
    key = SettlementPort.keyOf(SERIES);
  }

  void refusedAsNotFinal(OptionsLedger ledger, Instant now) {
    TokenBook.Snapshot before = book.snapshot();
    assertThatThrownBy(() -> ledger.settle(id, now))
        .isInstanceOfSatisfying(OptionsException.class, e -> assertThat(e.error()).isInstanceOf(OptionsError.NotFinalized.class));
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(ledger.settlement(id)).isEmpty();
  }

  @Test
  void theRequestIsNamedByIndexMaturityAndSeries() {
    assertThat(key).isEqualTo(new RequestKey("ETH/USD", MATURITY, SERIES.id().hex()));
  }

  @Test
  void aSeriesSettlesOnlyAfterTheLivenessWindow() {
    OptionsLedger ledger = ledgerWith(SettlementPort.halfHalf(oo));
    refusedAsNotFinal(ledger, MATURITY); // not even requested
    oo.request(key, ALICE, Amount.ZERO, MATURITY);
    refusedAsNotFinal(ledger, MATURITY);
    oo.propose(key, PROPOSER, Answer.value(Price.of(2500)), MATURITY.plusSeconds(60));
    Instant expiry = MATURITY.plusSeconds(60).plus(Duration.ofHours(2));
    refusedAsNotFinal(ledger, expiry.minusSeconds(1));

    var settled = ledger.settle(id, expiry);
    assertThat(settled.resolution()).isEqualTo(new Resolution.Value(Price.of(2500)));
    assertThat(ledger.redeem(ALICE, id, Leg.P, Amount.of(1), expiry).payout()).isEqualTo(Amount.of("0.8"));
    assertThat(ledger.redeem(ALICE, id, Leg.N, Amount.of(1), expiry).payout()).isEqualTo(Amount.of("0.2"));
  }

  @Test
  void aDisputedSeriesWaitsForTheVoteAndSettlesAtItsAnswer() {
    OptionsLedger ledger = ledgerWith(SettlementPort.halfHalf(oo));
    oo.request(key, ALICE, Amount.ZERO, MATURITY);
    oo.propose(key, PROPOSER, Answer.value(Price.of(4000)), MATURITY);
    oo.dispute(key, DISPUTER, MATURITY.plusSeconds(600));
    refusedAsNotFinal(ledger, MATURITY.plus(Duration.ofHours(3)));
    Answer truth = Answer.value(Price.of(1600));
    // the vote runs in the next round of the fixed 48 h grid: 2026-12-27T00:00Z, 40 h after maturity
    Instant round = vote.roundStart(key);
    assertThat(round).isEqualTo(Instant.parse("2026-12-27T00:00:00Z"));
    refusedAsNotFinal(ledger, round.minusSeconds(1));
    vote.commit(key, VOTER, TokenVote.commitment(key, 1, VOTER, truth, 1L), round.plusSeconds(1));
    vote.reveal(key, VOTER, truth, 1L, round.plus(Duration.ofHours(24)));
    refusedAsNotFinal(ledger, round.plus(Duration.ofHours(47)));
    vote.resolve(key, round.plus(Duration.ofHours(48)));
    ledger.settle(id, round.plus(Duration.ofHours(48)));
    // Below the strike P takes the whole ETH.
    assertThat(ledger.settlement(id).orElseThrow().pPerUnit()).isEqualTo(Amount.ONE);
  }

  @Test
  void aDeletedVoteLeavesNoAnswerAndTheLedgerTimeoutPaysTheInvalidPolicy() {
    OptionsLedger ledger = ledgerWith(SettlementPort.halfHalf(oo));
    oo.request(key, ALICE, Amount.ZERO, MATURITY);
    oo.propose(key, PROPOSER, Answer.value(Price.of(4000)), MATURITY);
    oo.dispute(key, DISPUTER, MATURITY.plusSeconds(600));
    Instant t = vote.roundStart(key);
    for (int round = 1; round <= vote.config().maxRounds(); round++) {
      t = t.plus(vote.config().roundLength());
      vote.resolve(key, t); // nobody votes: 5 rounds miss GAT, then the question is deleted
    }
    assertThat(oo.abandoned(key)).isTrue();
    refusedAsNotFinal(ledger, t.plus(Duration.ofDays(10)));
    Instant timeout = MATURITY.plus(ledger.settlementTimeout());
    refusedAsNotFinal(ledger, timeout.minusSeconds(1));
    ledger.settle(id, timeout);
    assertThat(ledger.settledByTimeout(id)).isTrue();
    // the truth was 1,600, below the 2,000 strike: P should have had 1 ETH; the lapse pays it 1/2.
    // A P holder loses 0.5 ETH per P (800 USD at the truth), N gains it, and both waited 30 days for it.
    assertThat(ledger.redeem(ALICE, id, Leg.P, Amount.of(4), timeout).payout()).isEqualTo(Amount.of(2));
    assertThat(ledger.redeem(ALICE, id, Leg.N, Amount.of(4), timeout).payout()).isEqualTo(Amount.of(2));
  }

  @Test
  void anInvalidAnswerSettlesHalfAndHalfOrWaitsForTheFallback() {
    OptionsLedger ledger = ledgerWith(SettlementPort.halfHalf(oo));
    oo.request(key, ALICE, Amount.ZERO, MATURITY);
    oo.propose(key, PROPOSER, Answer.INVALID, MATURITY);
    ledger.settle(id, MATURITY.plus(Duration.ofHours(2)));
    assertThat(ledger.settlement(id).orElseThrow().pPerUnit()).isEqualTo(Amount.of("0.5"));

    setUp();
    ReportedResolutions heavier = new ReportedResolutions();
    OptionsLedger fallbackLedger = ledgerWith(new SettlementPort(oo, InvalidPolicy.FALLBACK, heavier));
    oo.request(key, ALICE, Amount.ZERO, MATURITY);
    oo.propose(key, PROPOSER, Answer.INVALID, MATURITY);
    refusedAsNotFinal(fallbackLedger, MATURITY.plus(Duration.ofDays(3)));
    heavier.report(SERIES, new Resolution.Value(Price.of(3000)));
    fallbackLedger.settle(id, MATURITY.plus(Duration.ofDays(3)));
    assertThat(fallbackLedger.settlement(id).orElseThrow().resolution()).isEqualTo(new Resolution.Value(Price.of(3000)));
  }

  @Test
  void anInvalidAnswerSettlesAThirdOutcomeSeriesPayingI() {
    Series third = Series.pn(new IndexId("ETH/USD"), Price.of(2000), MATURITY, InvalidPolicy.THIRD_OUTCOME);
    OptionsLedger ledger = new OptionsLedger(book, SettlementPort.halfHalf(oo));
    SeriesId tid = ledger.list(third);
    ledger.deposit(ALICE, Amount.of(10));
    ledger.split(ALICE, tid, Amount.of(4), MATURITY.minus(Duration.ofDays(30)));
    RequestKey thirdKey = SettlementPort.keyOf(third);
    assertThat(thirdKey).isNotEqualTo(key); // another series, another question
    oo.request(thirdKey, ALICE, Amount.ZERO, MATURITY);
    oo.propose(thirdKey, PROPOSER, Answer.INVALID, MATURITY);
    Instant expiry = MATURITY.plus(Duration.ofHours(2));

    var settled = ledger.settle(tid, expiry);
    assertThat(settled.resolution()).isEqualTo(new Resolution.Invalid(InvalidPolicy.THIRD_OUTCOME));
    assertThat(ledger.redeem(ALICE, tid, Leg.I, Amount.of(4), expiry).payout()).isEqualTo(Amount.of(4));
    assertThat(ledger.redeem(ALICE, tid, Leg.P, Amount.of(4), expiry).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.redeem(ALICE, tid, Leg.N, Amount.of(4), expiry).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.locked(tid)).isEqualTo(Amount.ZERO);
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.of(20)); // all she had: 10 + 10 deposited
  }

  @Test
  void fallbackOnEitherSideSendsAnInvalidAnswerToTheHeavierOracle() {
    // A FALLBACK series behind a port without a fallback oracle waits: INVALID is not final for it.
    Series fallbackSeries = SERIES.withInvalidPolicy(InvalidPolicy.FALLBACK);
    RequestKey fallbackKey = SettlementPort.keyOf(fallbackSeries);
    oo.request(fallbackKey, ALICE, Amount.ZERO, MATURITY);
    oo.propose(fallbackKey, PROPOSER, Answer.INVALID, MATURITY);
    assertThat(SettlementPort.halfHalf(oo).finalResolution(fallbackSeries, MATURITY.plus(Duration.ofDays(3)))).isEmpty();

    // A third-outcome series behind a FALLBACK port settles on the heavier oracle's word; its
    // own INVALID is final and pays I.
    Series third = SERIES.withInvalidPolicy(InvalidPolicy.THIRD_OUTCOME);
    RequestKey thirdKey = SettlementPort.keyOf(third);
    ReportedResolutions heavier = new ReportedResolutions();
    SettlementPort port = SettlementPort.withFallback(oo, heavier);
    oo.request(thirdKey, ALICE, Amount.ZERO, MATURITY);
    oo.propose(thirdKey, PROPOSER, Answer.INVALID, MATURITY);
    Instant later = MATURITY.plus(Duration.ofDays(3));
    assertThat(port.finalResolution(third, later)).isEmpty();
    heavier.report(third, new Resolution.Invalid(InvalidPolicy.THIRD_OUTCOME));
    OptionsLedger ledger = new OptionsLedger(book, port);
    SeriesId tid = ledger.list(third);
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, tid, Amount.of(1), MATURITY.minus(Duration.ofDays(1)));
    ledger.settle(tid, later);
    assertThat(ledger.settlement(tid).orElseThrow().iPerUnit()).isEqualTo(Amount.ONE);
  }

  @Test
  void aSeriesSettlesThroughTheEscalationGameOnceItsTimeoutPasses() {
    EscalationGame game = new EscalationGame(book, USDC, AccountId.of("reality:escrow"), AccountId.of("reality:fees"),
        AccountId.of("arbitrator"), new EscalationConfig(Duration.ofHours(24), Amount.of(10), Amount.of(100)));
    OptionsLedger ledger = ledgerWith(SettlementPort.halfHalf(game));
    game.ask(key, ALICE, Amount.ZERO, MATURITY);
    game.answer(key, PROPOSER, Answer.value(Price.of(9000)), Amount.of(10), null, MATURITY);
    game.answer(key, DISPUTER, Answer.value(Price.of(4000)), Amount.of(20), null, MATURITY.plus(Duration.ofHours(5)));
    refusedAsNotFinal(ledger, MATURITY.plus(Duration.ofHours(28)));
    ledger.settle(id, MATURITY.plus(Duration.ofHours(29)));
    // x = 4000, strike 2000: P gets 1/2.
    assertThat(ledger.settlement(id).orElseThrow().pPerUnit()).isEqualTo(Amount.of("0.5"));
  }

  @Test
  void theFallbackOracleIsRequiredExactlyForTheFallbackPolicy() {
    assertThatThrownBy(() -> new SettlementPort(oo, InvalidPolicy.FALLBACK, null))
        .hasMessage("fallback: is required by the FALLBACK policy");
    assertThatThrownBy(() -> new SettlementPort(oo, InvalidPolicy.HALF_HALF, new ReportedResolutions()))
        .hasMessage("fallback: is only used by the FALLBACK policy");
  }
}
