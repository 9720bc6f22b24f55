package noliq.market.agents;

import noliq.math.RuleViolation;
import noliq.math.book.Token;
import noliq.options.Leg;

/**
 * One leg token as an agent values it: the token, which leg it is (P or N), its series' strike in
 * index units and its days to maturity. Series parameters are plain values, so agents stay generic
 * over tokens.
 */
public record SeriesLeg(Token token, Leg leg, double strike, double days) {
  public SeriesLeg {
    if (token == null) {
      throw new RuleViolation("token", "is required");
    }
    if (leg == null) {
      throw new RuleViolation("leg", "is required (P or N)");
    }
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw new RuleViolation("strike", "must be a positive finite number (was " + strike + ")");
    }
    if (!(days >= 0) || Double.isInfinite(days)) {
      throw new RuleViolation("days", "must not be negative (was " + days + ")");
    }
  }

  /** The P leg of a series. */
  public static SeriesLeg p(Token token, double strike, double days) {
    return new SeriesLeg(token, Leg.P, strike, days);
  }

  /** The N leg of a series. */
  public static SeriesLeg n(Token token, double strike, double days) {
    return new SeriesLeg(token, Leg.N, strike, days);
  }
}
