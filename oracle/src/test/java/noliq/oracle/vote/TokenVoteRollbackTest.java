package noliq.oracle.vote;

import static noliq.oracle.vote.TokenVoteTest.A;
import static noliq.oracle.vote.TokenVoteTest.B;
import static noliq.oracle.vote.TokenVoteTest.C;
import static noliq.oracle.vote.TokenVoteTest.H24;
import static noliq.oracle.vote.TokenVoteTest.H48;
import static noliq.oracle.vote.TokenVoteTest.KEY;
import static noliq.oracle.vote.TokenVoteTest.NO;
import static noliq.oracle.vote.TokenVoteTest.POOL;
import static noliq.oracle.vote.TokenVoteTest.R1;
import static noliq.oracle.vote.TokenVoteTest.T0;
import static noliq.oracle.vote.TokenVoteTest.TREASURY;
import static noliq.oracle.vote.TokenVoteTest.UMA;
import static noliq.oracle.vote.TokenVoteTest.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.math.testing.AbortedTransactions;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vote is all-or-nothing inside a caller's transaction: the optimistic oracle escalates a dispute
 * inside its own {@code book.atomically}, and when a later step of that transaction fails, every
 * change the vote made (stakes, questions, commits, reveals, frozen thresholds, round, verdict,
 * events) must be undone with the book's balances. Each test runs one vote operation inside an outer
 * transaction that then fails, checks the vote looks exactly as before, and then checks the vote
 * still behaves as if the operation had never been tried.
 */
class TokenVoteRollbackTest {
  static final RequestKey OTHER = new RequestKey("ETH/USD", Instant.parse("2026-09-25T09:00:00Z"), "s2");
  /** The first round after T0 on the 48 h grid, as in TokenVoteTest. */

  TokenBook book;
  TokenVote vote;

  @BeforeEach
  void setUp() {
    book = new TokenBook();
    vote = new TokenVote(book, UMA, POOL, TREASURY, VoteConfig.uma(Amount.of(5_000_000)));
    book.mint(UMA, A, Amount.of(8_000_000));
    book.mint(UMA, B, Amount.of(2_000_000));
    book.mint(UMA, C, Amount.of(1_000_000));
    vote.stake(A, Amount.of(7_000_000), T0);
    vote.stake(B, Amount.of(2_000_000), T0);
    vote.stake(C, Amount.of(1_000_000), T0);
  }

  /** Everything the vote shows from outside, plus the book. */
  record Seen(TokenBook.Snapshot book, Amount a, Amount b, Amount c, Amount total, int events,
      Optional<Verdict> verdict, int round, Instant roundStart, Optional<Amount> frozenR1, Optional<Amount> frozenR2) {}

  Seen seen() {
    boolean open = vote.verdict(KEY).isPresent() || vote.events().stream().anyMatch(e -> e instanceof VoteEvent.Opened o && o.key().equals(KEY));
    return new Seen(book.snapshot(), vote.stakeOf(A), vote.stakeOf(B), vote.stakeOf(C), vote.totalStaked(),
        vote.events().size(), vote.verdict(KEY), open ? vote.round(KEY) : 0, open ? vote.roundStart(KEY) : null,
        vote.frozenStake(R1), vote.frozenStake(R1.plus(H48)));
  }

  /** Runs {@code op} inside a transaction that fails after it, and checks the vote is as before. */
  void abortedAfter(Runnable op) {
    AbortedTransactions.assertAbortLeavesUnchanged(book, this::seen, op);
  }

  String hash(AccountId who, Answer answer, int round, long salt) {
    return TokenVote.commitment(KEY, round, who, answer, salt);
  }

  @Test
  void anAbortedStakeLeavesTheStakeAsItWas() {
    abortedAfter(() -> vote.stake(A, Amount.of(1_000_000), T0));
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_000_000));
    // a first stake (the voter had none) is undone to no stake at all: it cannot commit
    AccountId fresh = AccountId.of("fresh");
    book.mint(UMA, fresh, Amount.of(5));
    abortedAfter(() -> vote.stake(fresh, Amount.of(5), T0));
    vote.escalate(KEY, T0);
    assertThatThrownBy(() -> vote.commit(KEY, fresh, "h", R1))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.NotAllowed.class));
  }

  @Test
  void anAbortedStakeInARevealPhaseDoesNotFreezeTheRound() {
    vote.escalate(KEY, T0);
    vote.commit(KEY, A, hash(A, YES, 1, 7L), R1);
    abortedAfter(() -> vote.stake(A, Amount.of(1_000_000), R1.plus(H24)));
    assertThat(vote.frozenStake(R1)).isEmpty();
  }

  @Test
  void anAbortedUnstakeLeavesTheStakeAsItWas() {
    abortedAfter(() -> vote.unstake(A, Amount.of(3_000_000), T0));
    // and the whole stake can still be withdrawn, to the wei
    vote.unstake(A, Amount.of(7_000_000), T0);
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.ZERO);
    assertThat(book.balanceOf(A, UMA)).isEqualTo(Amount.of(8_000_000));
  }

  @Test
  void anAbortedEscalationLeavesNoQuestion() {
    abortedAfter(() -> vote.escalate(KEY, T0));
    assertThat(vote.verdict(KEY)).isEmpty();
    assertThatThrownBy(() -> vote.round(KEY))
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(OracleError.UnknownRequest.class));
    // unstaking is not locked by a question that never opened, and the key can be escalated for real
    vote.unstake(C, Amount.of(1), T0);
    vote.escalate(KEY, T0);
    assertThat(vote.round(KEY)).isEqualTo(1);
  }

  @Test
  void anAbortedFirstCommitLeavesNoCommitment() {
    vote.escalate(KEY, T0);
    abortedAfter(() -> vote.commit(KEY, A, hash(A, YES, 1, 7L), R1));
    assertThatThrownBy(() -> vote.reveal(KEY, A, YES, 7L, R1.plus(H24)))
        .hasMessageContaining("a did not commit in round 1");
  }

  @Test
  void anAbortedRecommitRestoresTheEarlierCommitmentAndItsWeight() {
    vote.escalate(KEY, T0);
    vote.commit(KEY, A, hash(A, YES, 1, 7L), R1);
    // A adds 1M of stake, then re-commits NO with the larger stake, but the transaction fails
    vote.stake(A, Amount.of(1_000_000), R1.plusSeconds(5));
    abortedAfter(() -> vote.commit(KEY, A, hash(A, NO, 1, 8L), R1.plusSeconds(10)));
    assertThatThrownBy(() -> vote.reveal(KEY, A, NO, 8L, R1.plus(H24)))
        .hasMessageContaining("does not match the commitment of a");
    // the YES commitment stands, weighing the 7M staked when it was made
    var revealed = vote.reveal(KEY, A, YES, 7L, R1.plus(H24));
    assertThat(revealed.weight()).isEqualTo(Amount.of(7_000_000));
  }

  @Test
  void anAbortedRevealCanBeMadeAgainAndFreezesNothing() {
    vote.escalate(KEY, T0);
    vote.commit(KEY, A, hash(A, YES, 1, 7L), R1);
    abortedAfter(() -> vote.reveal(KEY, A, YES, 7L, R1.plus(H24)));
    assertThat(vote.frozenStake(R1)).isEmpty();
    // stake added now (before any real reveal) is part of the base frozen by the first real reveal
    AccountId late = AccountId.of("late");
    book.mint(UMA, late, Amount.of(3_000_000));
    vote.stake(late, Amount.of(3_000_000), R1.plusSeconds(1));
    vote.reveal(KEY, A, YES, 7L, R1.plus(H24));
    assertThat(vote.frozenStake(R1)).contains(Amount.of(13_000_000));
    // 7M is not above floor(0.65 × 13M) = 8.45M: the vote rolls on SPAT, with A's 7M revealed once
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, R1.plus(H48));
    assertThat(rolled.revealed()).isEqualTo(Amount.of(7_000_000));
    assertThat(rolled.missed()).isEqualTo("SPAT");
  }

  @Test
  void anAbortedRollLeavesTheRoundItsStartAndItsVotes() {
    vote.escalate(KEY, T0);
    vote.commit(KEY, C, hash(C, YES, 1, 7L), R1);
    vote.reveal(KEY, C, YES, 7L, R1.plus(H24));
    abortedAfter(() -> vote.resolve(KEY, R1.plus(H48)));
    assertThat(vote.round(KEY)).isEqualTo(1);
    assertThat(vote.roundStart(KEY)).isEqualTo(R1);
    // the tally still sees C's 1M reveal (below the 5M GAT), and rolls the same way for real
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, R1.plus(H48));
    assertThat(rolled.revealed()).isEqualTo(Amount.of(1_000_000));
    assertThat(rolled.topAnswerStake()).isEqualTo(Amount.of(1_000_000));
    assertThat(rolled.missed()).isEqualTo("GAT");
    assertThat(vote.round(KEY)).isEqualTo(2);
  }

  @Test
  void anAbortedDeletionLeavesTheQuestionOpen() {
    vote = new TokenVote(book, UMA, AccountId.of("pool2"), TREASURY, VoteConfig.uma(Amount.of(5_000_000)).withMaxRolls(0));
    book.mint(UMA, AccountId.of("d"), Amount.of(1));
    vote.stake(AccountId.of("d"), Amount.of(1), T0);
    vote.escalate(KEY, T0);
    abortedAfter(() -> vote.resolve(KEY, R1.plus(H48)));
    assertThat(vote.verdict(KEY)).isEmpty();
    assertThat(vote.resolve(KEY, R1.plus(H48))).isInstanceOf(VoteEvent.Deleted.class);
    assertThat(vote.verdict(KEY)).contains(new Verdict.Deleted(1));
  }

  @Test
  void anAbortedSettlementLeavesEveryStakeUnslashed() {
    vote.escalate(KEY, T0);
    vote.commit(KEY, A, hash(A, YES, 1, 7L), R1);
    vote.commit(KEY, B, hash(B, NO, 1, 7L), R1);
    vote.reveal(KEY, A, YES, 7L, R1.plus(H24));
    vote.reveal(KEY, B, NO, 7L, R1.plus(H24));
    abortedAfter(() -> vote.resolve(KEY, R1.plus(H48)));
    assertThat(vote.verdict(KEY)).isEmpty();
    // unstaking is still locked: the question is open again
    assertThatThrownBy(() -> vote.unstake(B, Amount.of(1), R1.plus(H48)))
        .hasMessageContaining("unstaking is locked while a vote is open");
    // settled for real: 0.1% of B's 2M and of C's 1M go to A (VotingV2's slash), exactly once
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, R1.plus(H48));
    assertThat(resolved.slashed()).isEqualTo(Amount.of(3_000));
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_003_000));
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(1_998_000));
    assertThat(vote.stakeOf(C)).isEqualTo(Amount.of(999_000));
  }

  @Test
  void aDecidedQuestionIsNotReopenedByAnotherQuestionsAbortedSettlement() {
    // two questions: KEY decided for real; OTHER's settlement is aborted. KEY's verdict must stand.
    vote.escalate(KEY, T0);
    vote.escalate(OTHER, T0);
    for (RequestKey k : new RequestKey[] {KEY, OTHER}) {
      vote.commit(k, A, TokenVote.commitment(k, 1, A, YES, 7L), R1);
      vote.reveal(k, A, YES, 7L, R1.plus(H24));
    }
    vote.resolve(KEY, R1.plus(H48));
    Amount settledA = vote.stakeOf(A);
    abortedAfter(() -> vote.resolve(OTHER, R1.plus(H48)));
    assertThat(vote.verdict(KEY)).contains(new Verdict.Decided(YES));
    assertThat(vote.verdict(OTHER)).isEmpty();
    assertThat(vote.stakeOf(A)).isEqualTo(settledA);
  }
}
