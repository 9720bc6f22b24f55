package noliq.market.agents;

import noliq.math.RuleViolation;
import noliq.math.book.Token;

/**
 * One P token as an agent values it: the token, its strike in index units and its days to
 * maturity (series parameters passed as plain values, so agents stay generic over tokens).
 */
public record Leg(Token token, double strike, double days) {
  public Leg {
    if (token == null) {
      throw new RuleViolation("token", "is required");
    }
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw new RuleViolation("strike", "must be a positive finite number (was " + strike + ")");
    }
    if (!(days >= 0) || Double.isInfinite(days)) {
      throw new RuleViolation("days", "must not be negative (was " + days + ")");
    }
  }
}
