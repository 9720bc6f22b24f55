package noliq.oracle.optimistic;

import static noliq.oracle.optimistic.OptimisticOracleTest.ALICE;
import static noliq.oracle.optimistic.OptimisticOracleTest.BOB;
import static noliq.oracle.optimistic.OptimisticOracleTest.ESCROW;
import static noliq.oracle.optimistic.OptimisticOracleTest.KEY;
import static noliq.oracle.optimistic.OptimisticOracleTest.MATURITY;
import static noliq.oracle.optimistic.OptimisticOracleTest.REQUESTER;
import static noliq.oracle.optimistic.OptimisticOracleTest.STORE;
import static noliq.oracle.optimistic.OptimisticOracleTest.USDC;
import static noliq.oracle.optimistic.OptimisticOracleTest.VOTER;
import static noliq.oracle.optimistic.OptimisticOracleTest.X_2000;
import static noliq.oracle.optimistic.OptimisticOracleTest.X_3000;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.math.Amount;
import noliq.math.book.TokenBook;
import noliq.math.testing.AbortedTransactions;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.vote.TokenVote;
import org.junit.jupiter.api.Test;

/**
 * The optimistic oracle is all-or-nothing, alone and inside a caller's transaction (the options
 * ledger requests and settles inside its own): when a step fails after the oracle changed its
 * state, the request, the events and the book all return to where they were. And the burned half
 * of an odd bond rounds down, as OptimisticOracleV2._computeBurnedBond's {@code bond / 2} does.
 */
class OptimisticOracleRollbackTest {
  final TokenBook book = new TokenBook();
  TokenVote vote;
  OptimisticOracle oo;

  void setUp(OptimisticConfig config) {
    vote = OptimisticOracleTest.fundedVote(book);
    oo = new OptimisticOracle(book, USDC, ESCROW, STORE, vote, config);
  }

  void setUp() {
    setUp(OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500)));
  }

  record Seen(TokenBook.Snapshot book, int events, Amount escrowed, List<OptimisticOracle.Request> request) {}

  Seen seen() {
    List<OptimisticOracle.Request> r;
    try {
      r = List.of(oo.get(KEY));
    } catch (OracleException e) {
      r = List.of();
    }
    return new Seen(book.snapshot(), oo.events().size(), oo.escrowed(), r);
  }

  void abortedAfter(Runnable op) {
    AbortedTransactions.assertAbortLeavesUnchanged(book, this::seen, op);
  }

  @Test
  void anAbortedRequestLeavesNoRequest() {
    setUp();
    abortedAfter(() -> oo.request(KEY, REQUESTER, Amount.of(10), MATURITY));
    assertThatThrownBy(() -> oo.get(KEY))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.UnknownRequest.class));
    // and it can be made for real, once
    oo.request(KEY, REQUESTER, Amount.of(10), MATURITY);
    assertThat(oo.events()).hasSize(1);
    assertThat(oo.escrowed()).isEqualTo(Amount.of(10));
  }

  @Test
  void anAbortedProposalLeavesTheRequestOpen() {
    setUp();
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    abortedAfter(() -> oo.propose(KEY, ALICE, X_3000, MATURITY));
    assertThat(oo.state(KEY, MATURITY.plus(Duration.ofDays(1)))).isEqualTo(RequestState.REQUESTED);
    assertThat(oo.finalAnswer(KEY, MATURITY.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aDisputeWhoseEscalationIsRefusedChangesNothing() {
    // the vote already holds a question on KEY: the dispute's escalation is refused after the dispute
    // was recorded and the store paid, and all of it must be undone
    setUp();
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    vote.escalate(KEY, MATURITY);
    Seen before = seen();
    assertThatThrownBy(() -> oo.dispute(KEY, BOB, MATURITY.plusSeconds(5)))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.DuplicateRequest.class));
    assertThat(seen()).isEqualTo(before);
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.ZERO);
    // the proposal stands undisputed and becomes final at the end of its liveness
    Instant expiry = MATURITY.plus(Duration.ofHours(2));
    assertThat(oo.finalAnswer(KEY, expiry)).contains(X_3000);
  }

  @Test
  void anAbortedSettlementPaysNothingAndCanBeMadeAgain() {
    setUp();
    oo.request(KEY, REQUESTER, Amount.of(10), MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    Instant expiry = MATURITY.plus(Duration.ofHours(2));
    abortedAfter(() -> oo.settle(KEY, expiry));
    assertThat(oo.state(KEY, expiry)).isEqualTo(RequestState.EXPIRED);
    oo.settle(KEY, expiry);
    // bond 8,500 + fee 1,500 back and the 10 reward
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(100_010));
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.ZERO);
  }

  @Test
  void theBurnedHalfOfAnOddBondRoundsDown() {
    // OptimisticOracleV2: burnedBond = bond / 2 in integer division; with a 3-wei bond and no final fee
    // the store takes 1 wei at the dispute, and the winner gets 3 + (3 - 1) = 5 wei at settlement
    setUp(OptimisticConfig.uma(Amount.ofWei(3), Amount.ZERO));
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    oo.dispute(KEY, BOB, MATURITY.plusSeconds(1));
    assertThat(oo.storeFeeAtDispute()).isEqualTo(Amount.ofWei(1));
    assertThat(book.balanceOf(STORE, USDC)).isEqualTo(Amount.ofWei(1));
    assertThat(oo.escrowed()).isEqualTo(Amount.ofWei(5)).isEqualTo(book.balanceOf(ESCROW, USDC));
    Instant round = vote.roundStart(KEY);
    vote.commit(KEY, VOTER, TokenVote.commitment(KEY, 1, VOTER, X_2000, 1L), round);
    vote.reveal(KEY, VOTER, X_2000, 1L, round.plus(Duration.ofHours(24)));
    Instant end = round.plus(Duration.ofHours(48));
    vote.resolve(KEY, end);
    oo.settle(KEY, end);
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(100_000).plus(Amount.ofWei(2)));
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(100_000).minus(Amount.ofWei(3)));
    assertThat(book.balanceOf(ESCROW, USDC)).isEqualTo(Amount.ZERO);
  }
}
