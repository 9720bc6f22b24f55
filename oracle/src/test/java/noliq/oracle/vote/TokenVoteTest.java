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

  /** The first round after T0 on VotingV2's 48 h grid (round ids count from the epoch): 14 h after T0. */
  static final Instant R1 = Instant.parse("2026-09-26T00:00:00Z");
  static final Duration H48 = Duration.ofHours(48);

  TokenBook book;
  TokenVote vote;

  @BeforeEach
  void setUp() {
    init(VoteConfig.uma(Amount.of(5_000_000)));
  }

  void init(VoteConfig config) {
    book = new TokenBook();
    vote = stakedAndEscalated(book, config);
  }

  /** A vote on {@code book} where A 7M, B 2M and C 1M are staked and KEY is escalated at T0 (voted on from R1). */
  static TokenVote stakedAndEscalated(TokenBook book, VoteConfig config) {
    TokenVote vote = new TokenVote(book, UMA, POOL, TREASURY, config);
    book.mint(UMA, A, Amount.of(7_000_000));
    book.mint(UMA, B, Amount.of(2_000_000));
    book.mint(UMA, C, Amount.of(1_000_000));
    vote.stake(A, Amount.of(7_000_000), T0);
    vote.stake(B, Amount.of(2_000_000), T0);
    vote.stake(C, Amount.of(1_000_000), T0);
    vote.escalate(KEY, T0);
    return vote;
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

  /** A fresh vote with the given stakes (in whole UMA), escalated at T0. */
  void initStakes(VoteConfig config, long... stakes) {
    book = new TokenBook();
    vote = new TokenVote(book, UMA, POOL, TREASURY, config);
    for (int i = 0; i < stakes.length; i++) {
      AccountId who = AccountId.of("v" + i);
      book.mint(UMA, who, Amount.of(stakes[i]));
      vote.stake(who, Amount.of(stakes[i]), T0);
    }
    vote.escalate(KEY, T0);
  }

  @Test
  void anEscalatedQuestionWaitsForTheNextRoundOfTheFixedGrid() {
    // VoteTiming: round id = floor(t / 48 h); a request is voted on in the round after the current one
    assertThat(vote.roundStart(KEY)).isEqualTo(R1);
    assertThat(Duration.between(T0, R1)).isEqualTo(Duration.ofHours(14));
    assertThat(R1.getEpochSecond() % H48.toSeconds()).isZero();
    // escalated exactly on a round's start: waits the whole round; one second before the next: waits one second
    assertThat(vote.nextRoundStart(R1)).isEqualTo(R1.plus(H48));
    assertThat(vote.nextRoundStart(R1.minusSeconds(1))).isEqualTo(R1);
    refused(() -> vote.commit(KEY, A, "h", T0), OracleError.TooEarly.class, "commit is not allowed before");
  }

  @Test
  void aResolvedVoteSlashesWrongAndMissedVotesToTheCorrectVoters() {
    vote(A, YES, R1, 1);
    vote(B, NO, R1, 1);
    reveal(A, YES, R1);
    reveal(B, NO, R1);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, R1.plus(H48));
    assertThat(resolved.answer()).isEqualTo(YES);
    assertThat(vote.verdict(KEY)).contains(new Verdict.Decided(YES));
    // mainnet's 0.1%: B voted wrong, 0.001 of 2M = 2,000; C did not vote, 0.001 of 1M = 1,000; A, the only correct voter, gets 3,000
    assertThat(resolved.slashed()).isEqualTo(Amount.of(3_000));
    assertThat(vote.stakeOf(A)).isEqualTo(Amount.of(7_003_000));
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(1_998_000));
    assertThat(vote.stakeOf(C)).isEqualTo(Amount.of(999_000));
    assertThat(resolved.stakeChanges().get(B)).isEqualTo(Amount.of(2_000).wei().negate());
    assertPoolHoldsTheStakes();
  }

  @Test
  void rewardsAreSharedProRataAndRoundingDustGoesToTheTreasury() {
    book.mint(UMA, AccountId.of("d"), Amount.ofWei(3));
    vote.stake(AccountId.of("d"), Amount.ofWei(3), T0);
    vote(A, YES, R1, 1);
    vote(AccountId.of("d"), YES, R1, 1);
    vote(B, NO, R1, 1);
    reveal(A, YES, R1);
    reveal(AccountId.of("d"), YES, R1);
    reveal(B, NO, R1);
    var resolved = (VoteEvent.Resolved) vote.resolve(KEY, R1.plus(H48));
    BigInteger paid = resolved.stakeChanges().values().stream().filter(v -> v.signum() > 0).reduce(BigInteger.ZERO, BigInteger::add);
    assertThat(paid.add(resolved.dust().wei())).isEqualTo(resolved.slashed().wei());
    assertThat(book.balanceOf(TREASURY, UMA)).isEqualTo(resolved.dust());
    assertThat(book.balanceOf(POOL, UMA)).isEqualTo(vote.totalStaked());
  }

  @Test
  void seventyPercentOfAllStakedTokensOnOneAnswerClearsSpat() {
    vote(A, YES, R1, 1);
    vote(B, NO, R1, 1);
    vote(C, NO, R1, 1);
    reveal(A, YES, R1);
    reveal(B, NO, R1);
    reveal(C, NO, R1);
    // 7M > floor(0.65 × 10M staked) = 6.5M
    assertThat(vote.resolve(KEY, R1.plus(H48))).isInstanceOf(VoteEvent.Resolved.class);
  }

  @Test
  void spatIsAShareOfTheStakeFrozenForTheRoundNotOfTheRevealedStake() {
    // the example: 100M staked, 40M revealed, 27M on one answer. 27M is 67.5% of the revealed stake,
    // but VotingV2 needs more than 65% of the 100M: the vote rolls.
    initStakes(VoteConfig.uma(Amount.of(5_000_000)), 27_000_000, 13_000_000, 60_000_000);
    AccountId x = AccountId.of("v0");
    AccountId y = AccountId.of("v1");
    vote.commit(KEY, x, TokenVote.commitment(KEY, 1, x, YES, 7L), R1);
    vote.commit(KEY, y, TokenVote.commitment(KEY, 1, y, NO, 7L), R1);
    vote.reveal(KEY, x, YES, 7L, R1.plus(H24));
    vote.reveal(KEY, y, NO, 7L, R1.plus(H24));
    assertThat(vote.frozenStake(R1)).contains(Amount.of(100_000_000));
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, R1.plus(H48));
    assertThat(rolled.missed()).isEqualTo("SPAT");
    assertThat(rolled.revealed()).isEqualTo(Amount.of(40_000_000));
    assertThat(rolled.topAnswerStake()).isEqualTo(Amount.of(27_000_000));
    assertThat(vote.verdict(KEY)).isEmpty();
  }

  @Test
  void bothThresholdsAreStrict() {
    // modal votes exactly floor(0.65 × 20M) = 13M: not strictly greater, rolls; 1 wei more resolves
    VoteConfig config = VoteConfig.uma(Amount.of(5_000_000));
    for (long extraWei : new long[] {0, 1}) {
      book = new TokenBook();
      vote = new TokenVote(book, UMA, POOL, TREASURY, config);
      book.mint(UMA, A, Amount.of(13_000_000).plus(Amount.ofWei(extraWei)));
      book.mint(UMA, B, Amount.of(7_000_000).minus(Amount.ofWei(extraWei)));
      vote.stake(A, book.balanceOf(A, UMA), T0);
      vote.stake(B, book.balanceOf(B, UMA), T0);
      vote.escalate(KEY, T0);
      vote(A, YES, R1, 1);
      reveal(A, YES, R1);
      VoteEvent e = vote.resolve(KEY, R1.plus(H48));
      assertThat(e).as("extra " + extraWei).isInstanceOf(extraWei == 0 ? VoteEvent.Rolled.class : VoteEvent.Resolved.class);
    }
    // revealed stake exactly GAT: not strictly greater, rolls on GAT though one answer holds all of it
    initStakes(VoteConfig.uma(Amount.of(5_000_000)), 5_000_000);
    AccountId only = AccountId.of("v0");
    vote.commit(KEY, only, TokenVote.commitment(KEY, 1, only, YES, 7L), R1);
    vote.reveal(KEY, only, YES, 7L, R1.plus(H24));
    assertThat(((VoteEvent.Rolled) vote.resolve(KEY, R1.plus(H48))).missed()).isEqualTo("GAT");
  }

  @Test
  void stakeAddedDuringTheRevealPhaseDoesNotMoveTheFrozenThreshold() {
    vote(A, YES, R1, 1);
    // stake arrives in the reveal phase before anyone reveals: the round freezes at 10M first
    AccountId late = AccountId.of("late");
    book.mint(UMA, late, Amount.of(1_000_000));
    vote.stake(late, Amount.of(1_000_000), R1.plus(H24));
    reveal(A, YES, R1);
    assertThat(vote.frozenStake(R1)).contains(Amount.of(10_000_000));
    // 7M > 6.5M (frozen); against the 11M now staked it would need more than 7.15M
    assertThat(vote.resolve(KEY, R1.plus(H48))).isInstanceOf(VoteEvent.Resolved.class);
  }

  @Test
  void aRoundBelowSpatRollsAndTheNextRoundStartsWhereItEnded() {
    // 7M of 10M staked: not above a 75% SPAT (7.5M)
    init(VoteConfig.uma(Amount.of(5_000_000)).withSpat(new BigInteger("750000000000000000")));
    vote(A, YES, R1, 1);
    vote(B, NO, R1, 1);
    vote(C, NO, R1, 1);
    reveal(A, YES, R1);
    reveal(B, NO, R1);
    reveal(C, NO, R1);
    Instant end = R1.plus(H48);
    var rolled = (VoteEvent.Rolled) vote.resolve(KEY, end);
    assertThat(rolled.missed()).isEqualTo("SPAT");
    assertThat(vote.round(KEY)).isEqualTo(2);
    assertThat(vote.roundStart(KEY)).isEqualTo(end);
    assertThat(vote.verdict(KEY)).isEmpty();
    // Nobody is slashed for a rolled round.
    assertThat(vote.stakeOf(B)).isEqualTo(Amount.of(2_000_000));
  }

  @Test
  void mainnetDeletesAfterFourRollsThatIsFiveRounds() {
    assertThat(VoteConfig.UMA_MAX_ROLLS).isEqualTo(4);
    assertThat(vote.config().maxRounds()).isEqualTo(5);
    Instant start = R1;
    for (int round = 1; round <= 5; round++) {
      vote(C, YES, start, round);
      reveal(C, YES, start); // 1M revealed, not above the 5M GAT
      Instant end = start.plus(H48);
      VoteEvent e = vote.resolve(KEY, end);
      if (round <= 4) {
        assertThat(e).isInstanceOfSatisfying(VoteEvent.Rolled.class, r -> assertThat(r.missed()).isEqualTo("GAT"));
      } else {
        assertThat(e).isInstanceOf(VoteEvent.Deleted.class); // roll count 5 > maxRolls 4
      }
      start = end;
    }
    assertThat(vote.verdict(KEY)).contains(new Verdict.Deleted(5));
    assertThat(Duration.between(R1, start)).isEqualTo(Duration.ofDays(10));
    refused(() -> vote.resolve(KEY, R1.plus(Duration.ofDays(30))), OracleError.WrongState.class, "voting is not allowed");
  }

  @Test
  void illegalVotesAreRefusedAndChangeNothing() {
    refused(() -> vote.reveal(KEY, A, YES, 7L, R1.plus(H24)), OracleError.NotAllowed.class, "voter: a did not commit in round 1");
    refused(() -> vote.commit(KEY, A, "h", R1.minusSeconds(1)), OracleError.TooEarly.class, "commit is not allowed before");
    refused(() -> vote.commit(KEY, A, "h", R1.plus(H24)), OracleError.TooLate.class, "now: commit closed at 2026-09-27T00:00:00Z");
    refused(() -> vote.commit(KEY, AccountId.of("nobody"), "h", R1), OracleError.NotAllowed.class, "nobody has no stake");
    vote(A, YES, R1, 1);
    refused(() -> vote.reveal(KEY, A, YES, 7L, R1.plusSeconds(5)), OracleError.TooEarly.class, "reveal is not allowed before");
    refused(() -> vote.reveal(KEY, A, NO, 7L, R1.plus(H24)), OracleError.NotAllowed.class, "answer: does not match the commitment of a");
    refused(() -> vote.reveal(KEY, A, YES, 8L, R1.plus(H24)), OracleError.NotAllowed.class, "does not match");
    refused(() -> vote.reveal(KEY, A, YES, 7L, R1.plus(H48)), OracleError.TooLate.class, "reveal closed");
    vote.reveal(KEY, A, YES, 7L, R1.plus(H24));
    refused(() -> vote.reveal(KEY, A, YES, 7L, R1.plus(H24)), OracleError.NotAllowed.class, "already revealed");
    refused(() -> vote.resolve(KEY, R1.plus(Duration.ofHours(47))), OracleError.TooEarly.class, "resolve is not allowed before");
    refused(() -> vote.unstake(A, Amount.ONE, R1), OracleError.NotAllowed.class, "unstaking is locked while a vote is open");
    refused(() -> vote.escalate(KEY, T0), OracleError.DuplicateRequest.class, "already exists");
    refused(() -> vote.commit(new RequestKey("X", T0, "s"), A, "h", T0), OracleError.UnknownRequest.class, "no request");
    vote.resolve(KEY, R1.plus(H48));
    vote.unstake(C, Amount.of(1), R1.plus(Duration.ofHours(49)));
    assertPoolHoldsTheStakes();
  }

  @Test
  void stakeAddedAfterCommittingCarriesNoWeight() {
    vote(C, NO, R1, 1);
    book.mint(UMA, C, Amount.of(9_000_000));
    vote.stake(C, Amount.of(9_000_000), R1.plusSeconds(10));
    var revealed = vote.reveal(KEY, C, NO, 7L, R1.plus(H24));
    assertThat(revealed.weight()).isEqualTo(Amount.of(1_000_000));
  }

  @Test
  void aVoterCanRecommitBeforeTheRevealPhase() {
    vote(A, NO, R1, 1);
    vote.commit(KEY, A, TokenVote.commitment(KEY, 1, A, YES, 9L), R1.plusSeconds(2));
    vote.reveal(KEY, A, YES, 9L, R1.plus(H24));
    assertThat(vote.events()).last().isInstanceOf(VoteEvent.Revealed.class);
    assertThat(List.of(vote.resolve(KEY, R1.plus(H48)))).first().isInstanceOf(VoteEvent.Resolved.class);
  }
}
