package noliq.oracle.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.AccountId;
import noliq.math.book.Token;
import noliq.math.book.TokenBook;
import noliq.oracle.Answer;
import noliq.oracle.OracleError;
import noliq.oracle.OracleException;
import noliq.oracle.RequestKey;
import noliq.oracle.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TokenVoteTest {
  static final Token UMA = new Token("UMA");
  static final AccountId POOL = AccountId.of("dvm:pool");
  static final AccountId TREASURY = AccountId.of("dvm:treasury");
  static final AccountId A = AccountId.of("a");
  static final AccountId B = AccountId.of("b");
  static final AccountId C = AccountId.of("c");
  static final Instant T0 = Instant.parse("2026-09-25T10:00:00Z");
  static final RequestKey KEY = new RequestKey("ETH/USD", Instant.parse("2026-09-25T08:00:00Z"), "s1");
  static final Answer YES = Answer.value(Price.of(3000));
  static final Answer NO = Answer.value(Price.of(2000));
  static final Duration H24 = Duration.ofHours(24);

  TokenBook book;
  TokenVote vote;

  @BeforeEach
  void setUp() {
    init(VoteConfig.uma(Amount.of(5_000_000)));
  }

  void init(VoteConfig config) {
    book = new TokenBook();
    vote = new TokenVote(book, UMA, POOL, TREASURY, config);
    book.mint(UMA, A, Amount.of(7_000_000));
    book.mint(UMA, B, Amount.of(2_000_000));
    book.mint(UMA, C, Amount.of(1_000_000));
    vote.stake(A, Amount.of(7_000_000), T0);
    vote.stake(B, Amount.of(2_000_000), T0);
    vote.stake(C, Amount.of(1_000_000), T0);
    vote.escalate(KEY, T0);
  }

  void vote(AccountId who, Answer answer, Instant roundStart, int round) {
    vote.commit(KEY, who, TokenVote.commitment(KEY, round, who, answer, 7L), roundStart.plusSeconds(1));
  }

  void reveal(AccountId who, Answer answer, Instant roundStart) {
    vote.reveal(KEY, who, answer, 7L, roundStart.plus(H24).plusSeconds(1));
  }

  void refused(Executable op, Class<? extends OracleError> reason, String message) {
    TokenBook.Snapshot before = book.snapshot();
    int events = vote.events().size();
    assertThatThrownBy(op::execute)
        .isInstanceOfSatisfying(OracleException.class, e -> assertThat(e.error()).isInstanceOf(reason))
        .hasMessageContaining(message);
    assertThat(book.snapshot()).isEqualTo(before);
    assertThat(vote.events()).hasSize(events);
  }

  void assertPoolHoldsTheStakes() {
    assertThat(book.balanceOf(POOL, UMA)).isEqualTo(vote.totalStaked());
    assertThat(book.totalSupply(UMA)).isEqualTo(Amount.of(10_000_000));
  }

  @Test
  void aResolvedVoteSlashesWrongAndMissedVotesToTheCorrectVoters() {
    vote(A, YES, T0, 1);
    vote(B, NO, T0, 1);
    reveal(A, YES, T0);
    reveal(B, NO, T0);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, T0.plus(Duration.ofHours(48)));
    assertThat(resolved.answer()).isEqualTo(YES);
    assertThat(vote.verdict(KEY)).contains(new Verdict.Decided(YES));
    // B voted wrong: 0.16% of 2M = 3,200. C did not vote: 0.16% of 1M = 1,600. A, the only correct voter, gets 4,800.
    assertThat(resolved.slashed()).isEqualTo(Amount.of(4_800));
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_004_800));
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(1_996_800));
    assertThat(vote.stakeOf(C)).isEqualTo(Amount.of(998_400));
    assertThat(resolved.stakeChanges().get(B)).isEqualTo(Amount.of(3_200).wei().negate());
    assertPoolHoldsTheStakes();
  }

  @Test
  void rewardsAreSharedProRataAndRoundingDustGoesToTheTreasury() {
    book.mint(UMA, AccountId.of("d"), Amount.ofWei(3));
    vote.stake(AccountId.of("d"), Amount.ofWei(3), T0);
    vote(A, YES, T0, 1);
    vote(AccountId.of("d"), YES, T0, 1);
    vote(B, NO, T0, 1);
    reveal(A, YES, T0);
    reveal(AccountId.of("d"), YES, T0);
    reveal(B, NO, T0);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, T0.plus(Duration.ofHours(48)));
    BigInteger paid = resolved.stakeChanges().values().stream().filter(v -> v.signum() > 0).reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(paid.add(resolved.dust().wei())).isEqualTo(resolved.slashed().wei());
    assertThat(book.balanceOf(TREASURY, UMA)).isEqualTo(resolved.dust());
    assertThat(book.balanceOf(POOL, UMA)).isEqualTo(vote.totalStaked());
  }

  @Test
  void seventyPercentOfTheRevealedStakeMeetsUmasSpat() {
    vote(A, YES, T0, 1);
    vote(B, NO, T0, 1);
    vote(C, NO, T0, 1);
    reveal(A, YES, T0);
    reveal(B, NO, T0);
    reveal(C, NO, T0);
    // 7M of 10M = 70% >= 65%.
    assertThat(vote.resolve(KEY, T0.plus(Duration.ofHours(48)))).isInstanceOf(VoteEvent.Resolved.class);
  }

  @Test
  void aRoundBelowSpatRollsAndTheNextRoundStartsWhereItEnded() {
    // 7M of 10M revealed is 70%: below a 75% SPAT.
    init(VoteConfig.uma(Amount.of(5_000_000)).withSpat(new BigInteger("750000000000000000")));
    vote(A, YES, T0, 1);
    vote(B, NO, T0, 1);
    vote(C, NO, T0, 1);
    reveal(A, YES, T0);
    reveal(B, NO, T0);
    reveal(C, NO, T0);
    Instant end = T0.plus(Duration.ofHours(48));
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, end);
    assertThat(rolled.missed()).isEqualTo("SPAT");
    assertThat(vote.round(KEY)).isEqualTo(2);
    assertThat(vote.roundStart(KEY)).isEqualTo(end);
    assertThat(vote.verdict(KEY)).isEmpty();
    // Nobody is slashed for a rolled round.
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(2_000_000));
  }

  @Test
  void aRoundBelowGatRollsAndFiveRollsThenDelete() {
    Instant start = T0;
    for (int round = 1; round <= 6; round++) {
      vote(C, YES, start, round);
      reveal(C, YES, start); // 1M revealed < GAT of 5M
      Instant end = start.plus(Duration.ofHours(48));
      VoteEvent e = vote.resolve(KEY, end);
      if (round <= 5) {
        assertThat(e).isInstanceOfSatisfying(VoteEvent.Rolled.class, r -> assertThat(r.missed()).isEqualTo("GAT"));
      } else {
        assertThat(e).isInstanceOf(VoteEvent.Deleted.class);
      }
      start = end;
    }
    assertThat(vote.verdict(KEY)).contains(new Verdict.Deleted(6));
    assertThat(Duration.between(T0, start)).isEqualTo(Duration.ofDays(12));
    refused(() -> vote.resolve(KEY, T0.plus(Duration.ofDays(30))), OracleError.WrongState.class, "voting is not allowed");
  }

  @Test
  void illegalVotesAreRefusedAndChangeNothing() {
    refused(() -> vote.reveal(KEY, A, YES, 7L, T0.plus(H24)), OracleError.NotAllowed.class, "voter: a did not commit in round 1");
    refused(() -> vote.commit(KEY, A, "h", T0.minusSeconds(1)), OracleError.TooEarly.class, "commit is not allowed before");
    refused(() -> vote.commit(KEY, A, "h", T0.plus(H24)), OracleError.TooLate.class, "now: commit closed at 2026-09-26T10:00:00Z");
    refused(() -> vote.commit(KEY, AccountId.of("nobody"), "h", T0), OracleError.NotAllowed.class, "nobody has no stake");
    vote(A, YES, T0, 1);
    refused(() -> vote.reveal(KEY, A, YES, 7L, T0.plusSeconds(5)), OracleError.TooEarly.class, "reveal is not allowed before");
    refused(() -> vote.reveal(KEY, A, NO, 7L, T0.plus(H24)), OracleError.NotAllowed.class, "answer: does not match the commitment of a");
    refused(() -> vote.reveal(KEY, A, YES, 8L, T0.plus(H24)), OracleError.NotAllowed.class, "does not match");
    refused(() -> vote.reveal(KEY, A, YES, 7L, T0.plus(Duration.ofHours(48))), OracleError.TooLate.class, "reveal closed");
    vote.reveal(KEY, A, YES, 7L, T0.plus(H24));
    refused(() -> vote.reveal(KEY, A, YES, 7L, T0.plus(H24)), OracleError.NotAllowed.class, "already revealed");
    refused(() -> vote.resolve(KEY, T0.plus(Duration.ofHours(47))), OracleError.TooEarly.class, "resolve is not allowed before");
    refused(() -> vote.unstake(A, Amount.ONE, T0), OracleError.NotAllowed.class, "unstaking is locked while a vote is open");
    refused(() -> vote.escalate(KEY, T0), OracleError.DuplicateRequest.class, "already exists");
    refused(() -> vote.commit(new RequestKey("X", T0, "s"), A, "h", T0), OracleError.UnknownRequest.class, "no request");
    vote.resolve(KEY, T0.plus(Duration.ofHours(48)));
    vote.unstake(C, Amount.of(1), T0.plus(Duration.ofHours(49)));
    assertPoolHoldsTheStakes();
  }

  @Test
  void stakeAddedAfterCommittingCarriesNoWeight() {
    vote(C, NO, T0, 1);
    book.mint(UMA, C, Amount.of(9_000_000));
    vote.stake(C, Amount.of(9_000_000), T0.plusSeconds(10));
    var revealed = vote.reveal(KEY, C, NO, 7L, T0.plus(H24));
    assertThat(revealed.weight()).isEqualTo(Amount.of(1_000_000));
  }

  @Test
  void aVoterCanRecommitBeforeTheRevealPhase() {
    vote(A, NO, T0, 1);
    vote.commit(KEY, A, TokenVote.commitment(KEY, 1, A, YES, 9L), T0.plusSeconds(2));
    vote.reveal(KEY, A, YES, 9L, T0.plus(H24));
    assertThat(vote.events()).last().isInstanceOf(VoteEvent.Revealed.class);
    assertThat(List.of(vote.resolve(KEY, T0.plus(Duration.ofHours(48))))).first().isInstanceOf(VoteEvent.Resolved.class);
  }
}
