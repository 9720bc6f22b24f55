package noliq.oracle.vote;

import java.time.Instant;
import java.util.Map;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;

/** Every accepted operation of the {@link TokenVote}, in order. */
public sealed interface VoteEvent {
  Instant at();

  record Staked(AccountId voter, Amount amount, Instant at) implements VoteEvent {}

  record Unstaked(AccountId voter, Amount amount, Instant at) implements VoteEvent {}

  /** A question was escalated; round 1 opens for commits at {@code at}. */
  record Opened(RequestKey key, Instant at) implements VoteEvent {}

  record Committed(RequestKey key, int round, AccountId voter, Instant at) implements VoteEvent {}

  record Revealed(RequestKey key, int round, AccountId voter, Answer answer, Amount weight, Instant at) implements VoteEvent {}

  /** The round missed GAT or SPAT; round {@code round + 1} starts at {@code nextRoundStart}. */
  record Rolled(RequestKey key, int round, Amount revealed, Amount topAnswerStake, String missed,
      Instant nextRoundStart, Instant at) implements VoteEvent {}

  /**
   * The question resolved in {@code round}. {@code stakeChanges} is each staker's slash (negative)
   * or reward (positive) in wei; {@code dust} is what rounding left over, paid to the treasury.
   */
  record Resolved(RequestKey key, int round, Answer answer, Amount revealed, Amount slashed,
      Map<AccountId, java.math.BigInteger> stakeChanges, Amount dust, Instant at) implements VoteEvent {}

  /** The question missed in its last allowed round and was deleted. */
  record Deleted(RequestKey key, int rounds, Instant at) implements VoteEvent {}
}
