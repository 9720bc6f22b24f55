package noliq.oracle.escalation;

import java.time.Instant;
import java.util.List;
import noliq.math.Amount;
import noliq.math.book.AccountId;
import noliq.oracle.Answer;
import noliq.oracle.RequestKey;

/** Every accepted operation of the {@link EscalationGame}, in order. */
public sealed interface EscalationEvent {
  RequestKey key();

  Instant at();

  record Asked(RequestKey key, AccountId asker, Amount bounty, Instant at) implements EscalationEvent {}

  record Answered(RequestKey key, int number, AccountId answerer, Answer answer, Amount bond,
      Instant finalizesAt, Instant at) implements EscalationEvent {}

  record ArbitrationRequested(RequestKey key, AccountId requester, Amount fee, Instant at) implements EscalationEvent {}

  /** The arbitrator's answer, credited to {@code creditedTo}; final at once. */
  record Arbitrated(RequestKey key, Answer answer, AccountId creditedTo, Instant at) implements EscalationEvent {}

  /** Where the bonds and bounty went; {@code withheld} is the claim fee kept from earlier bonds. */
  record Claimed(RequestKey key, Answer answer, List<Payment> payments, Amount withheld, Instant at) implements EscalationEvent {}

  record Payment(AccountId to, Amount amount) {}
}
