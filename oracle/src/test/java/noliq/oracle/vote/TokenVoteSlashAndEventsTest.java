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
import static noliq.oracle.vote.TokenVoteTest.UMA;
import static noliq.oracle.vote.TokenVoteTest.YES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import org.junit.jupiter.api.Test;

/**
 * The vote's slashing with distinct wrong-vote and no-vote rates (VotingV2 takes both from its
 * slashing library; mainnet happens to set both to 0.1%), its events as returned to the caller,
 * and the round state a roll leaves behind.
 */
class TokenVoteSlashAndEventsTest {
  static final BigInteger MILLI = new BigInteger("1000000000000000");

  TokenBook book;
  TokenVote vote;

  /** A 7M, B 2M, C 1M staked; KEY escalated at T0 (voted on from R1). */
  void init(BigInteger wrongSlashWad, BigInteger noVoteSlashWad) {
    VoteConfig uma = VoteConfig.uma(Amount.of(5_000_000));
    VoteConfig config = new VoteConfig(uma.commitPhase(), uma.revealPhase(), uma.gat(), uma.spatWad(), uma.maxRolls(),
        wrongSlashWad, noVoteSlashWad);
    book = new TokenBook();
    vote = TokenVoteTest.stakedAndEscalated(book, config);
  }

  void votes(AccountId who, Answer answer) {
    vote.commit(KEY, who, TokenVote.commitment(KEY, vote.round(KEY), who, answer, 7L), vote.roundStart(KEY));
  }

  void reveals(AccountId who, Answer answer) {
    vote.reveal(KEY, who, answer, 7L, vote.roundStart(KEY).plus(H24));
  }

  @Test
  void wrongAndMissedVotesAreSlashedAtTheirOwnRates() {
    // wrong vote 0.1%, no vote 0.5%: B (wrong) loses 2,000 of 2M, C (absent) 5,000 of 1M; A, alone correct, gains 7,000
    init(MILLI, MILLI.multiply(BigInteger.valueOf(5)));
    votes(A, YES);
    votes(B, NO);
    reveals(A, YES);
    reveals(B, NO);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, R1.plus(H48));
    assertThat(resolved.slashed()).isEqualTo(Amount.of(7_000));
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(1_998_000));
    assertThat(vote.stakeOf(C)).isEqualTo(Amount.of(995_000));
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_007_000));
  }

  @Test
  void withoutSlashingNobodysStakeChangesAndTheEventListsNoChange() {
    init(BigInteger.ZERO, BigInteger.ZERO);
    votes(A, YES);
    votes(B, NO);
    reveals(A, YES);
    reveals(B, NO);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, R1.plus(H48));
    assertThat(resolved.slashed()).isEqualTo(Amount.ZERO);
    assertThat(resolved.stakeChanges()).isEmpty();
    assertThat(resolved.dust()).isEqualTo(Amount.ZERO);
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_000_000));
    assertThat(vote.stakeOf(C)).isEqualTo(Amount.of(1_000_000));
  }

  @Test
  void eachOperationReturnsTheEventItRecorded() {
    init(MILLI, MILLI);
    assertThat(vote.token()).isEqualTo(UMA);
    assertThat(vote.pool()).isEqualTo(POOL);
    AccountId d = AccountId.of("d");
    book.mint(UMA, d, Amount.of(10));
    assertThat(vote.stake(d, Amount.of(10), T0)).isEqualTo(new VoteEvent.Staked(d, Amount.of(10), T0));
    assertThat(vote.commit(KEY, A, TokenVote.commitment(KEY, 1, A, YES, 7L), R1))
        .isEqualTo(new VoteEvent.Committed(KEY, 1, A, R1));
    assertThat(vote.events()).last().isEqualTo(new VoteEvent.Committed(KEY, 1, A, R1));
    reveals(A, YES);
    vote.resolve(KEY, R1.plus(H48));
    Instant after = R1.plus(H48).plusSeconds(1);
    assertThat(vote.unstake(d, Amount.of(4), after)).isEqualTo(new VoteEvent.Unstaked(d, Amount.of(4), after));
    assertThat(vote.events()).last().isEqualTo(new VoteEvent.Unstaked(d, Amount.of(4), after));
  }

  @Test
  void aRolledRoundKeepsNoCommitmentForTheNextRound() {
    init(MILLI, MILLI);
    votes(C, YES);
    reveals(C, YES); // 1M: below the 5M GAT, rolls
    vote.resolve(KEY, R1.plus(H48));
    assertThat(vote.round(KEY)).isEqualTo(2);
    // C must commit again in round 2: its round-1 commitment is gone
    assertThatThrownBy(() -> vote.reveal(KEY, C, YES, 7L, vote.roundStart(KEY).plus(H24)))
        .hasMessageContaining("c did not commit in round 2");
  }

  @Test
  void anAbortedRollRestoresTheRoundsCommitmentsForItsStillOpenReveals() {
    // the vote reads no clock: after an aborted resolve, the round is exactly as before, so B, who
    // committed but did not reveal, can still reveal at a time inside the reveal phase
    init(MILLI, MILLI);
    votes(B, NO);
    votes(C, YES);
    reveals(C, YES);
    assertThatThrownBy(() -> book.atomically(() -> {
      vote.resolve(KEY, R1.plus(H48));
      throw new IllegalStateException("the caller's transaction failed");
    })).isInstanceOf(IllegalStateException.class);
    var revealed = vote.reveal(KEY, B, NO, 7L, R1.plus(H24).plusSeconds(60));
    assertThat(revealed.weight()).isEqualTo(Amount.of(2_000_000));
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, R1.plus(H48));
    assertThat(rolled.revealed()).isEqualTo(Amount.of(3_000_000));
  }
}
