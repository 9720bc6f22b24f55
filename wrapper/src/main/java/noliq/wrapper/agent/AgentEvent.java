package noliq.wrapper.agent;

import java.time.Instant;
import java.util.Optional;
import noliq.math.Amount;
import noliq.math.Price;
import noliq.math.book.Token;
import noliq.options.SeriesId;
import noliq.wrapper.port.Mechanism;

/** What the local agent did, in order: each decision, and each trade it attempted. */
public sealed interface AgentEvent {
  record Decided(AgentDecision decision) implements AgentEvent {}

  /** A roll (or the entry, {@code from} empty) traded: fair values feed the drift accounting's roll cost. */
  record Traded(Instant at, Optional<SeriesId> from, SeriesId to, Mechanism mechanism, Token gave, Amount given,
      Amount received, Price fairGiven, Price fairReceived) implements AgentEvent {}

  /** The held series matured and settled through the slow oracle (nobody filled a roll in time): its P was redeemed for ETH. */
  record Redeemed(Instant at, SeriesId series, Amount p, Amount eth) implements AgentEvent {}

  /** Nobody took the orders by the deadline: the agent keeps what it holds and tries again at a later check. */
  record Unfilled(Instant at, SeriesId target, Mechanism mechanism, String reason) implements AgentEvent {}
}
