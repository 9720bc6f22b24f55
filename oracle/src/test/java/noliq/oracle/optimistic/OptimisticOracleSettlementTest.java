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
import noliq.math.Amount;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.vote.TokenVote;
import org.junit.jupiter.api.Test;

/**
 * Settlement details of OptimisticOracleV2 not covered by the worked examples: the reward of a
 * disputed request goes to the side the vote proves right (OOv2 settle pays {@code bond + unburned
 * half + finalFee + reward} to the dispute's winner); a settled request keeps its answer; only a
 * deleted vote abandons a request.
 */
class OptimisticOracleSettlementTest {
  final TokenBook book = new TokenBook();
  final OptimisticConfig config = OptimisticConfig.uma(Amount.of(8_500), Amount.of(1_500));
  TokenVote vote;
  OptimisticOracle oo;

  void setUp() {
    vote = OptimisticOracleTest.fundedVote(book);
    oo = new OptimisticOracle(book, USDC, ESCROW, STORE, vote, config);
  }

  /** Alice proposes 3000 with a reward of 10 escrowed, Bob disputes, the vote decides {@code truth}. */
  Instant disputeAndDecide(Answer truth) {
    assertThat(oo.request(KEY, REQUESTER, Amount.of(10), MATURITY))
        .isEqualTo(new OptimisticEvent.Requested(KEY, REQUESTER, Amount.of(10), MATURITY));
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    oo.dispute(KEY, BOB, MATURITY.plusSeconds(60));
    assertThat(oo.abandoned(KEY)).isFalse();
    Instant round = vote.roundStart(KEY);
    vote.commit(KEY, VOTER, TokenVote.commitment(KEY, 1, VOTER, truth, 1L), round);
    vote.reveal(KEY, VOTER, truth, 1L, round.plus(Duration.ofHours(24)));
    Instant end = round.plus(Duration.ofHours(48));
    vote.resolve(KEY, end);
    return end;
  }

  @Test
  void theRewardOfADisputedRequestGoesToTheDisputerWhenTheVoteProvesItRight() {
    setUp();
    Instant end = disputeAndDecide(X_2000);
    assertThat(oo.abandoned(KEY)).isFalse(); // decided, not deleted
    oo.settle(KEY, end);
    // Bob: 8,500 + 4,250 + 1,500 = 14,250 and the 10 reward, on top of the 90,000 he kept
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(90_000 + 14_250 + 10));
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(90_000));
    assertThat(book.balanceOf(REQUESTER, USDC)).isEqualTo(Amount.of(99_990));
  }

  @Test
  void theRewardOfADisputedRequestGoesToTheProposerWhenTheVoteProvesItRight() {
    setUp();
    Instant end = disputeAndDecide(X_3000);
    oo.settle(KEY, end);
    assertThat(book.balanceOf(ALICE, USDC)).isEqualTo(Amount.of(90_000 + 14_250 + 10));
    assertThat(book.balanceOf(BOB, USDC)).isEqualTo(Amount.of(90_000));
  }

  @Test
  void aSettledRequestKeepsItsAnswerAndRequireFinalSaysWhyThereIsNone() {
    setUp();
    assertThat(oo.config()).isEqualTo(config);
    assertThat(oo.currency()).isEqualTo(USDC);
    assertThat(oo.escrow()).isEqualTo(ESCROW);
    assertThat(oo.store()).isEqualTo(STORE);
    oo.request(KEY, REQUESTER, Amount.ZERO, MATURITY);
    assertThat(oo.abandoned(KEY)).isFalse();
    assertThatThrownBy(() -> oo.requireFinal(KEY, MATURITY))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.NotFinal.class))
        .hasMessageContaining("(REQUESTED)");
    oo.propose(KEY, ALICE, X_3000, MATURITY);
    Instant expiry = MATURITY.plus(Duration.ofHours(2));
    assertThat(oo.requireFinal(KEY, expiry)).isEqualTo(X_3000);
    oo.settle(KEY, expiry);
    // settled: the answer stands whatever time is asked about
    assertThat(oo.finalAnswer(KEY, MATURITY)).contains(X_3000);
    assertThat(oo.requireFinal(KEY, MATURITY)).isEqualTo(X_3000);
    assertThat(oo.abandoned(KEY)).isFalse();
  }
}
