package noliq.oracle.optimistic;

import java.time.Instant;
import java.util.List;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;

/** Every accepted operation of the {@link OptimisticOracle}, in order. */
public sealed interface OptimisticEvent {
  RequestKey key();

  Instant at();

  record Requested(RequestKey key, AccountId requester, Amount reward, Instant at) implements OptimisticEvent {}

  record Proposed(RequestKey key, int round, AccountId proposer, Answer answer, Amount posted,
      Instant expiresAt, Instant at) implements OptimisticEvent {}

  /** A dispute; {@code escalated} tells whether it went to the backstop or reopened the request. */
  record Disputed(RequestKey key, int round, AccountId disputer, Amount posted, boolean escalated,
      Instant at) implements OptimisticEvent {}

  /** Where every posted token went when the request settled. */
  record Settled(RequestKey key, Answer answer, List<Payout> payouts, Instant at) implements OptimisticEvent {}

  /** One payment out of the escrow: to a party, or to the store (burned for the participants). */
  record Payout(AccountId to, Amount amount, String why) {}
}
