package noliq.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.InsufficientBalance;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptionsLedgerTest {
  private static final AccountId ALICE = AccountId.of("alice");
  private static final AccountId BOB = AccountId.of("bob");
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant MATURITY = Instant.parse("2026-07-31T08:00:00Z");

  private TokenBook book;
  private ReportedResolutions oracle;
  private List<LedgerEvent> events;
  private OptionsLedger ledger;
  private Series series;
  private SeriesId id;

  @BeforeEach
  void setUp() {
    book = new TokenBook();
    oracle = new ReportedResolutions();
    events = new ArrayList<>();
    ledger = new OptionsLedger(book, oracle, events::add);
    series = Series.pn(IndexId.ETH_USD, Price.of(1500), MATURITY);
    id = ledger.list(series);
  }

  @Test
  void theProposalsLifecycle() {
    ledger.deposit(ALICE, Amount.of(10));
    ledger.split(ALICE, id, Amount.of(10), T0);
    assertThat(ledger.locked(id)).isEqualTo(Amount.of(10));
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.ZERO);
    // Alice keeps P (the stable side) and sells N to Bob.
    ledger.transfer(ALICE, BOB, series.nToken(), Amount.of(10));
    oracle.report(series, new Resolution.Value(Price.of(2500)));
    ledger.settle(id, MATURITY);
    var p = ledger.redeem(ALICE, id, Leg.P, Amount.of(10), MATURITY);
    var n = ledger.redeem(BOB, id, Leg.N, Amount.of(10), MATURITY);
    assertThat(p.payout()).isEqualTo(Amount.of(6)); // 0.6 ETH each, worth 1500 USD at x = 2500
    assertThat(n.payout()).isEqualTo(Amount.of(4));
    assertThat(ledger.locked(id)).isEqualTo(Amount.ZERO);
    assertThat(book.totalSupply(series.pToken())).isEqualTo(Amount.ZERO);
    assertThat(events).hasSize(7).first().isInstanceOf(LedgerEvent.SeriesListed.class);
    assertThat(events.get(4)).isEqualTo(new LedgerEvent.Settled(id, new Resolution.Value(Price.of(2500)),
        Amount.of("0.6"), Amount.of("0.4"), MATURITY));
  }

  @Test
  void mergeWorksBeforeAndAfterSettlementAndSplitThenMergeIsTheIdentity() {
    ledger.deposit(ALICE, Amount.of(3));
    var before = book.snapshot();
    ledger.split(ALICE, id, Amount.of("1.25"), T0);
    ledger.merge(ALICE, id, Amount.of("1.25"), T0);
    assertThat(book.snapshot()).isEqualTo(before);
    ledger.split(ALICE, id, Amount.of(2), T0);
    oracle.report(series, new Resolution.Value(Price.of(1000)));
    ledger.settle(id, MATURITY.plusSeconds(3600));
    ledger.merge(ALICE, id, Amount.of(1), MATURITY.plusSeconds(7200));
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.of(2));
    // Below the strike P takes everything and N nothing.
    assertThat(ledger.redeem(ALICE, id, Leg.P, Amount.of(1), MATURITY.plusSeconds(7200)).payout()).isEqualTo(Amount.of(1));
    assertThat(ledger.redeem(ALICE, id, Leg.N, Amount.of(1), MATURITY.plusSeconds(7200)).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.locked(id)).isEqualTo(Amount.ZERO);
  }

  @Test
  void invalidResolutionPaysHalfAndHalf() {
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, id, Amount.of(1), T0);
    oracle.report(series, new Resolution.Invalid(InvalidPolicy.HALF_HALF));
    ledger.settle(id, MATURITY);
    assertThat(ledger.redeem(ALICE, id, Leg.P, Amount.of(1), MATURITY).payout()).isEqualTo(Amount.of("0.5"));
    assertThat(ledger.redeem(ALICE, id, Leg.N, Amount.of(1), MATURITY).payout()).isEqualTo(Amount.of("0.5"));
  }

  @Test
  void anInvalidResolutionUnderTheFallbackPolicyIsNotFinalAndChangesNothing() {
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, id, Amount.of(1), T0);
    oracle.report(series, new Resolution.Invalid(InvalidPolicy.FALLBACK));
    var before = book.snapshot();
    assertThatThrownBy(() -> ledger.settle(id, MATURITY))
        .isInstanceOfSatisfying(OptionsException.class, e -> assertThat(e.error()).isInstanceOf(OptionsError.NotFinalized.class));
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(ledger.settlement(id)).isEmpty();
  }

  @Test
  void roundingDustStaysLockedAndNeverOverpays() {
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, id, Amount.of(1), T0);
    ledger.transfer(ALICE, BOB, series.nToken(), Amount.of(1));
    oracle.report(series, new Resolution.Value(Price.of(7000))); // P gets 1500/7000, not exact
    ledger.settle(id, MATURITY);
    Amount paid = Amount.ZERO;
    for (int i = 0; i < 7; i++) { // redeem in odd slices so each payout rounds down
      paid = paid.plus(ledger.redeem(ALICE, id, Leg.P, Amount.ofWei(142857142857142857L), MATURITY).payout());
      paid = paid.plus(ledger.redeem(BOB, id, Leg.N, Amount.ofWei(142857142857142857L), MATURITY).payout());
    }
    assertThat(paid.plus(ledger.locked(id))).isEqualTo(Amount.of(1));
    assertThat(ledger.locked(id).compareTo(ledger.claimable(id))).isGreaterThanOrEqualTo(0);
    assertThat(ledger.locked(id).wei().longValue()).isBetween(1L, 20L);
  }

  @Test
  void everyRefusalIsTypedClearAndChangesNothing() {
    ledger.deposit(ALICE, Amount.of(2));
    ledger.split(ALICE, id, Amount.of(1), T0);
    SeriesId unknown = Series.pn(IndexId.ETH_USD, Price.of(999), MATURITY).id();

    refused(() -> ledger.deposit(ALICE, Amount.ZERO), OptionsError.NonPositiveAmount.class, "amount: must be positive (was 0)");
    refused(() -> ledger.split(ALICE, id, Amount.ZERO, T0), OptionsError.NonPositiveAmount.class, "amount: must be positive (was 0)");
    refused(() -> ledger.split(ALICE, unknown, Amount.ONE, T0), OptionsError.UnknownSeries.class, "series: no series " + unknown + " is listed");
    refused(() -> ledger.merge(ALICE, unknown, Amount.ONE, T0), OptionsError.UnknownSeries.class, null);
    refused(() -> ledger.settle(unknown, MATURITY), OptionsError.UnknownSeries.class, null);
    refused(() -> ledger.transfer(ALICE, BOB, new Token("P:deadbeef"), Amount.ONE), OptionsError.UnknownToken.class,
        "token: is not ETH nor a leg of a listed series (was P:deadbeef)");
    refused(() -> ledger.settle(id, MATURITY.minusSeconds(1)), OptionsError.NotMatured.class, null);
    refused(() -> ledger.settle(id, MATURITY), OptionsError.NotFinalized.class,
        "oracle: has no final value for series " + id + " yet; settle after the oracle finalises");
    refused(() -> ledger.redeem(ALICE, id, Leg.P, Amount.ONE, MATURITY), OptionsError.NotSettled.class, null);
    insufficient(() -> ledger.withdraw(ALICE, Amount.of(2)));
    insufficient(() -> ledger.split(ALICE, id, Amount.of(2), T0));
    insufficient(() -> ledger.merge(BOB, id, Amount.ONE, T0));
    // Merge needs both legs: Alice holds 1 N but no P after giving P away.
    ledger.transfer(ALICE, BOB, series.pToken(), Amount.ONE);
    insufficient(() -> ledger.merge(ALICE, id, Amount.ONE, T0));
  }

  @Test
  void anAnswerOfZeroSettlesWithTheWholeEthToP() {
    // min(1, S/x) tends to 1 as x falls to 0: P gets 1 ETH, N nothing
    ledger.deposit(ALICE, Amount.of(3));
    ledger.split(ALICE, id, Amount.of(3), T0);
    ledger.transfer(ALICE, BOB, series.nToken(), Amount.of(3));
    oracle.report(series, new Resolution.Value(Price.ZERO));
    var settled = ledger.settle(id, MATURITY);
    assertThat(settled.pPerUnit()).isEqualTo(Amount.ONE);
    assertThat(settled.nPerUnit()).isEqualTo(Amount.ZERO);
    assertThat(ledger.redeem(ALICE, id, Leg.P, Amount.of(3), MATURITY).payout()).isEqualTo(Amount.of(3));
    assertThat(ledger.redeem(BOB, id, Leg.N, Amount.of(3), MATURITY).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.locked(id)).isEqualTo(Amount.ZERO);
  }

  @Test
  void aSettlementThatNeverArrivesLapsesToTheInvalidPolicyAfterTheTimeout() {
    assertThat(ledger.settlementTimeout()).isEqualTo(java.time.Duration.ofDays(30));
    ledger.deposit(ALICE, Amount.of(4));
    ledger.split(ALICE, id, Amount.of(4), T0);
    Instant deadline = MATURITY.plus(java.time.Duration.ofDays(30));
    refused(() -> ledger.settle(id, deadline.minusSeconds(1)), OptionsError.NotFinalized.class, null);
    var lapsed = ledger.settle(id, deadline);
    // HALF_HALF: whatever x was, P and N get 1/2 ETH each
    assertThat(lapsed.resolution()).isEqualTo(new Resolution.Invalid(InvalidPolicy.HALF_HALF));
    assertThat(lapsed.pPerUnit()).isEqualTo(Amount.ofWei(java.math.BigInteger.TEN.pow(18).shiftRight(1)));
    assertThat(lapsed.nPerUnit()).isEqualTo(lapsed.pPerUnit());
    assertThat(ledger.settledByTimeout(id)).isTrue();

    // a third-outcome series lapses to I; a FALLBACK series, its heavier oracle silent too, to 1/2 and 1/2
    Series third = Series.pn(IndexId.ETH_USD, Price.of(1600), MATURITY, InvalidPolicy.THIRD_OUTCOME);
    ledger.list(third);
    var t = ledger.settle(third.id(), deadline);
    assertThat(t.iPerUnit()).isEqualTo(Amount.ONE);
    assertThat(t.pPerUnit()).isEqualTo(Amount.ZERO);
    Series fallback = Series.pn(IndexId.ETH_USD, Price.of(1700), MATURITY, InvalidPolicy.FALLBACK);
    ledger.list(fallback);
    oracle.report(fallback, new Resolution.Invalid(InvalidPolicy.FALLBACK));
    refused(() -> ledger.settle(fallback.id(), deadline.minusSeconds(1)), OptionsError.NotFinalized.class, null);
    assertThat(ledger.settle(fallback.id(), deadline).pPerUnit()).isEqualTo(lapsed.pPerUnit());

    // an answer that exists when settle is first called wins, even past the timeout
    Series late = Series.pn(IndexId.ETH_USD, Price.of(1800), MATURITY);
    ledger.list(late);
    oracle.report(late, new Resolution.Value(Price.of(2400)));
    var answered = ledger.settle(late.id(), deadline.plusSeconds(60));
    assertThat(answered.pPerUnit()).isEqualTo(Amount.ofWei(new java.math.BigInteger("750000000000000000"))); // 1800 / 2400
    assertThat(ledger.settledByTimeout(late.id())).isFalse();
  }

  @Test
  void settlesOnlyOnceAndListingIsIdempotent() {
    oracle.report(series, new Resolution.Value(Price.of(2000)));
    ledger.settle(id, MATURITY);
    refused(() -> ledger.settle(id, MATURITY.plusSeconds(1)), OptionsError.AlreadySettled.class,
        "series: series " + id + " is already settled; it settles once");
    int eventsBefore = events.size();
    assertThat(ledger.list(Series.pn(IndexId.ETH_USD, Price.of(1500), MATURITY))).isEqualTo(id);
    assertThat(events).hasSize(eventsBefore);
    assertThatThrownBy(() -> oracle.report(series, new Resolution.Value(Price.of(1))))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("series: already has a reported resolution");
  }

  // ---- the third outcome: P, N and I -------------------------------------------------------

  private Series third() {
    return Series.pn(IndexId.ETH_USD, Price.of(1500), MATURITY, InvalidPolicy.THIRD_OUTCOME);
  }

  @Test
  void aThirdOutcomeSeriesSplitsIntoThreeLegsAndMergesOnlyAFullSet() {
    Series t = third();
    SeriesId tid = ledger.list(t);
    assertThat(tid).isNotEqualTo(id);
    ledger.deposit(ALICE, Amount.of(3));
    ledger.split(ALICE, tid, Amount.of(2), T0);
    for (Leg leg : Leg.values()) {
      assertThat(ledger.balance(ALICE, t.token(leg))).as("leg %s", leg).isEqualTo(Amount.of(2));
    }
    assertThat(ledger.locked(tid)).isEqualTo(Amount.of(2));
    assertThat(ledger.claimable(tid)).isEqualTo(Amount.of(2));
    // I trades like any leg; without it Alice no longer holds a full set.
    ledger.transfer(ALICE, BOB, t.iToken(), Amount.of("0.5"));
    assertThat(ledger.claimable(tid)).isEqualTo(Amount.of(2));
    insufficient(() -> ledger.merge(ALICE, tid, Amount.of(2), T0));
    var merged = ledger.merge(ALICE, tid, Amount.of("1.5"), T0);
    assertThat(merged).isEqualTo(new LedgerEvent.Merged(ALICE, tid, Amount.of("1.5")));
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.of("2.5"));
    assertThat(ledger.balance(ALICE, t.pToken())).isEqualTo(Amount.of("0.5"));
    assertThat(ledger.balance(ALICE, t.iToken())).isEqualTo(Amount.ZERO);
    assertThat(ledger.locked(tid)).isEqualTo(Amount.of("0.5"));
    // Split then merge is still the identity.
    var before = book.snapshot();
    ledger.split(ALICE, tid, Amount.of("0.75"), T0);
    ledger.merge(ALICE, tid, Amount.of("0.75"), T0);
    assertThat(book.snapshot()).isEqualTo(before);
  }

  @Test
  void aValidSettlementPaysPAndNByThePayoffAndINothing() {
    Series t = third();
    SeriesId tid = ledger.list(t);
    ledger.deposit(ALICE, Amount.of(10));
    ledger.split(ALICE, tid, Amount.of(10), T0);
    ledger.transfer(ALICE, BOB, t.iToken(), Amount.of(10));
    oracle.report(t, new Resolution.Value(Price.of(2500)));
    var settled = ledger.settle(tid, MATURITY);
    assertThat(settled).isEqualTo(new LedgerEvent.Settled(tid, new Resolution.Value(Price.of(2500)),
        Amount.of("0.6"), Amount.of("0.4"), Amount.ZERO, MATURITY));
    assertThat(ledger.claimable(tid)).isEqualTo(Amount.of(10));
    assertThat(ledger.redeem(ALICE, tid, Leg.P, Amount.of(10), MATURITY).payout()).isEqualTo(Amount.of(6));
    assertThat(ledger.redeem(ALICE, tid, Leg.N, Amount.of(10), MATURITY).payout()).isEqualTo(Amount.of(4));
    var i = ledger.redeem(BOB, tid, Leg.I, Amount.of(10), MATURITY);
    assertThat(i).isEqualTo(new LedgerEvent.Redeemed(BOB, tid, Leg.I, Amount.of(10), Amount.ZERO));
    assertThat(book.totalSupply(t.iToken())).isEqualTo(Amount.ZERO);
    assertThat(ledger.balance(BOB, Token.ETH)).isEqualTo(Amount.ZERO);
    assertThat(ledger.locked(tid)).isEqualTo(Amount.ZERO);
  }

  @Test
  void anInvalidSettlementPaysIExactlyOneEthAndPAndNNothing() {
    Series t = third();
    SeriesId tid = ledger.list(t);
    ledger.deposit(ALICE, Amount.of(4));
    ledger.split(ALICE, tid, Amount.of(4), T0);
    ledger.transfer(ALICE, BOB, t.iToken(), Amount.of(3));
    // The reporter names another terminal policy: the series' own policy governs and is recorded.
    oracle.report(t, new Resolution.Invalid(InvalidPolicy.HALF_HALF));
    var settled = ledger.settle(tid, MATURITY);
    assertThat(settled).isEqualTo(new LedgerEvent.Settled(tid, new Resolution.Invalid(InvalidPolicy.THIRD_OUTCOME),
        Amount.ZERO, Amount.ZERO, Amount.ONE, MATURITY));
    assertThat(ledger.settlement(tid).orElseThrow().perUnit(Leg.I)).isEqualTo(Amount.ONE);
    assertThat(ledger.claimable(tid)).isEqualTo(Amount.of(4));
    assertThat(ledger.redeem(BOB, tid, Leg.I, Amount.of(3), MATURITY).payout()).isEqualTo(Amount.of(3));
    assertThat(ledger.redeem(ALICE, tid, Leg.P, Amount.of(3), MATURITY).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.redeem(ALICE, tid, Leg.N, Amount.of(3), MATURITY).payout()).isEqualTo(Amount.ZERO);
    assertThat(ledger.claimable(tid)).isEqualTo(Amount.of(1));
    // Merge still works after settlement: Alice's last full set is worth 1 ETH either way.
    ledger.merge(ALICE, tid, Amount.of(1), MATURITY);
    assertThat(ledger.locked(tid)).isEqualTo(Amount.ZERO);
    assertThat(ledger.balance(ALICE, Token.ETH)).isEqualTo(Amount.of(1));
    assertThat(ledger.balance(BOB, Token.ETH)).isEqualTo(Amount.of(3));
  }

  @Test
  void theSeriesPolicyGovernsAndFallbackIsNeverFinal() {
    // A 50/50 series stays 50/50 whatever terminal policy the reporter names.
    oracle.report(series, new Resolution.Invalid(InvalidPolicy.THIRD_OUTCOME));
    var halves = ledger.settle(id, MATURITY);
    assertThat(halves.resolution()).isEqualTo(new Resolution.Invalid(InvalidPolicy.HALF_HALF));
    assertThat(List.of(halves.pPerUnit(), halves.nPerUnit(), halves.iPerUnit()))
        .containsExactly(Amount.of("0.5"), Amount.of("0.5"), Amount.ZERO);
    // A third-outcome series is not settled by an oracle that referred the question onwards.
    Series t = third();
    SeriesId tid = ledger.list(t);
    ledger.deposit(ALICE, Amount.of(1));
    ledger.split(ALICE, tid, Amount.of(1), T0);
    oracle.report(t, new Resolution.Invalid(InvalidPolicy.FALLBACK));
    refusedFor(tid, () -> ledger.settle(tid, MATURITY), OptionsError.NotFinalized.class,
        "oracle: has no final value for series " + tid + " yet; settle after the oracle finalises");
    // A FALLBACK series waits for a value even when the reporter says the question is finally invalid.
    Series fallback = series.withInvalidPolicy(InvalidPolicy.FALLBACK);
    SeriesId fid = ledger.list(fallback);
    oracle.report(fallback, new Resolution.Invalid(InvalidPolicy.HALF_HALF));
    refusedFor(fid, () -> ledger.settle(fid, MATURITY), OptionsError.NotFinalized.class, null);
  }

  @Test
  void theILegIsRefusedOnATwoLegSeriesAndRefusalsChangeNothing() {
    Series t = third();
    SeriesId tid = ledger.list(t);
    ledger.deposit(ALICE, Amount.of(2));
    ledger.split(ALICE, id, Amount.of(1), T0);
    ledger.split(ALICE, tid, Amount.of(1), T0);
    String noI = "leg: series " + id + " has no I leg: only a series listed with the THIRD_OUTCOME invalid policy"
        + " has I (this one's policy is HALF_HALF)";
    refused(() -> ledger.redeem(ALICE, id, Leg.I, Amount.ONE, MATURITY), OptionsError.NoSuchLeg.class, noI);
    refused(() -> ledger.transfer(ALICE, BOB, new Token("I:" + id.hex()), Amount.ONE), OptionsError.UnknownToken.class,
        "token: is not ETH nor a leg of a listed series (was I:" + id.hex() + ")");
    refusedFor(tid, () -> ledger.redeem(ALICE, tid, Leg.I, Amount.ONE, MATURITY), OptionsError.NotSettled.class, null);
    refusedFor(tid, () -> ledger.redeem(ALICE, tid, Leg.I, Amount.ZERO, MATURITY), OptionsError.NonPositiveAmount.class, null);
    insufficient(() -> ledger.split(ALICE, tid, Amount.of(2), T0));
    insufficient(() -> ledger.transfer(BOB, ALICE, t.iToken(), Amount.ONE));
    oracle.report(series, new Resolution.Value(Price.of(2000)));
    oracle.report(t, new Resolution.Invalid(InvalidPolicy.THIRD_OUTCOME));
    ledger.settle(id, MATURITY);
    ledger.settle(tid, MATURITY);
    refused(() -> ledger.redeem(ALICE, id, Leg.I, Amount.ONE, MATURITY), OptionsError.NoSuchLeg.class, noI);
    insufficient(() -> ledger.redeem(ALICE, tid, Leg.I, Amount.of(2), MATURITY));
    refusedFor(tid, () -> ledger.settle(tid, MATURITY), OptionsError.AlreadySettled.class, null);
  }

  private void refused(Executable op, Class<? extends OptionsError> reason, String message) {
    refusedFor(id, op, reason, message);
  }

  private void refusedFor(SeriesId id, Executable op, Class<? extends OptionsError> reason, String message) {
    var before = book.snapshot();
    var settled = ledger.settlement(id);
    var net = ledger.netDeposits();
    int eventCount = events.size();
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(OptionsException.class, op);
    assertThat(((OptionsException) thrown).error()).isInstanceOf(reason);
    if (message != null) {
      assertThat(thrown).hasMessage(message);
    }
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(ledger.settlement(id)).isEqualTo(settled);
    assertThat(ledger.netDeposits()).isEqualTo(net);
    assertThat(events).hasSize(eventCount);
  }

  private void insufficient(Executable op) {
    var before = book.snapshot();
    int eventCount = events.size();
    org.junit.jupiter.api.Assertions.assertThrows(InsufficientBalance.class, op);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(events).hasSize(eventCount);
  }
}
