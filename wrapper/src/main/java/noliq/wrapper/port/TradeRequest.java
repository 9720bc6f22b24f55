package noliq.wrapper.port;

import java.time.Instant;
import noliq.math.Amount;
import noliq.math.RuleViolation;
import noliq.math.book.AccountId;
import noliq.math.book.Token;

/**
 * "Trade {@code amount} of {@code give} from {@code trader}'s balance for {@code receive}, by
 * {@code mechanism}, settled by {@code deadline}." Tokens are ETH or a listed series' P or N.
 */
public record TradeRequest(
    AccountId trader, Token give, Amount amount, Token receive, Mechanism mechanism, Instant now, Instant deadline) {
  public TradeRequest {
    if (trader == null || give == null || receive == null || mechanism == null || now == null || deadline == null) {
      throw new RuleViolation("trade", "trader, tokens, mechanism, now and deadline are all required");
    }
    if (amount == null || !amount.isPositive()) {
      throw new RuleViolation("amount", "must be positive (was " + amount + ")");
    }
    if (give.equals(receive)) {
      throw new RuleViolation("receive", "must differ from the token given (" + give + ")");
    }
    if (deadline.isBefore(now)) {
      throw new RuleViolation("deadline", "must not be before now " + now + " (was " + deadline + ")");
    }
  }
}
